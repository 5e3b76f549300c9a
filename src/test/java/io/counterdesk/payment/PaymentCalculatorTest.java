package io.counterdesk.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.account.MeterKind;
import io.counterdesk.payment.PaymentPlan.LineKind;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentCalculatorTest {

    private static final LocalDate PAY_DAY = LocalDate.of(2026, 5, 10);
    private final PaymentCalculator calculator = new PaymentCalculator(VoucherRule.DEFAULT);

    private static DueBill bill(long id, String period, long volume, String amount, String lateFee) {
        Money a = Money.parse(amount);
        return new DueBill(id, YearMonth.parse(period), volume, a, a, Money.parse(lateFee));
    }

    private static PaymentRequest cash(List<DueBill> bills, String cash) {
        return new PaymentRequest(bills, List.of(), Money.parse(cash), List.of(), List.of(), Money.ZERO, Money.ZERO,
                null, PAY_DAY, false);
    }

    private static PaymentRequest vouchers(List<DueBill> bills, String cash, VoucherContext ctx, VoucherBatch... batches) {
        return new PaymentRequest(bills, List.of(), Money.parse(cash), List.of(), List.of(batches), Money.ZERO,
                Money.ZERO, ctx, PAY_DAY, false);
    }

    @Test
    void paysOldestBillFirstLateFeeBeforePrincipal() {
        DueBill march = bill(1, "2026-03", 20, "58.00", "3.50");
        DueBill april = bill(2, "2026-04", 10, "29.00", "0.00");
        PaymentPlan plan = calculator.plan(cash(List.of(march, april), "100.00"));

        assertThat(plan.lines()).extracting(PaymentPlan.Line::kind, PaymentPlan.Line::billId, PaymentPlan.Line::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LineKind.LATE_FEE, 1L, Money.parse("3.50")),
                        org.assertj.core.groups.Tuple.tuple(LineKind.PRINCIPAL, 1L, Money.parse("58.00")),
                        org.assertj.core.groups.Tuple.tuple(LineKind.PRINCIPAL, 2L, Money.parse("29.00")));
        assertThat(plan.totalDue()).isEqualTo(Money.parse("90.50"));
        assertThat(plan.change()).isEqualTo(Money.parse("9.50"));
        assertThat(plan.stillOwed()).isEqualTo(Money.ZERO);
    }

    @ParameterizedTest(name = "cash {0}: late fee {1}, march principal {2}, april principal {3}, owed {4}")
    @CsvSource(textBlock = """
            # cash,  late fee, march, april, still owed
            2.00,    2.00,     0.00,  0.00,  88.50
            3.50,    3.50,     0.00,  0.00,  87.00
            10.00,   3.50,     6.50,  0.00,  80.50
            61.50,   3.50,     58.00, 0.00,  29.00
            70.00,   3.50,     58.00, 8.50,  20.50
            90.50,   3.50,     58.00, 29.00, 0.00
            """)
    void allocatesAPartialPaymentInOrder(String cash, String fee, String march, String april, String owed) {
        DueBill m = bill(1, "2026-03", 20, "58.00", "3.50");
        DueBill a = bill(2, "2026-04", 10, "29.00", "0.00");
        PaymentPlan plan = calculator.plan(cash(List.of(m, a), cash));
        assertThat(paid(plan, LineKind.LATE_FEE, 1)).isEqualTo(Money.parse(fee));
        assertThat(paid(plan, LineKind.PRINCIPAL, 1)).isEqualTo(Money.parse(march));
        assertThat(paid(plan, LineKind.PRINCIPAL, 2)).isEqualTo(Money.parse(april));
        assertThat(plan.stillOwed()).isEqualTo(Money.parse(owed));
        assertThat(plan.change()).isEqualTo(Money.ZERO);
    }

    @Test
    void keepsSurplusAsCreditWhenAsked() {
        PaymentRequest r = new PaymentRequest(List.of(bill(1, "2026-04", 10, "29.00", "0")), List.of(),
                Money.parse("50.00"), List.of(), List.of(), Money.ZERO, Money.ZERO, null, PAY_DAY, true);
        PaymentPlan plan = calculator.plan(r);
        assertThat(plan.change()).isEqualTo(Money.ZERO);
        assertThat(plan.creditAdded()).isEqualTo(Money.parse("21.00"));
    }

    @Test
    void bankSlipLargerThanTheBillBecomesCreditNotChange() {
        PaymentRequest r = new PaymentRequest(List.of(bill(1, "2026-04", 10, "29.00", "0")), List.of(), Money.ZERO,
                List.of(new MoneyTender(TenderKind.BANK_SLIP, Money.parse("30.00"), "BS20260501")), List.of(),
                Money.ZERO, Money.ZERO, null, PAY_DAY, false);
        PaymentPlan plan = calculator.plan(r);
        assertThat(plan.change()).isEqualTo(Money.ZERO);
        assertThat(plan.creditAdded()).isEqualTo(Money.parse("1.00"));
    }

    @Test
    void mixedTendersGiveChangeOnlyFromCash() {
        PaymentRequest r = new PaymentRequest(List.of(bill(1, "2026-04", 40, "116.00", "0")), List.of(),
                Money.parse("100.00"),
                List.of(new MoneyTender(TenderKind.BANK_CARD, Money.parse("50.00"), "POS123456")), List.of(),
                Money.parse("10.00"), Money.parse("10.00"), null, PAY_DAY, false);
        PaymentPlan plan = calculator.plan(r);
        assertThat(plan.moneyReceived()).isEqualTo(Money.parse("160.00"));
        assertThat(plan.change()).isEqualTo(Money.parse("44.00"));
    }

    @Test
    void refusesMoreCreditThanTheAccountHas() {
        PaymentRequest r = new PaymentRequest(List.of(bill(1, "2026-04", 10, "29.00", "0")), List.of(), Money.ZERO,
                List.of(), List.of(), Money.parse("5.01"), Money.parse("5.00"), null, PAY_DAY, false);
        assertThatThrownBy(() -> calculator.plan(r)).isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("payment.credit.tooMuch");
    }

    @Test
    void refusesTheSameBankSlipTwiceInOnePayment() {
        MoneyTender slip = new MoneyTender(TenderKind.BANK_SLIP, Money.parse("10.00"), "BS0001");
        PaymentRequest r = new PaymentRequest(List.of(bill(1, "2026-04", 10, "29.00", "0")), List.of(), Money.ZERO,
                List.of(slip, slip), List.of(), Money.ZERO, Money.ZERO, null, PAY_DAY, false);
        assertThatThrownBy(() -> calculator.plan(r)).extracting(e -> ((BusinessException) e).key())
                .isEqualTo("payment.slip.duplicate");
    }

    @Test
    void feeItemsMustBePaidInFullAndRefundsArePaidOut() {
        FeeItem deposit = new FeeItem("METER_TEST_DEPOSIT", "表具检测押金", Money.ofYuan(300));
        FeeItem refund = new FeeItem("METER_TEST_REFUND", "表具检测押金退还", Money.ofYuan(-300));
        FeeItem dismantle = new FeeItem("DISMANTLING", "拆表费", Money.ofYuan(20));

        PaymentRequest tooLittle = new PaymentRequest(List.of(), List.of(new FeeItem.Line(deposit, 1)),
                Money.ofYuan(299), List.of(), List.of(), Money.ZERO, Money.ZERO, null, PAY_DAY, false);
        assertThatThrownBy(() -> calculator.plan(tooLittle)).extracting(e -> ((BusinessException) e).key())
                .isEqualTo("payment.fee.unpaid");
        assertThatThrownBy(() -> calculator.plan(tooLittle)).as("issue 15: it says how much is short")
                .hasMessage("费用项目“表具检测押金”须全额收取，实收还差 ¥1.00");

        PaymentRequest refundWithFee = new PaymentRequest(List.of(),
                List.of(new FeeItem.Line(refund, 1), new FeeItem.Line(dismantle, 1)), Money.ZERO, List.of(), List.of(),
                Money.ZERO, Money.ZERO, null, PAY_DAY, false);
        PaymentPlan plan = calculator.plan(refundWithFee);
        assertThat(plan.totalDue()).isEqualTo(Money.ofYuan(-280));
        assertThat(plan.change()).isEqualTo(Money.ofYuan(280));
    }

    // --- vouchers (seed 第十三条) ---

    private static final VoucherContext ORDINARY_AVG_20 = new VoucherContext(MeterKind.ORDINARY, 20, 1_000, null);
    private static final LocalDate Q1_END = LocalDate.of(2026, 3, 31);

    @ParameterizedTest(name = "{0} vouchers with a monthly average of {1} m³: allowed={2}")
    @CsvSource(textBlock = """
            # vouchers, monthly average, allowed (cap = 3 × average)
            12,         20,              true
            13,         20,              false
            1,          1,               false
            3,          5,               true
            4,          5,               false
            0,          0,               true
            """)
    void capsVouchersAtThreeTimesTheMonthlyAverage(int count, long average, boolean allowed) {
        VoucherRule rule = VoucherRule.DEFAULT;
        if (allowed) {
            rule.checkCap(count, MeterKind.ORDINARY, average);
        } else {
            assertThatThrownBy(() -> rule.checkCap(count, MeterKind.ORDINARY, average))
                    .extracting(e -> ((BusinessException) e).key()).isEqualTo("payment.voucher.overCap");
        }
    }

    @Test
    void theCapDoesNotApplyToIcCardAccounts() {
        VoucherRule.DEFAULT.checkCap(100, MeterKind.IC, 1);
    }

    @ParameterizedTest(name = "valid through {0}, paid {1}: accepted={2}")
    @CsvSource(textBlock = """
            2026-03-31, 2026-03-31, true
            2026-03-31, 2026-04-30, true
            2026-03-31, 2026-05-01, false
            2025-12-31, 2026-01-31, true
            2025-12-31, 2026-02-01, false
            2026-06-30, 2026-07-31, true
            2026-06-30, 2026-08-01, false
            2026-01-31, 2026-02-28, true
            2026-01-31, 2026-03-01, false
            """)
    void acceptsVouchersForOneGraceMonth(LocalDate validThrough, LocalDate payDay, boolean accepted) {
        VoucherBatch batch = new VoucherBatch(1, Money.ZERO, validThrough);
        if (accepted) {
            VoucherRule.DEFAULT.checkValid(batch, payDay);
        } else {
            assertThatThrownBy(() -> VoucherRule.DEFAULT.checkValid(batch, payDay))
                    .extracting(e -> ((BusinessException) e).key()).isEqualTo("payment.voucher.expired");
        }
    }

    // --- vouchers on an IC-card top-up: they settle the gas lines, first tier first ---

    private static final VoucherContext IC_AVG_1 = new VoucherContext(MeterKind.IC, 1, 0, null);

    private static PaymentRequest topUp(String cash, VoucherContext ctx, List<FeeItem.Line> gas, VoucherBatch... batches) {
        return new PaymentRequest(List.of(), gas, Money.parse(cash), List.of(), List.of(batches), Money.ZERO, Money.ZERO,
                ctx, PAY_DAY, false);
    }

    private static FeeItem.Line gasTier(int tier, String price, int m3) {
        return new FeeItem.Line(FeeItem.gasTier(tier, "第" + tier + "阶", Money.parse(price)), m3);
    }

    @Test
    void vouchersAlonePayAnIcTopUpWithoutTheCap() {
        // 6 vouchers = 30 m³, far above 3 × a monthly average of 1 m³: IC accounts have no cap
        PaymentPlan plan = calculator.plan(topUp("0", IC_AVG_1, List.of(gasTier(1, "2.50", 30)),
                new VoucherBatch(6, Money.ZERO, Q1_END.plusMonths(3))));
        assertThat(plan.lines()).singleElement().satisfies(l -> {
            assertThat(l.kind()).isEqualTo(LineKind.GAS_BY_VOUCHER);
            assertThat(l.volumeM3()).isEqualTo(30);
            assertThat(l.amount()).isEqualTo(Money.parse("75.00"));
        });
        assertThat(plan.voucherM3()).isEqualTo(30);
        assertThat(plan.voucherValue()).isEqualTo(Money.parse("75.00"));
        assertThat(plan.settledWithMoney()).isEqualTo(Money.ZERO);
        assertThat(plan.newVoucherPaidToReading()).as("an IC account never prepays with vouchers").isNull();
    }

    @Test
    void cashPaysTheGasTheVouchersLeaveAndTheirFaceValue() {
        // 12 m³ across two tiers, 2 vouchers (10 m³) with 1.50 face value each: tier 1 (8 m³) and
        // 2 m³ of tier 2 by vouchers, the last 2 m³ of tier 2 and 3.00 face-value cash by cash
        PaymentPlan plan = calculator.plan(topUp("20.00", IC_AVG_1, List.of(gasTier(1, "2.50", 8), gasTier(2, "3.00", 4)),
                new VoucherBatch(2, Money.parse("1.50"), Q1_END.plusMonths(3))));
        assertThat(plan.lines()).extracting(PaymentPlan.Line::kind, PaymentPlan.Line::volumeM3, PaymentPlan.Line::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LineKind.GAS_BY_VOUCHER, 8L, Money.parse("20.00")),
                        org.assertj.core.groups.Tuple.tuple(LineKind.GAS_BY_VOUCHER, 2L, Money.parse("6.00")),
                        org.assertj.core.groups.Tuple.tuple(LineKind.GAS_PURCHASE, 2L, Money.parse("6.00")),
                        org.assertj.core.groups.Tuple.tuple(LineKind.VOUCHER_FACE_CASH, 0L, Money.parse("3.00")));
        assertThat(plan.totalDue()).isEqualTo(Money.parse("35.00"));
        assertThat(plan.settledWithMoney()).isEqualTo(Money.parse("9.00"));
        assertThat(plan.change()).isEqualTo(Money.parse("11.00"));
    }

    @Test
    void icVouchersBeyondTheGasBoughtAreRefused() {
        assertThatThrownBy(() -> calculator.plan(topUp("0", IC_AVG_1, List.of(gasTier(1, "2.50", 12)),
                new VoucherBatch(3, Money.ZERO, Q1_END.plusMonths(3)))))
                .isInstanceOf(BusinessException.class).hasMessageContaining("不能预存").hasMessageContaining("3 立方");
    }

    @Test
    void icVouchersStillNeedTheirFaceValueAndValidity() {
        assertThatThrownBy(() -> calculator.plan(topUp("2.99", IC_AVG_1, List.of(gasTier(1, "2.50", 10)),
                new VoucherBatch(2, Money.parse("1.50"), Q1_END.plusMonths(3)))))
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("payment.voucher.faceCashUnpaid");
        assertThatThrownBy(() -> calculator.plan(topUp("0", IC_AVG_1, List.of(gasTier(1, "2.50", 5)),
                new VoucherBatch(1, Money.ZERO, LocalDate.of(2026, 3, 31).minusMonths(1)))))
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("payment.voucher.expired");
    }

    @Test
    void vouchersSettleVolumeAndTheCashRemainderPaysTheRest() {
        DueBill april = bill(7, "2026-04", 30, "87.00", "0.00");
        PaymentPlan plan = calculator.plan(vouchers(List.of(april), "30.00", ORDINARY_AVG_20,
                new VoucherBatch(4, Money.ZERO, LocalDate.of(2026, 6, 30))));
        assertThat(plan.voucherM3()).isEqualTo(20);
        assertThat(plan.voucherValue()).isEqualTo(Money.parse("58.00"));
        assertThat(paid(plan, LineKind.PRINCIPAL, 7)).isEqualTo(Money.parse("29.00"));
        assertThat(plan.change()).isEqualTo(Money.parse("1.00"));
        assertThat(plan.newVoucherPaidToReading()).isNull();
    }

    @Test
    void faceValueCashIsCollectedWithTheVouchers() {
        DueBill april = bill(7, "2026-04", 10, "29.00", "0.00");
        PaymentPlan plan = calculator.plan(vouchers(List.of(april), "4.00", ORDINARY_AVG_20,
                new VoucherBatch(2, Money.parse("2.00"), LocalDate.of(2026, 6, 30))));
        assertThat(paid(plan, LineKind.VOUCHER_FACE_CASH, 0)).isEqualTo(Money.parse("4.00"));
        assertThat(plan.voucherValue()).isEqualTo(Money.parse("29.00"));
        assertThat(plan.change()).isEqualTo(Money.ZERO);

        assertThatThrownBy(() -> calculator.plan(vouchers(List.of(april), "3.99", ORDINARY_AVG_20,
                new VoucherBatch(2, Money.parse("2.00"), LocalDate.of(2026, 6, 30)))))
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("payment.voucher.faceCashUnpaid");
    }

    @Test
    void voucherVolumeBeyondTheBillsIsPrepaidAndBlocksVouchersUntilTheMeterCatchesUp() {
        DueBill april = bill(7, "2026-04", 10, "29.00", "0.00");
        PaymentPlan plan = calculator.plan(vouchers(List.of(april), "0", ORDINARY_AVG_20,
                new VoucherBatch(4, Money.ZERO, LocalDate.of(2026, 6, 30))));
        assertThat(plan.newVoucherPaidToReading()).isEqualTo(1_010L);

        VoucherContext behind = new VoucherContext(MeterKind.ORDINARY, 20, 1_005, 1_010L);
        assertThatThrownBy(() -> calculator.plan(vouchers(List.of(april), "0", behind,
                new VoucherBatch(1, Money.ZERO, LocalDate.of(2026, 6, 30)))))
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("payment.voucher.meterBehind");

        VoucherContext caughtUp = new VoucherContext(MeterKind.ORDINARY, 20, 1_010, 1_010L);
        calculator.plan(vouchers(List.of(april), "0", caughtUp, new VoucherBatch(2, Money.ZERO, LocalDate.of(2026, 6, 30))));
    }

    @Test
    void vouchersNeverPayLateFees() {
        DueBill march = bill(1, "2026-03", 10, "29.00", "2.50");
        PaymentPlan plan = calculator.plan(vouchers(List.of(march), "0", ORDINARY_AVG_20,
                new VoucherBatch(2, Money.ZERO, LocalDate.of(2026, 6, 30))));
        assertThat(plan.voucherValue()).isEqualTo(Money.parse("29.00"));
        assertThat(plan.stillOwed()).isEqualTo(Money.parse("2.50"));
    }

    @ParameterizedTest(name = "{0} m³ of a {1} m³ bill of {2} is worth {3}")
    @CsvSource(textBlock = """
            5,  30, 87.00,  14.50
            5,  7,  20.30,  14.50
            1,  3,  10.00,  3.33
            2,  3,  10.00,  6.67
            3,  3,  10.00,  10.00
            10, 3,  10.00,  10.00
            """)
    void valuesVoucherGasAtTheBillsAveragePrice(long m3, long volume, String amount, String value) {
        Money a = Money.parse(amount);
        DueBill b = new DueBill(1, YearMonth.of(2026, 4), volume, a, a, Money.ZERO);
        assertThat(b.valueOf(m3)).isEqualTo(Money.parse(value));
    }

    @Test
    void refusesAnEmptyPayment() {
        assertThatThrownBy(() -> calculator.plan(cash(List.of(), "0")))
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("payment.nothingToPay");
    }

    private static Money paid(PaymentPlan plan, LineKind kind, long billId) {
        return plan.lines().stream().filter(l -> l.kind() == kind && l.billId() == billId)
                .map(PaymentPlan.Line::amount).reduce(Money.ZERO, Money::plus);
    }
}
