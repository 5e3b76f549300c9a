package io.counterdesk.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.card.virtual.VirtualCard;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentPlan;
import io.counterdesk.payment.VoucherBatch;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.ReceiptPart;
import io.counterdesk.receipt.ReceiptStockService;
import io.counterdesk.report.CashierDayReport;
import io.counterdesk.report.DayReportService;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Gas vouchers (燃气票) as a tender of the IC-card top-up, on a real H2 file and the simulated reader:
 * vouchers alone or with cash, check slips, the day's totals, and refusals that change nothing.
 */
class TopUpVoucherTest {

    /** The test clock's day is 2025-03-10: vouchers of Q1 2025 are valid, of Q4 2024 expired on 31 January. */
    private static final LocalDate Q1 = LocalDate.of(2025, 3, 31);
    private static final LocalDate Q4_2024 = LocalDate.of(2024, 12, 31);

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private IcCardDesk desk;
    private VirtualCard userCard;

    @BeforeEach
    void setUp() {
        desk = new IcCardDesk(db);
        userCard = desk.issuedCard();
        new ReceiptStockService(db.database(), db.journal(), new ApprovalRecorder(db.journal()))
                .register(desk.manager, "1001", ReceiptKind.CHECK_SLIP, 5001, 5999);
    }

    private static PaymentInput tenders(String cash, VoucherBatch... vouchers) {
        return new PaymentInput(PaymentInput.Bills.NONE, List.of(), Money.parse(cash), List.of(), List.of(vouchers),
                Money.ZERO, false, List.of());
    }

