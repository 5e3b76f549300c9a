package io.counterdesk.account.opening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.shared.BankCardNumber;
import io.counterdesk.shared.BusinessException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Auto-debit enrolment: a bank card passes its Luhn check digit, an account number its form. */
class BankDebitTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            4111111111111111,         true
            4111 1111 1111 1111,      true
            ４１１１１１１１１１１１１１１１, true
            4111-1111-1111-1112,      false
            6222021234567890129,      false
            79927398713,              true
            79927398710,              false
            """)
    void theLuhnCheckDigitCatchesOneMistypedDigit(String number, boolean valid) {
        String digits = number.replaceAll("[\\s-]", "");
        boolean fullWidth = !digits.matches("[0-9]+");
        assertThat(fullWidth || BankCardNumber.luhnValid(digits)).isEqualTo(fullWidth || valid);
        if (digits.length() >= 16 || fullWidth) {
            if (valid) {
                assertThat(BankCardNumber.validateCard(number)).matches("[0-9]{16,19}");
            } else {
                assertThatThrownBy(() -> BankCardNumber.validateCard(number))
                        .extracting(e -> ((BusinessException) e).key()).isEqualTo("validation.bankCard.checkDigit");
            }
        }
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            622202123456789,          validation.bankCard.format
            62220212345678901234,     validation.bankCard.format
            6222a21234567890128,      validation.bankCard.format
            '',                       validation.bankCard.format
            """)
    void aBankCardHasSixteenToNineteenDigits(String number, String key) {
        assertThatThrownBy(() -> BankCardNumber.validateCard(number))
                .extracting(e -> ((BusinessException) e).key()).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            1202021234567890123,            true
            33001618627053001234,           true
            12345678,                       true
            1234567,                        false
            123456789012345678901234567890123, false
            1202-0212-3456,                 true
            """)
    void aCorporateAccountHasNoCheckDigitOnlyItsForm(String number, boolean valid) {
        if (valid) {
            assertThat(new BankDebit(Bank.ICBC, false, number, "杭州味道餐饮有限公司").accountNumber()).matches("[0-9]+");
        } else {
            assertThatThrownBy(() -> new BankDebit(Bank.ICBC, false, number, "某单位"))
                    .extracting(e -> ((BusinessException) e).key()).isEqualTo("validation.bankAccount.format");
        }
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            62220212345678901,   true
            622202123456789012,  true
            6222021234567890,    true
            """)
    void theCheckDigitHelperCompletesAValidCard(String payload, boolean valid) {
        String card = payload.substring(0, payload.length() - 1) + BankCardNumber.checkDigit(payload.substring(0,
                payload.length() - 1));
        assertThat(BankCardNumber.luhnValid(card)).isEqualTo(valid);
        BankDebit debit = new BankDebit(Bank.CCB, true, card, " 李明 ");
        assertThat(debit.accountName()).isEqualTo("李明");
        assertThat(debit.maskedNumber()).isEqualTo("**** " + card.substring(card.length() - 4));
    }

    @org.junit.jupiter.api.Test
    void theAccountNeedsItsHoldersName() {
        assertThatThrownBy(() -> new BankDebit(Bank.CCB, true, Applications.BANK_CARD, ""))
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("opening.debit.nameRequired");
    }
}
