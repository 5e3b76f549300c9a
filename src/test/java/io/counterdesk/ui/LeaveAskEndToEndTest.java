package io.counterdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.security.Operator;
import io.counterdesk.shared.I18n;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15 §1: Esc on a half-filled form asks before the typed input is thrown away — the first Esc
 * stays and says so, typing in between asks again, the next Esc leaves. Once the money is taken, or
 * with nothing typed, Esc leaves at once. One rule ({@code ui.LeaveAsk}) on the money screens (payment,
 * gas top-up), the card service, the day close, the opening and transfer forms and the stock screen's
 * forms.
 */
class LeaveAskEndToEndTest {

    @RegisterExtension
    final CounterApp program = CounterApp.demo(50);

    private final CounterDriver cashier = new CounterDriver();

    @Test
    void escOnAHalfFilledPaymentOrTopUpAsksFirst() {
        cashier.logInAndOpenTill("1001", "demo1001", "500");
        Operator reader = program.login("1002");
        String accountNo = TestBackend.owing(program.desk(), reader, a -> !a.bills().isEmpty()).get(0).accountNo();
        String ask = I18n.text("ui.leaveAsk");

        cashier.search(accountNo);
        cashier.openWithEnter();
        cashier.payBills(accountNo);
        cashier.press(KeyCode.ESCAPE);
        cashier.waitUntil("nothing typed: Esc goes back at once", () -> cashier.showing("#account-detail"));

        cashier.payBills(accountNo);
        cashier.type("50");
        cashier.press(KeyCode.ESCAPE);
        assertThat(cashier.text("#shell-message")).as("the first Esc says what would be lost").hasValue(ask);
        assertThat(cashier.focusedId()).isEqualTo("pay-cash");
        assertThat(cashier.text("#pay-cash")).as("nothing thrown away").hasValue("50");
        cashier.type("0");
        cashier.press(KeyCode.ESCAPE);
        assertThat(cashier.focusedId()).as("typing in between asks again").isEqualTo("pay-cash");
        cashier.press(KeyCode.ESCAPE);
        cashier.waitUntil("the second Esc goes back", () -> cashier.showing("#account-detail"));

        cashier.press(KeyCode.F2);
        cashier.press(KeyCode.CONTROL, KeyCode.D);
        cashier.waitUntilFocused("demo-card-list");
        cashier.waitUntil("the demo cards are listed", () -> !cashier.listItems("#demo-card-list").isEmpty());
        cashier.press(KeyCode.ENTER);
        cashier.waitUntil("the card is in the reader", () -> cashier.text("#status-card-reader").orElse("")
                .endsWith(I18n.text("ui.card.status.card")));
        cashier.openTopUp("3390000001");
        cashier.waitUntilReadyToType("topup-volume");
        cashier.type("30");
        cashier.press(KeyCode.ESCAPE);
        assertThat(cashier.text("#shell-message")).hasValue(ask);
        assertThat(cashier.focusedId()).isEqualTo("topup-volume");
        cashier.press(KeyCode.ESCAPE);
        cashier.waitUntil("the second Esc leaves the top-up", () -> !cashier.showing("#topup-volume"));
    }

    @Test
    void escOnAHalfFilledCardServiceDayCloseOpeningTransferOrStockFormAsksFirst() {
        cashier.logInAndOpenTill("1001", "demo1001", "500");
        if (Boolean.getBoolean("counterdesk.screenshots")) {
            CounterDriver.onFx(() -> {
                javafx.stage.Stage stage = (javafx.stage.Stage) cashier.scene().getWindow();
                stage.setMaximized(false);
                stage.setWidth(1366);
                stage.setHeight(768);
                return null;
            });
        }
        String ask = I18n.text("ui.leaveAsk");
        Operator reader = program.login("1002");
        String owing = TestBackend.owing(program.desk(), reader, a -> !a.bills().isEmpty()).get(0).accountNo();

        // the card service (Ctrl+B): nothing typed leaves at once; an account half typed asks
        cashier.press(KeyCode.CONTROL, KeyCode.B);
        cashier.waitUntilFocused("cardservice-business");
        cashier.press(KeyCode.ESCAPE);
        cashier.waitUntil("nothing typed: Esc leaves the card service", () -> !cashier.showing("#cardservice"));
        cashier.press(KeyCode.CONTROL, KeyCode.B);
        cashier.waitUntilFocused("cardservice-business");
        cashier.press(KeyCode.ENTER);
        cashier.waitUntilFocused("cardservice-account");
        cashier.type("33900");
        asksThenLeaves(ask, "cardservice-account", "33900", "#cardservice");

        // the day close (Ctrl+E): a count half typed
        cashier.press(KeyCode.F2);
        cashier.openDayClose();
        cashier.type("3");
        asksThenLeaves(ask, "day-close-pieces-Y100", "3", "#day-close");

        // the opening form (Ctrl+O): a holder's name
        cashier.press(KeyCode.F2);
        cashier.press(KeyCode.CONTROL, KeyCode.O);
        cashier.waitUntilFocused("opening-kind");
        cashier.press(KeyCode.F4);
        cashier.waitUntil("the holder's name has the focus", () -> !cashier.focusedId().equals("opening-kind"));
        String holderField = cashier.focusedId();
        cashier.type("李明");
        asksThenLeaves(ask, holderField, "李明", "#opening");

        // the transfer form (Ctrl+T): the new holder's name
        cashier.press(KeyCode.F2);
        cashier.press(KeyCode.CONTROL, KeyCode.T);
        cashier.waitUntilFocused("transfer-account-no");
        cashier.type(owing).press(KeyCode.ENTER);
        cashier.waitUntilFocused("transfer-name");
        cashier.type("陈静");
        asksThenLeaves(ask, "transfer-name", "陈静", "#transfer-name");

        // the stock screen's void form (F11, F4): a receipt number; the question on the form's own line
        cashier.press(KeyCode.F2);
        cashier.press(KeyCode.F11);
        cashier.waitUntilFocused("stock-ranges");
        cashier.press(KeyCode.F4);
        cashier.waitUntilFocused("void-kind");
        cashier.press(KeyCode.ENTER);
        cashier.waitUntilFocused("void-number");
        cashier.type("1000");
        cashier.press(KeyCode.ESCAPE);
        look("stock-void");
        assertThat(cashier.text("#void-message")).as("the first Esc says what would be lost").hasValue(ask);
        assertThat(cashier.showing("#stock-void")).isTrue();
        assertThat(cashier.focusedId()).as("the focus stays where the cashier types").isEqualTo("void-number");
        cashier.type("2");
        cashier.press(KeyCode.ESCAPE);
        assertThat(cashier.showing("#stock-void")).as("typing in between asks again").isTrue();
        assertThat(cashier.text("#void-number")).hasValue("10002");
        cashier.press(KeyCode.ESCAPE);
        cashier.waitUntil("the second Esc closes the form", () -> !cashier.showing("#stock-void"));
        cashier.waitUntilFocused("stock-ranges");
    }

