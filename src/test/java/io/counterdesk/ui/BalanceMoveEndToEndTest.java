package io.counterdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.account.AccountKind;
import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.Address;
import io.counterdesk.account.Holder;
import io.counterdesk.account.IdType;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.NewAccount;
import java.time.LocalDate;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 余额转移 end to end, keyboard only, on the real program: a holder's credit on one account moves in
 * part to their other account (Ctrl+J) with the hall manager's approval; an account of another
 * holder is refused first and nothing moves.
 */
class BalanceMoveEndToEndTest {

    private static final String FROM = "3388000021";
    private static final String TO = "3388000022";
    private static final String OTHER = "3388000023";
    private static final String ID = "11010519491231002X";

    @RegisterExtension
    final CounterApp program = CounterApp.demo(200);

    private final CounterDriver cashier = new CounterDriver();

    private long account(String accountNo, String idNumber, long creditFen) {
        NewAccount account = new NewAccount(accountNo, AccountKind.RESIDENTIAL, null, MeterKind.ORDINARY,
                "M" + accountNo, null, new Address("西湖区", "文三路", "翠苑小区", "9", "1", accountNo.substring(7)),
                new Holder("吴转移", IdType.RESIDENT_ID, idNumber, "13900002222"), LocalDate.now(program.config().clock()));
        return program.desk().database().inTransaction(tx -> {
            long id = new AccountRepository().insert(tx, account);
            tx.handle().createUpdate("UPDATE account SET credit_fen = :c WHERE id = :id").bind("c", creditFen)
                    .bind("id", id).execute();
            return id;
        });
    }

    private long credit(long id) {
        return program.desk().database().read(tx -> tx.handle().createQuery("SELECT credit_fen FROM account WHERE id = :id")
                .bind("id", id).mapTo(Long.class).one());
    }

    @Test
    void aHoldersCreditMovesToTheirOtherAccountWithTheManagersApproval() {
        long from = account(FROM, ID, 5000);
        long to = account(TO, ID, 0);
        account(OTHER, "110105194912310011", 0);
        cashier.logIn("1001", "demo1001");
        cashier.openTill("500");
        cashier.search(FROM);
        cashier.openWithEnter();
        cashier.waitUntil("the account is read", () -> cashier.text("#detail-status").orElse("").equals("正常"));

        // Ctrl+J: the credit is offered in full; another holder's account is refused before the manager comes
        cashier.press(KeyCode.CONTROL, KeyCode.J);
        cashier.waitUntilFocused("balance-move-target");
        assertThat(cashier.text("#balance-move-amount")).hasValue("50.00");
        cashier.type(OTHER).press(KeyCode.ENTER);
        cashier.waitUntil("another holder is refused", () -> cashier.text("#balance-move-message").orElse("")
                .contains("户主不是同一人"));
        assertThat(cashier.showing("#topup-approval")).isFalse();

        // the holder's own account, 30 of the 50
        cashier.press(KeyCode.CONTROL, KeyCode.A).type(TO);
        cashier.press(KeyCode.TAB).press(KeyCode.TAB);
        cashier.waitUntilFocused("balance-move-amount");
        cashier.press(KeyCode.CONTROL, KeyCode.A).type("30").press(KeyCode.ENTER);

        // the hall manager: reason, 工号, password
        cashier.waitUntilFocused("topup-approval-reason");
        assertThat(cashier.text("#topup-approval-what")).hasValueSatisfying(t -> assertThat(t)
                .contains(FROM, "预存余额 ¥30.00", TO, "吴转移"));
        cashier.type("两户合并缴费").press(KeyCode.ENTER);
        cashier.waitUntilFocused("topup-approval-staff-no");
        cashier.type("2001").press(KeyCode.ENTER);
        cashier.waitUntilFocused("topup-approval-password");
        cashier.type("demo2001").press(KeyCode.ENTER);

        cashier.waitUntil("the move is told", () -> cashier.text("#shell-message").orElse("")
                .contains("已将户号 " + FROM + " 的预存余额 ¥30.00 转入户号 " + TO));
        assertThat(credit(from)).isEqualTo(2000);
        assertThat(credit(to)).isEqualTo(3000);
    }
}
