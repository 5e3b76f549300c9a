package io.counterdesk.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.shared.I18n;
import io.counterdesk.ui.CounterAction;
import io.counterdesk.ui.CounterKeys;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The account detail's hint line is made from its actions: available ones only, keys before Esc. */
class AccountDetailKeyLineTest {

    private static final Runnable NOTHING = () -> { };

    @Test
    void listsTheAvailableKeysWithTheirShortTextsAndEscLast() {
        AtomicBoolean suspended = new AtomicBoolean(false);
        List<CounterAction> actions = List.of(
                CounterAction.hint("detail.back", "Esc", CounterKeys.GROUP_SEARCH, "ui.keys.detail.back"),
                CounterAction.of("detail.pay", CounterKeys.PAY, "F5", CounterKeys.GROUP_SEARCH, "ui.keys.detail.pay",
                        NOTHING),
                CounterAction.of("account.suspend", CounterKeys.ACCOUNT_SUSPEND, "F6", CounterKeys.GROUP_SEARCH,
                        "ui.keys.accountSuspend", NOTHING).when(() -> !suspended.get()),
                CounterAction.of("account.restore", CounterKeys.ACCOUNT_RESTORE, "F7", CounterKeys.GROUP_SEARCH,
                        "ui.keys.accountRestore", NOTHING).when(suspended::get),
                CounterAction.of("account.moveBalance", CounterKeys.MOVE_BALANCE, "Ctrl+J", CounterKeys.GROUP_SEARCH,
                        "ui.keys.openingMoveBalance", NOTHING));

        assertThat(AccountDetailView.keyLine(actions))
                .isEqualTo("F5 缴费　　F6 停气　　Ctrl+J 余额/押金转移　　Esc 返回查询");
        suspended.set(true);
        assertThat(AccountDetailView.keyLine(actions))
                .isEqualTo("F5 缴费　　F7 复气　　Ctrl+J 余额/押金转移　　Esc 返回查询");
        assertThat(AccountDetailView.keyLine(List.of(actions.get(0)))).isEqualTo("Esc 返回查询");
    }

    @Test
    void theShortTextDropsTheKeyMapsNoteInEitherLanguage() {
        CounterAction close = CounterAction.of("account.close", CounterKeys.ACCOUNT_CLOSE, "F8",
                CounterKeys.GROUP_SEARCH, "ui.keys.accountClose", NOTHING);
        CounterAction autoDebit = CounterAction.of("account.autoDebit", CounterKeys.AUTO_DEBIT, "Ctrl+K",
                CounterKeys.GROUP_SEARCH, "ui.keys.openingAutoDebit", NOTHING);

        assertThat(close.text()).isEqualTo("销户（退押金和预存余额）");
        assertThat(close.shortText()).isEqualTo("销户");
        assertThat(autoDebit.shortText()).isEqualTo("银行代扣变更/取消");
        I18n.setLocale(Locale.ENGLISH);
        try {
            assertThat(close.shortText()).isEqualTo("Close the account");
        } finally {
            I18n.setLocale(I18n.CHINESE);
        }
    }
}