    @Test
    void vouchersAloneBuyTheirGasWithACheckSlipAndNoCap() {
        TopUpService.CardCheck check = desk.topUps.inspect(desk.cashier, desk.card);
        // 8 vouchers = 40 m³: far above 3 × any monthly average, IC accounts have no cap
        PaymentInput input = tenders("0", new VoucherBatch(8, Money.ZERO, Q1));

        PaymentPlan quoted = desk.topUps.quotePayment(desk.cashier, check, 40, input);
        TopUpService.TopUpResult result = desk.topUps.purchase(desk.cashier, desk.card, check, 40, input);

        assertThat(quoted).isEqualTo(result.payment().plan());
        assertThat(result.written()).isTrue();
        PaymentPlan plan = result.payment().plan();
        assertThat(plan.voucherM3()).isEqualTo(40);
        assertThat(plan.lines()).extracting(PaymentPlan.Line::kind).containsExactly(PaymentPlan.LineKind.GAS_BY_VOUCHER);
        assertThat(result.payment().receipts()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReceiptKind.CHECK_SLIP);
            assertThat(r.part()).isEqualTo(ReceiptPart.VOUCHER);
        });
        assertThat(desk.card.read().issued().lastPurchaseM3()).isEqualTo(40);
        assertThat(desk.count("SELECT COUNT(*) FROM till_posting WHERE kind = 'CASH_IN' AND amount_fen > 0")).isZero();
        assertThat(db.verifyChain().isIntact()).isTrue();
    }

    @Test
    void vouchersWithCashPrintACheckSlipAndACashCheckSlipAndCountInTheDayReport() {
        TopUpService.CardCheck check = desk.topUps.inspect(desk.cashier, desk.card);
        // 22 m³ at 2.50: 4 vouchers (20 m³, face value 1.00 each) and cash for 2 m³ + 4.00 face value
        TopUpService.TopUpResult result = desk.topUps.purchase(desk.cashier, desk.card, check, 22,
                tenders("10.00", new VoucherBatch(4, Money.parse("1.00"), Q1)));

        PaymentPlan plan = result.payment().plan();
        assertThat(plan.change()).isEqualTo(Money.parse("1.00"));
        assertThat(plan.voucherValue()).isEqualTo(Money.parse("50.00"));
        assertThat(result.payment().receipts()).extracting(r -> r.kind(), r -> r.part()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ReceiptKind.CHECK_SLIP, ReceiptPart.VOUCHER),
                org.assertj.core.groups.Tuple.tuple(ReceiptKind.CHECK_SLIP, ReceiptPart.CASH));
        assertThat(desk.card.read().issued().lastPurchaseM3()).isEqualTo(22);

        CardImage image = desk.card.read().issued();
        assertThat(image.purchaseCount()).isEqualTo(1);
        CashierDayReport report = new DayReportService(db.database(), db.terminal())
                .cashierReport(desk.cashier, desk.count("SELECT MAX(id) FROM till_session"));
        assertThat(report.vouchers().count()).isEqualTo(4);
        assertThat(report.vouchers().volumeM3()).isEqualTo(20);
        assertThat(report.vouchers().faceValueCash()).isEqualTo(Money.parse("4.00"));
        assertThat(report.topUps().volumeM3()).as("the voucher-paid m³ went onto the card too").isEqualTo(22);
        assertThat(report.topUps().count()).isEqualTo(1);
        assertThat(report.topUps().money()).as("money only").isEqualTo(Money.parse("5.00"));
    }

    @Test
    void expiredVouchersAreRefusedAndNothingChanges() {
        assertRefusedChangingNothing(20, tenders("0", new VoucherBatch(4, Money.ZERO, Q4_2024)), "已过期");
    }

    @Test
    void vouchersBeyondTheGasBoughtAreRefusedAndNothingChanges() {
        assertRefusedChangingNothing(12, tenders("0", new VoucherBatch(3, Money.ZERO, Q1)), "不能预存");
    }

    @Test
    void unpaidFaceValueIsRefusedAndNothingChanges() {
        assertRefusedChangingNothing(10, tenders("1.99", new VoucherBatch(2, Money.parse("1.00"), Q1)), "面值现金");
    }

    @Test
    void aCardWhoseLastVoucherPurchaseIsNotInTheMeterTakesNoMoreVouchers() {
        desk.topUps.purchase(desk.cashier, desk.card, desk.topUps.inspect(desk.cashier, desk.card), 10,
                tenders("0", new VoucherBatch(2, Money.ZERO, Q1)));
        // the IC form of 第十三条(四): the meter has not yet reached the gas already paid by vouchers
        assertRefusedChangingNothing(10, tenders("0", new VoucherBatch(2, Money.ZERO, Q1)), "请先将卡插入燃气表");

        desk.meter().insert(userCard);
        desk.insert(userCard);
        TopUpService.TopUpResult next = desk.topUps.purchase(desk.cashier, desk.card,
                desk.topUps.inspect(desk.cashier, desk.card), 10, tenders("0", new VoucherBatch(2, Money.ZERO, Q1)));
        assertThat(next.written()).isTrue();
    }

    @Test
    void aVoucherPurchaseIsNeitherReversedNorRefunded() {
        TopUpService.TopUpResult bought = desk.topUps.purchase(desk.cashier, desk.card,
                desk.topUps.inspect(desk.cashier, desk.card), 10, tenders("12.50", new VoucherBatch(1, Money.ZERO, Q1)));
        long payments = desk.count("SELECT COUNT(*) FROM payment");

        assertThatThrownBy(() -> desk.topUps.reverse(desk.cashier, desk.card, bought.purchase().id(), "顾客买错气量",
                desk.managerApproves())).hasMessageContaining("燃气票不能退还");
        assertThat(desk.card.read().issued().unloadedM3()).as("the gas stays on the card").isEqualTo(10);
        assertThat(desk.count("SELECT COUNT(*) FROM payment")).isEqualTo(payments);
        assertThat(desk.count("SELECT COUNT(*) FROM approval")).isZero();

        // a voucher purchase that never reached the card is written again, not paid out
        desk.meter().insert(userCard);
        desk.insert(userCard);
        TopUpService.CardCheck check = desk.topUps.inspect(desk.cashier, desk.card);
        desk.readers.remove(IcCardDesk.READER);
        TopUpService.TopUpResult cut = desk.topUps.purchase(desk.cashier, desk.card, check, 5,
                tenders("0", new VoucherBatch(1, Money.ZERO, Q1)));
        assertThat(cut.written()).isFalse();
        desk.insert(userCard);
        assertThatThrownBy(() -> desk.topUps.refund(desk.cashier, desk.card, cut.purchase().id(), "写卡失败",
                desk.managerApproves())).hasMessageContaining("重写卡");
        desk.topUps.rewrite(desk.cashier, desk.card, cut.purchase().id());
        assertThat(desk.card.read().issued().purchaseCount()).isEqualTo(2);
    }

    @Test
    void aVoucherPurchaseStillOnTheCardIsNotNamedForReversalWhereACashOneIs() {
        TopUpService.TopUpResult byVouchers = desk.topUps.purchase(desk.cashier, desk.card,
                desk.topUps.inspect(desk.cashier, desk.card), 10, tenders("12.50", new VoucherBatch(1, Money.ZERO, Q1)));

        TopUpService.CardCheck notLoaded = desk.topUps.inspect(desk.cashier, desk.card);
        assertThat(notLoaded.refusal()).contains(TopUpService.Refusal.NOT_LOADED);
        assertThat(desk.topUps.reversible(desk.cashier, notLoaded)).as("F7 is not offered for it").isEmpty();

        desk.meter().insert(userCard);
        desk.insert(userCard);
        TopUpService.TopUpResult byCash = desk.topUps.purchase(desk.cashier, desk.card,
                desk.topUps.inspect(desk.cashier, desk.card), 10, tenders("25.00"));
        assertThat(desk.topUps.reversible(desk.cashier, desk.topUps.inspect(desk.cashier, desk.card)))
                .contains(byCash.purchase());
        assertThat(desk.topUps.paidWithVouchers(desk.cashier, byVouchers.purchase())).isTrue();
        assertThat(desk.topUps.paidWithVouchers(desk.cashier, byCash.purchase())).isFalse();
    }

    private void assertRefusedChangingNothing(long m3, PaymentInput input, String message) {
        desk.insert(userCard);
        CardImage before = desk.card.read().issued();
        long payments = desk.count("SELECT COUNT(*) FROM payment");
        long purchases = desk.count("SELECT COUNT(*) FROM gas_purchase");
        long events = desk.count("SELECT COUNT(*) FROM journal");
        TopUpService.CardCheck check = desk.topUps.inspect(desk.cashier, desk.card);

        assertThatThrownBy(() -> desk.topUps.purchase(desk.cashier, desk.card, check, m3, input))
                .isInstanceOf(BusinessException.class).hasMessageContaining(message);

        assertThat(desk.card.read().issued()).as("nothing written to the card").isEqualTo(before);
        assertThat(desk.count("SELECT COUNT(*) FROM payment")).isEqualTo(payments);
        assertThat(desk.count("SELECT COUNT(*) FROM gas_purchase")).isEqualTo(purchases);
        assertThat(desk.count("SELECT COUNT(*) FROM journal")).isEqualTo(events);
    }
}
