package io.counterdesk.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.counterdesk.payment.PaymentPlan.Line;
import io.counterdesk.payment.PaymentPlan.LineKind;
import io.counterdesk.payment.ReversalRules.BillRestore;
import io.counterdesk.payment.ReversalRules.LinkedBusiness;
import io.counterdesk.payment.ReversalRules.Original;
import io.counterdesk.payment.ReversalRules.Reversal;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReversalRulesTest {

    private static Money y(String s) {
        return Money.parse(s);
    }

    private static Line fee(long bill, String amount) {
        return new Line(LineKind.LATE_FEE, bill, "2025-01", y(amount), 0);
    }

    private static Line principal(long bill, String amount) {
        return new Line(LineKind.PRINCIPAL, bill, "2025-01", y(amount), 0);
    }

    private static Original cash(List<Line> lines, String cash, String change) {
        return original(lines, cash, change, List.of(), "0", "0", "0");
    }

    private static Original original(List<Line> lines, String cash, String change, List<MoneyTender> bank,
                                     String creditUsed, String creditAdded, String accountCredit) {
        return new Original(7, "00001001", "ACTIVE", y(accountCredit), lines, y(cash), y(change), bank, y(creditUsed),
                y(creditAdded), 0, false, null, LinkedBusiness.NONE);
    }

    private static Original with(Original o, String status, boolean isReversal, String reversedBy, LinkedBusiness linked,
                                 long voucherM3) {
        return new Original(o.paymentId(), o.receiptNo(), status, o.accountCredit(), o.lines(), o.cashReceived(),
                o.change(), o.bankTenders(), o.creditUsed(), o.creditAdded(), voucherM3, isReversal, reversedBy, linked);
    }

    @Test
    void aCashBillPaymentIsNegatedLineByLineAndTheCashNetOfChangeGoesBack() {
        Reversal r = ReversalRules.of(cash(List.of(fee(11, "3.00"), principal(11, "58.00"), principal(12, "29.00")),
                "100.00", "10.00"));

        assertThat(r.lines()).extracting(Line::kind, Line::billId, l -> l.amount().toPlainString()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LineKind.LATE_FEE, 11L, "-3.00"),
                org.assertj.core.groups.Tuple.tuple(LineKind.PRINCIPAL, 11L, "-58.00"),
                org.assertj.core.groups.Tuple.tuple(LineKind.PRINCIPAL, 12L, "-29.00"));
        assertThat(r.cashPaidBack()).isEqualTo(y("90.00"));
        assertThat(r.total()).isEqualTo(y("-90.00"));
        assertThat(r.creditDelta()).isEqualTo(Money.ZERO);
        assertThat(r.bills()).containsExactly(new BillRestore(11, y("58.00"), y("3.00")),
                new BillRestore(12, y("29.00"), Money.ZERO));
    }

    @Test
    void aWaivedLateFeeGivesBackOnlyWhatWasCharged() {
        // the rule's fee was 3.00, the manager waived it to 1.00: the bill gets 1.00 of late fee back
        Reversal r = ReversalRules.of(cash(List.of(fee(11, "1.00"), principal(11, "58.00")), "59.00", "0"));

        assertThat(r.bills()).containsExactly(new BillRestore(11, y("58.00"), y("1.00")));
        assertThat(r.cashPaidBack()).isEqualTo(y("59.00"));
    }

    @Test
    void bankCardAndSlipMoneyIsHandedBackInCash() {
        Reversal r = ReversalRules.of(original(List.of(principal(11, "165.50")), "0", "0",
                List.of(new MoneyTender(TenderKind.BANK_CARD, y("120.00"), "POS-0001"),
                        new MoneyTender(TenderKind.BANK_SLIP, y("45.50"), "BS-0310-1")), "0", "0", "0"));

        assertThat(r.cashPaidBack()).isEqualTo(y("165.50"));
        assertThat(r.total()).isEqualTo(y("-165.50"));
    }

    @Test
    void creditUsedGoesBackOnTheAccountAndOnlyTheCashPartIsPaidOut() {
        Reversal r = ReversalRules.of(original(List.of(principal(11, "90.00")), "50.00", "0", List.of(), "40.00", "0",
                "0"));

        assertThat(r.creditRestored()).isEqualTo(y("40.00"));
        assertThat(r.creditDelta()).isEqualTo(y("40.00"));
        assertThat(r.cashPaidBack()).isEqualTo(y("50.00"));
        assertThat(r.total()).isEqualTo(y("-90.00"));
    }

    @Test
    void creditAddedComesOffTheAccountAndItsCashGoesBack() {
        Line added = new Line(LineKind.CREDIT_ADDED, 0, "", y("10.00"), 0);
        Reversal r = ReversalRules.of(original(List.of(principal(11, "90.00"), added), "100.00", "0", List.of(), "0",
                "10.00", "10.00"));

        assertThat(r.creditWithdrawn()).isEqualTo(y("10.00"));
        assertThat(r.creditDelta()).isEqualTo(y("-10.00"));
        assertThat(r.cashPaidBack()).isEqualTo(y("100.00"));
        assertThat(r.total()).isEqualTo(y("-90.00"));
        assertThat(r.lines()).extracting(l -> l.amount().toPlainString()).containsExactly("-90.00", "-10.00");
    }

    @Test
    void aPrepaymentAloneIsReversedWhileTheCreditIsStillThere() {
        Line added = new Line(LineKind.CREDIT_ADDED, 0, "", y("200.00"), 0);
        Reversal r = ReversalRules.of(original(List.of(added), "200.00", "0", List.of(), "0", "200.00", "250.00"));

        assertThat(r.cashPaidBack()).isEqualTo(y("200.00"));
        assertThat(r.total()).isEqualTo(Money.ZERO);
        assertThat(r.bills()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"199.99, true", "200.00, false", "0, true", "500.00, false"})
    void creditAddedThatWasSpentSinceIsRefused(String creditNow, boolean refused) {
        Line added = new Line(LineKind.CREDIT_ADDED, 0, "", y("200.00"), 0);
        Original o = original(List.of(added), "200.00", "0", List.of(), "0", "200.00", creditNow);
        if (refused) {
            BusinessException e = catchThrowableOfType(BusinessException.class, () -> ReversalRules.of(o));
            assertThat(e.key()).isEqualTo("reversal.refused.creditSpent");
            assertThat(e.getMessage()).contains("00001001").contains("200.00");
        } else {
            assertThat(ReversalRules.of(o).creditDelta()).isEqualTo(y("-200.00"));
        }
    }

    @Test
    void creditUsedAndAddedNetOutBeforeTheSpentCheck() {
        // used 30 of credit, added 10 back: reversing adds 20 net, fine even with no credit left
        Line added = new Line(LineKind.CREDIT_ADDED, 0, "", y("10.00"), 0);
        Reversal r = ReversalRules.of(original(List.of(principal(11, "70.00"), added), "50.00", "0", List.of(),
                "30.00", "10.00", "0"));

        assertThat(r.creditDelta()).isEqualTo(y("20.00"));
        assertThat(r.cashPaidBack()).isEqualTo(y("50.00"));
    }

    @Test
    void feeItemsAreNegatedWithTheirCode() {
        Line deposit = new Line(LineKind.FEE_ITEM, 0, "表具检测押金", y("300.00"), 0, "METER_TEST_DEPOSIT");
        Reversal r = ReversalRules.of(cash(List.of(deposit), "300.00", "0"));

        assertThat(r.lines()).singleElement().satisfies(l -> {
            assertThat(l.feeCode()).isEqualTo("METER_TEST_DEPOSIT");
            assertThat(l.amount()).isEqualTo(y("-300.00"));
        });
        assertThat(r.cashPaidBack()).isEqualTo(y("300.00"));
    }

    @Test
    void refusalsNameTheReceiptAndSayWhatToDo() {
        Original ok = cash(List.of(principal(11, "90.00")), "90.00", "0");
        assertThat(refusal(with(ok, "ACTIVE", true, null, LinkedBusiness.NONE, 0))).isEqualTo("reversal.refused.isReversal");
        assertThat(refusal(with(ok, "ACTIVE", false, "00001005", LinkedBusiness.NONE, 0)))
                .isEqualTo("reversal.refused.alreadyReversed");
        assertThat(refusal(with(ok, "ACTIVE", false, null, LinkedBusiness.IC_GAS, 0))).isEqualTo("reversal.refused.icGas");
        assertThat(refusal(with(ok, "ACTIVE", false, null, LinkedBusiness.OPENING, 0))).isEqualTo("reversal.refused.opening");
        assertThat(refusal(with(ok, "ACTIVE", false, null, LinkedBusiness.STATUS_CHANGE, 0)))
                .isEqualTo("reversal.refused.statusChange");
        assertThat(refusal(with(ok, "ACTIVE", false, null, LinkedBusiness.BEFORE_TRANSFER, 0)))
                .isEqualTo("reversal.refused.transferred");
        assertThat(refusal(with(ok, "ACTIVE", false, null, LinkedBusiness.NONE, 10))).isEqualTo("reversal.refused.vouchers");
        assertThat(refusal(with(ok, "CLOSED", false, null, LinkedBusiness.NONE, 0))).isEqualTo("reversal.refused.accountClosed");
        assertThat(ReversalRules.of(with(ok, "SUSPENDED", false, null, LinkedBusiness.NONE, 0)).cashPaidBack())
                .isEqualTo(y("90.00"));
    }

    @Test
    void anAlreadyReversedPaymentNamesItsReversal() {
        Original o = with(cash(List.of(principal(11, "90.00")), "90.00", "0"), "ACTIVE", false, "00001005",
                LinkedBusiness.NONE, 0);
        assertThatThrownBy(() -> ReversalRules.of(o)).hasMessage("票号 00001001 的缴费已由冲正收据 00001005 冲正过，不能重复冲正");
    }

    /** Gas paid with money, or with vouchers alone (a top-up that has no money line at all). */
    @ParameterizedTest
    @CsvSource({"GAS_PURCHASE, 300.00", "GAS_BY_VOUCHER, 0"})
    void gasLinesAreSentToTheCardScreenEvenWithoutTheLink(LineKind kind, String cash) {
        Line gas = new Line(kind, 0, "第一档", y("300.00"), 100);
        BusinessException e = catchThrowableOfType(BusinessException.class,
                () -> ReversalRules.of(cash(List.of(gas), cash, "0")));
        assertThat(e.key()).isEqualTo("reversal.refused.icGas");
        assertThat(e.getMessage()).contains("Ctrl+G").contains("F7");
    }

    @Test
    void voucherLinesAndMoneyPaidOutAreRefused() {
        Line byVoucher = new Line(LineKind.PRINCIPAL_BY_VOUCHER, 11, "2025-01", y("29.00"), 10);
        Line face = new Line(LineKind.VOUCHER_FACE_CASH, 0, "", y("10.00"), 0);
        assertThat(refusal(cash(List.of(face), "10.00", "0"))).isEqualTo("reversal.refused.vouchers");
        assertThat(refusal(cash(List.of(byVoucher, face), "10.00", "0"))).isEqualTo("reversal.refused.vouchers");
        Line refund = new Line(LineKind.FEE_ITEM, 0, "表具检测押金退还", y("-300.00"), 0, "METER_TEST_REFUND");
        assertThat(refusal(cash(List.of(refund), "0", "300.00"))).isEqualTo("reversal.refused.paidOut");
    }

    @Test
    void figuresThatDoNotAddUpAreAnErrorNotAReversal() {
        assertThatThrownBy(() -> ReversalRules.of(cash(List.of(principal(11, "90.00")), "80.00", "0")))
                .isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @CsvSource({"0.01, 0.01, 0", "90.00, 100.00, 10.00", "58.00, 58.00, 0", "1234.56, 2000.00, 765.44"})
    void theCashPaidBackIsAlwaysWhatTheLinesSettled(String settled, String cash, String change) {
        Reversal r = ReversalRules.of(cash(List.of(principal(11, settled)), cash, change));
        assertThat(r.cashPaidBack()).isEqualTo(y(settled));
        assertThat(r.total()).isEqualTo(y(settled).negate());
        assertThat(r.bills()).containsExactly(new BillRestore(11, y(settled), Money.ZERO));
    }

    private static String refusal(Original o) {
        return catchThrowableOfType(BusinessException.class, () -> ReversalRules.of(o)).key();
    }
}
