package io.counterdesk.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.counterdesk.payment.MoneyTender;
import io.counterdesk.payment.TenderKind;
import io.counterdesk.payment.VoucherBatch;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tenders as cashiers type them, read alike on the payment, top-up, opening and transfer screens. */
class TendersTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            2025-12-31, 2025-12-31
            2025/3/31,  2025-03-31
            20250630,   2025-06-30
            2025-02,    2025-02-28
            2025Q1,     2025-03-31
            2025-q4,    2025-12-31
            ２０２５Ｑ３, 2025-09-30
            2024,       2024-12-31
            """)
    void voucherValidityIsReadAsCashiersWriteIt(String typed, LocalDate expected) {
        assertThat(Tenders.validThrough(typed)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"2025-13-01", "2025Q5", "tomorrow", "2025-02-30", "25-12-31"})
    void aValidityThatIsNoDateIsRefused(String typed) {
        assertThat(Tenders.validThrough(typed)).isEmpty();
    }

    @Test
    void amountsReadFullWidthDigitsAndATrailingPointAndRefuseWhatIsNoAmount() {
        assertThat(Tenders.amount("１２.５", CheckoutField.CASH)).isEqualTo(Money.parse("12.50"));
        assertThat(Tenders.amount("12.", CheckoutField.CASH)).isEqualTo(Money.parse("12.00"));
        assertThat(Tenders.amount("  ", CheckoutField.CASH)).isEqualTo(Money.ZERO);
        Tenders.Invalid invalid = catchThrowableOfType(Tenders.Invalid.class,
                () -> Tenders.amount("1.2.3", CheckoutField.CREDIT));
        assertThat(invalid.field()).isEqualTo(CheckoutField.CREDIT);
        assertThat(invalid.getMessage()).contains("1.2.3");
    }

    @Test
    void aBankTenderNeedsBothItsAmountAndItsReference() {
        assertThat(Tenders.bankTender(TenderKind.BANK_CARD, "", " ", CheckoutField.CARD_AMOUNT,
                CheckoutField.CARD_REFERENCE)).isEmpty();
        assertThat(catchThrowableOfType(Tenders.Invalid.class, () -> Tenders.bankTender(TenderKind.BANK_CARD, "50", "",
                CheckoutField.CARD_AMOUNT, CheckoutField.CARD_REFERENCE)).field()).isEqualTo(CheckoutField.CARD_REFERENCE);
        assertThat(catchThrowableOfType(Tenders.Invalid.class, () -> Tenders.bankTender(TenderKind.BANK_SLIP, "",
                "SLIP-1", CheckoutField.SLIP_AMOUNT, CheckoutField.SLIP_NUMBER)).field())
                .isEqualTo(CheckoutField.SLIP_AMOUNT);
        Optional<MoneyTender> card = Tenders.bankTender(TenderKind.BANK_CARD, "50", "POS-123456",
                CheckoutField.CARD_AMOUNT, CheckoutField.CARD_REFERENCE);
        assertThat(card).hasValueSatisfying(t -> assertThat(t.amount()).isEqualTo(Money.parse("50")));
    }

    @Test
    void vouchersAreAllThreeFieldsOrNone() {
        assertThat(Tenders.vouchers("", "", "")).isEmpty();
        assertThat(catchThrowableOfType(Tenders.Invalid.class, () -> Tenders.vouchers("", "3.00", "")).field())
                .isEqualTo(CheckoutField.VOUCHER_COUNT);
        assertThat(catchThrowableOfType(Tenders.Invalid.class, () -> Tenders.vouchers("2", "3.00", "")).field())
                .isEqualTo(CheckoutField.VOUCHER_VALID_THROUGH);
        assertThat(Tenders.vouchers("2", "3.00", "2025Q4"))
                .containsExactly(new VoucherBatch(2, Money.parse("3.00"), LocalDate.of(2025, 12, 31)));
    }

    @Test
    void aServiceRefusalTakesTheCashierToTheFieldItConcerns() {
        assertThat(Tenders.fieldOf(new BusinessException("payment.voucher.expired"))).isEqualTo(
                CheckoutField.VOUCHER_VALID_THROUGH);
        assertThat(Tenders.fieldOf(new BusinessException("payment.slip.used", "X"))).isEqualTo(
                CheckoutField.SLIP_NUMBER);
        assertThat(Tenders.fieldOf(new IllegalStateException("boom"))).isNull();
        assertThat(List.of(CheckoutField.values())).contains(CheckoutField.BILLS, CheckoutField.CREDIT);
    }
}
