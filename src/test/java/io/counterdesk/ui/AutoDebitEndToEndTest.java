package io.counterdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.account.AccountKind;
import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.Address;
import io.counterdesk.account.Holder;
import io.counterdesk.account.IdType;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.NewAccount;
import io.counterdesk.shared.BankCardNumber;
import java.time.LocalDate;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 银行代扣 end to end, keyboard only, on the real program with a fresh demo database: on a household's
 * account Ctrl+K enrols a bank card (a wrong check digit is refused first, and so are missing papers),
 * then Ctrl+K again cancels it; both are on disk, journaled and timed as AUTO_DEBIT.
 */
class AutoDebitEndToEndTest {

    private static final String ACCOUNT = "3388000011";
    private static final String CARD = "621700000000000001" + BankCardNumber.checkDigit("621700000000000001");

    @RegisterExtension
    final CounterApp program = CounterApp.demo(200);

    private final CounterDriver cashier = new CounterDriver();

    private long count(String sql) {
        return program.desk().database().read(tx -> tx.handle().createQuery(sql).mapTo(Long.class).one());
    }

    private void waitForMessage(String part) {
        cashier.waitUntil("the message line says " + part,
                () -> cashier.text("#shell-message").orElse("").contains(part));
    }

    @Test
    void aHouseholdEnrolsABankCardAndLaterCancelsIt() {
        LocalDate today = LocalDate.now(program.config().clock());
        long id = program.desk().database().inTransaction(tx -> new AccountRepository().insert(tx, new NewAccount(ACCOUNT,
                AccountKind.RESIDENTIAL, null, MeterKind.ORDINARY, "M" + ACCOUNT, null,
                new Address("西湖区", "文三路", "翠苑小区", "8", "1", "101"),
                new Holder("周代扣", IdType.RESIDENT_ID, "11010519491231002X", "13900001111"), today.minusYears(1))));
        cashier.logIn("1001", "demo1001");
        cashier.openTill("500");
        cashier.search(ACCOUNT);
        cashier.openWithEnter();
        cashier.waitUntil("the account is read", () -> cashier.text("#detail-status").orElse("").equals("正常"));

        // Ctrl+K: no enrolment yet; the hand is in the card number
        cashier.press(KeyCode.CONTROL, KeyCode.K);
        cashier.waitUntilFocused("auto-debit-number");
        assertThat(cashier.text("#auto-debit-what")).hasValueSatisfying(t -> assertThat(t)
                .contains(ACCOUNT, "周代扣", "未办理银行代扣"));
        assertThat(cashier.text("#auto-debit-name")).hasValue("周代扣");

        // a card number with a wrong check digit is refused and kept
        String wrong = CARD.substring(0, 18) + ((CARD.charAt(18) - '0' + 1) % 10);
        cashier.type(wrong).press(KeyCode.ENTER);
        cashier.waitUntil("the number is refused", () -> !cashier.text("#auto-debit-message").orElse("").isEmpty());
        assertThat(cashier.text("#auto-debit-number")).hasValue(wrong);

        // the right number, but no papers ticked: refused with what is missing
        cashier.press(KeyCode.BACK_SPACE).type(CARD.substring(18)).press(KeyCode.ENTER);
        cashier.waitUntil("the papers are asked for", () -> cashier.text("#auto-debit-message").orElse("")
                .contains("户主（委托人）身份证复印件"));

        // Tab to the papers, Space ticks both, Enter enrols
        cashier.press(KeyCode.TAB).press(KeyCode.TAB);
        cashier.waitUntilFocused("auto-debit-doc-HOLDER_ID");
        cashier.press(KeyCode.SPACE).press(KeyCode.TAB).press(KeyCode.SPACE).press(KeyCode.ENTER);
        waitForMessage("户号 " + ACCOUNT + " 的银行代扣已改为 中国工商银行 " + BankCardNumber.masked(CARD));
        assertThat(cashier.showing("#auto-debit-dialog")).isFalse();
        assertThat(count("SELECT COUNT(*) FROM bank_debit WHERE account_id = " + id
                + " AND status = 'ACTIVE' AND bank_account = '" + CARD + "'")).isOne();

        // Ctrl+K again: the enrolment shows; tick 取消代扣 and the holder's ID, Enter cancels
        cashier.press(KeyCode.CONTROL, KeyCode.K);
        cashier.waitUntilFocused("auto-debit-number");
        assertThat(cashier.text("#auto-debit-what")).hasValueSatisfying(t -> assertThat(t)
                .contains("现代扣：中国工商银行 " + BankCardNumber.masked(CARD)));
        cashier.press(KeyCode.TAB).press(KeyCode.TAB);
        cashier.waitUntilFocused("auto-debit-doc-HOLDER_ID");
        cashier.press(KeyCode.SPACE).press(KeyCode.TAB).press(KeyCode.TAB);
        cashier.waitUntilFocused("auto-debit-cancel");
        cashier.press(KeyCode.SPACE).press(KeyCode.ENTER);
        waitForMessage("户号 " + ACCOUNT + " 的银行代扣已取消");
        assertThat(count("SELECT COUNT(*) FROM bank_debit WHERE account_id = " + id + " AND status = 'ACTIVE'"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM service_time WHERE business = 'AUTO_DEBIT' AND subject = 'account:"
                + ACCOUNT + "'")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM journal WHERE type IN ('AUTO_DEBIT_ENROLLED', 'AUTO_DEBIT_CANCELLED')"))
                .isEqualTo(2);
    }
}