    @Test
    void escAsksOnATransfersAccountNumberAndWhileTheDayCloseIsBusy() throws Exception {
        cashier.logInAndOpenTill("1001", "demo1001", "500");
        String ask = I18n.text("ui.leaveAsk");

        // the transfer form (Ctrl+T) with only the account number typed, not yet read
        cashier.press(KeyCode.CONTROL, KeyCode.T);
        cashier.waitUntilFocused("transfer-account-no");
        cashier.type("33900");
        asksThenLeaves(ask, "transfer-account-no", "33900", "#transfer-account-no");

        // the day close (Ctrl+E): a count typed, then a deposit that waits for the journal, held here
        cashier.press(KeyCode.F2);
        cashier.openDayClose();
        cashier.type("3");
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread holder = new Thread(() -> program.desk().database().inTransaction(tx -> {
            tx.handle().createQuery("SELECT last_seq FROM journal_head WHERE id = 1 FOR UPDATE").mapTo(Long.class).one();
            held.countDown();
            try {
                release.await(8, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }), "journal-holder");
        holder.start();
        assertThat(held.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        try {
            cashier.press(KeyCode.F3);
            cashier.waitUntilFocused("day-close-deposit");
            cashier.type("100").press(KeyCode.ENTER);
            cashier.waitUntil("the deposit is on its way", () -> cashier.text("#day-close-message").orElse("")
                    .equals(I18n.text("ui.dayClose.working")));
            cashier.press(KeyCode.ESCAPE);
            look("day-close-busy");
            assertThat(cashier.text("#shell-message")).as("Esc while busy asks first").hasValue(ask);
            assertThat(cashier.showing("#day-close")).as("and stays").isTrue();
        } finally {
            release.countDown();
            holder.join(10_000);
        }
        String done = I18n.text("ui.dayClose.deposited", "", io.counterdesk.shared.Money.parse("100").format()).strip();
        cashier.waitUntil("the deposit is recorded", () -> cashier.text("#day-close-message").orElse("").startsWith(done));
        assertThat(cashier.text("#day-close-pieces-Y100")).as("the count is kept").hasValue("3");
        cashier.press(KeyCode.ESCAPE);
        assertThat(cashier.showing("#day-close")).as("the deposit cleared its field: asked again").isTrue();
        cashier.press(KeyCode.ESCAPE);
        cashier.waitUntil("the second Esc leaves", () -> !cashier.showing("#day-close"));
    }

    /** Esc with {@code typed} in {@code field}: asks and keeps it; more typing asks again; then Esc leaves {@code screen}. */
    private void asksThenLeaves(String ask, String field, String typed, String screen) {
        cashier.press(KeyCode.ESCAPE);
        look(screen.substring(1));
        assertThat(cashier.text("#shell-message")).as("the first Esc says what would be lost").hasValue(ask);
        assertThat(cashier.focusedId()).isEqualTo(field);
        assertThat(cashier.text("#" + field)).as("nothing thrown away").hasValue(typed);
        cashier.type("1");
        cashier.press(KeyCode.ESCAPE);
        assertThat(cashier.showing(screen)).as("typing in between asks again").isTrue();
        assertThat(cashier.focusedId()).isEqualTo(field);
        cashier.press(KeyCode.ESCAPE);
        cashier.waitUntil("the second Esc leaves", () -> !cashier.showing(screen));
    }

    /** With {@code -Dcounterdesk.screenshots=true}: the question as it shows, at 1366×768, for review. */
    private void look(String name) {
        if (Boolean.getBoolean("counterdesk.screenshots")) {
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            try {
                cashier.snapshot(java.nio.file.Path.of("target", "screenshots", "leave-ask-" + name + ".png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
