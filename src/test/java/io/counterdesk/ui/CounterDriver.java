package io.counterdesk.ui;

import io.counterdesk.shared.I18n;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.robot.BaseRobot;
import org.testfx.robot.KeyboardRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the counter window the way a cashier does, with the keyboard only, and reads what it
 * shows. Every read happens on the FX thread; every step waits for the screen it leads to.
 */
final class CounterDriver {

    private static final long TIMEOUT_SECONDS = 30;

    private final FxRobot robot = new FxRobot();

    /**
     * Types text into whatever has the focus, one key-typed event per character as TestFX's
     * {@code write} does, but waits for the FX thread once at the end rather than after every
     * character. Each event goes to the focus owner of the moment it is handled, in order.
     */
    CounterDriver type(String text) {
        Scene scene = onFx(() -> Window.getWindows().stream().filter(w -> w.isShowing() && w.isFocused()).map(Window::getScene)
                .findFirst().orElseGet(this::scene));
        BaseRobot base = robot.robotContext().getBaseRobot();
        text.codePoints().forEach(c -> base.typeKeyboard(scene, keyCodeOf(c), Character.toString(c)));
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    private static KeyCode keyCodeOf(int c) {
        return switch (c) {
            case '\n' -> KeyCode.ENTER;
            case '\t' -> KeyCode.TAB;
            default -> KeyCode.UNDEFINED;
        };
    }

    /**
     * Presses the keys in order and lets them go in reverse, as TestFX's {@code push} does, but
     * waits for the FX thread once, after the last release, instead of after every single press
     * and release (three waits of about 50 ms each for one key). The events still arrive in
     * order: the robot posts them all to the one FX queue, and the wait drains it.
     */
    CounterDriver press(KeyCode... keys) {
        KeyboardRobot keyboard = robot.robotContext().getKeyboardRobot();
        keyboard.pressNoWait(keys);
        KeyCode[] reversed = new KeyCode[keys.length];
        for (int i = 0; i < keys.length; i++) {
            reversed[i] = keys[keys.length - 1 - i];
        }
        keyboard.releaseNoWait(reversed);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    void waitUntil(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what + "; focus on " + focusedId()
                    + ", shell message: " + text("#shell-message").orElse("-"), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    void waitUntilFocused(String id) {
        waitUntil(id + " has the focus", () -> id.equals(focusedIdNow()));
    }

    /**
     * The field has the focus and takes typing. The focus alone can be left over from before: the
     * top-up's volume field keeps it while a newly put-in card is still being read, and keys typed
     * then are not taken.
     */
    void waitUntilReadyToType(String id) {
        waitUntil(id + " has the focus and is editable", () -> id.equals(focusedIdNow())
                && scene().getFocusOwner() instanceof TextInputControl input && input.isEditable());
    }

    /** The id of the node with the keyboard focus. */
    String focusedId() {
        return onFx(this::focusedIdNow);
    }

    private String focusedIdNow() {
        Scene scene = scene();
        Node focus = scene == null ? null : scene.getFocusOwner();
        return focus == null ? "" : String.valueOf(focus.getId());
    }

    /** The text of a label or field, if it is in the window. */
    Optional<String> text(String query) {
        return onFx(() -> robot.lookup(query).tryQuery().map(node -> {
            if (node instanceof Labeled labeled) {
                return labeled.getText();
            }
            if (node instanceof TextInputControl input) {
                return input.getText();
            }
            throw new IllegalArgumentException(query + " has no text");
        }));
    }

    /** True if the node is in the window and visible. */
    boolean showing(String query) {
        return onFx(() -> robot.lookup(query).tryQuery().map(node -> node.isVisible() && node.getScene() != null)
                .orElse(false));
    }

    /** All texts the window shows, for checks like "the full ID number appears nowhere". */
    String allTexts() {
        return onFx(() -> {
            StringBuilder out = new StringBuilder();
            robot.lookup(n -> n instanceof Labeled || n instanceof TextInputControl).queryAll().forEach(node -> {
                if (node instanceof Labeled labeled && labeled.getText() != null) {
                    out.append(labeled.getText()).append('\n');
                } else if (node instanceof TextInputControl input) {
                    out.append(input.getText()).append('\n');
                }
            });
            robot.lookup(".table-cell").queryAll().forEach(node -> {
                if (node instanceof Labeled labeled && labeled.getText() != null) {
                    out.append(labeled.getText()).append('\n');
                }
            });
            return out.toString();
        });
    }

    Scene scene() {
        return Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene).findFirst().orElse(null);
    }

    static <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("FX thread did not answer", e);
        }
    }

    // ---- the cashier's steps ----

    /** From the log-in page: 工号, Enter, password, Enter; returns once the counter shell shows. */
    void logIn(String staffNo, String password) {
        waitUntilFocused("login-staff-no");
        type(staffNo).press(KeyCode.ENTER);
        waitUntilFocused("login-password");
        type(password).press(KeyCode.ENTER);
        waitUntil("the counter shell shows", () -> robot.lookup("#counter-shell").tryQuery().isPresent());
    }

    /** On the open-till screen: the float, Enter; returns once the search field has the focus. */
    void openTill(String amount) {
        waitUntilFocused("till-float");
        type(amount).press(KeyCode.ENTER);
        waitUntilFocused("search-field");
    }

    /** The start of a shift: logs in, opens the till with {@code amount}; returns once the printer is ready too. */
    void logInAndOpenTill(String staffNo, String password, String amount) {
        logIn(staffNo, password);
        openTill(amount);
        waitForPrinter();
    }

    /** Ctrl+L, then {@code staffNo} logs in and goes on without a till (Esc if asked); returns on the search field. */
    void logInWithoutTill(String staffNo, String password) {
        press(KeyCode.CONTROL, KeyCode.L);
        logIn(staffNo, password);
        waitUntil("the till step or the search", () -> focusedIdNow().equals("till-float")
                || focusedIdNow().equals("search-field"));
        if (focusedId().equals("till-float")) {
            press(KeyCode.ESCAPE);
        }
        waitUntilFocused("search-field");
    }

    /** From the log-in page: a hall manager logs in and lands on the search, not asked for a till. */
    void logInAsManager(String staffNo, String password) {
        logIn(staffNo, password);
        waitUntilFocused("search-field");
        waitUntil("the status bar says no till is open", () -> !text("#status-till").orElse("").isEmpty());
    }

    /**
     * Ctrl+L, then a hall manager logs in, goes on without a till (Esc), opens the receipt stock
     * (F11) and its month-end listing (F6); returns once the listing is read.
     */
    void monthEndAsManager(String staffNo, String password) {
        logInWithoutTill(staffNo, password);
        press(KeyCode.F11);
        waitUntilFocused("stock-ranges");
        press(KeyCode.F6);
        waitUntilFocused("month-end-month");
        waitUntil("the month-end listing is read", () -> robot.lookup("#month-end-totals").tryQuery()
                .map(n -> !((Labeled) n).getText().isEmpty()).orElse(false));
    }

    /** Types a query into the search field and waits for its results. */
    void search(String query) {
        waitUntilFocused("search-field");
        type(query);
        String searching = I18n.text("ui.search.searching");
        waitUntil("results for " + query, () -> robot.lookup("#search-status").tryQuery()
                .map(n -> ((Labeled) n).getText()).filter(t -> !t.isEmpty() && !t.equals(searching)).isPresent()
                && robot.lookup("#search-field").tryQuery().map(n -> ((TextInputControl) n).getText())
                        .filter(query::equals).isPresent());
    }

    /** Enter in the search field; waits for the account detail to be loaded. */
    void openWithEnter() {
        press(KeyCode.ENTER);
        waitUntil("the account detail is loaded", () -> robot.lookup("#detail-account-no").tryQuery()
                .map(n -> !((Labeled) n).getText().isEmpty() && n.getScene() != null).orElse(false));
    }

    /** The items of a list (all of them, not only the rows on screen), as text. */
    java.util.List<String> listItems(String query) {
        return onFx(() -> robot.lookup(query).tryQuery()
                .map(n -> ((javafx.scene.control.ListView<?>) n).getItems().stream().map(String::valueOf).toList())
                .orElse(java.util.List.of()));
    }

    /** The texts of the rows of list {@code query} that are on screen now, wholly inside the list. */
    java.util.List<String> visibleListItems(String query) {
        return onFx(() -> robot.lookup(query).tryQuery().map(list -> {
            javafx.geometry.Bounds shown = list.localToScene(list.getLayoutBounds());
            return list.lookupAll(".list-cell").stream()
                    .filter(c -> c.isVisible() && c instanceof Labeled l && l.getText() != null && !l.getText().isEmpty())
                    .filter(c -> {
                        javafx.geometry.Bounds b = c.localToScene(c.getLayoutBounds());
                        return b.getMinY() >= shown.getMinY() - 1 && b.getMaxY() <= shown.getMaxY() + 1;
                    })
                    .map(c -> ((Labeled) c).getText()).toList();
        }).orElse(java.util.List.of()));
    }

    /** Waits until the list {@code query} holds an item containing {@code text}; returns that item. */
    String waitForItem(String query, String text) {
        waitUntil(query + " lists " + text, () -> robot.lookup(query).tryQuery()
                .map(n -> ((javafx.scene.control.ListView<?>) n).getItems().stream()
                        .anyMatch(i -> String.valueOf(i).contains(text))).orElse(false));
        return listItems(query).stream().filter(i -> i.contains(text)).findFirst().orElseThrow();
    }

    /** From the search field: finds {@code accountNo}, opens it, F5; returns once its bills are on the payment screen. */
    void openPayment(String accountNo) {
        search(accountNo);
        openWithEnter();
        payBills(accountNo);
    }

    /** F5 on the account detail of {@code accountNo}: returns once its bills are on the payment screen, the focus on the cash. */
    void payBills(String accountNo) {
        press(KeyCode.F5);
        waitUntilFocused("pay-cash");
        waitUntil("the bills of " + accountNo + " are shown", () -> text("#pay-account-no").orElse("").equals(accountNo));
    }

    /** The status bar says the printer is ready (the capture printer of demo mode has answered). */
    void waitForPrinter() {
        waitUntil("the printer is ready", () -> text("#status-printer").orElse("").equals("打印机：就绪"));
    }

    /**
     * On the payment (or top-up) screen: Ctrl+1, {@code cash} typed; waits for the change the screen works out
     * ({@code changeId}: {@code #pay-change} or {@code #topup-change}) to read {@code change}; F12 shows the
     * confirmation, Enter takes the money; returns once the result shows.
     */
    void payCash(String cashField, String cash, String changeId, String change) {
        enterCash(cashField, cash, changeId, change);
        askToConfirm();
        takeMoney();
    }

    /** Ctrl+1, {@code cash} typed into {@code cashField}; returns once {@code changeId} reads {@code change}. */
    void enterCash(String cashField, String cash, String changeId, String change) {
        press(KeyCode.CONTROL, KeyCode.DIGIT1);
        waitUntilFocused(cashField);
        type(cash);
        waitUntil("the change is " + change, () -> text(changeId).orElse("").equals(change));
    }

    /**
     * Ctrl+4 on the payment or top-up screen ({@code screen}: {@code pay} or {@code topup}): the number of
     * gas vouchers, Enter, their face value, Enter, their validity (left typed, no Enter).
     */
    void enterVouchers(String screen, int count, String faceValue, String validThrough) {
        press(KeyCode.CONTROL, KeyCode.DIGIT4);
        waitUntilFocused(screen + "-voucher-count");
        type(Integer.toString(count)).press(KeyCode.ENTER);
        waitUntilFocused(screen + "-voucher-face");
        type(faceValue).press(KeyCode.ENTER);
        waitUntilFocused(screen + "-voucher-valid-through");
        type(validThrough);
    }

    /** F12 on the payment or top-up screen: returns once the confirmation (what will print) shows. */
    void askToConfirm() {
        press(KeyCode.F12);
        waitUntil("the confirmation shows", () -> showing("#pay-confirmation"));
    }

    /** Enter on the confirmation: the money is taken; returns once the result shows. */
    void takeMoney() {
        press(KeyCode.ENTER);
        waitUntil("the result shows", () -> showing("#pay-result"));
    }

    /** Ctrl+E, the day close, once its sheet is read (the first denomination has the focus). */
    void openDayClose() {
        press(KeyCode.CONTROL, KeyCode.E);
        waitUntilFocused("day-close-pieces-Y100");
        waitUntil("the sheet is read", () -> !text("#day-close-message").orElse("").contains(I18n.text("ui.dayClose.working")));
    }

    /** F3 on the day close: deposits {@code amount}; returns the screen's message once the deposit is recorded. */
    String deposit(String amount) {
        press(KeyCode.F3);
        waitUntilFocused("day-close-deposit");
        type(amount).press(KeyCode.ENTER);
        String done = I18n.text("ui.dayClose.deposited", "", io.counterdesk.shared.Money.parse(amount).format()).strip();
        waitUntil("the deposit is recorded", () -> text("#day-close-message").orElse("").startsWith(done));
        return text("#day-close-message").orElse("");
    }

    /**
     * F4 on the day close: counts the drawer blind, {@code pieces} per denomination from 100 yuan down to 1
     * jiao (Enter moves down; none is left empty); returns once the count's total shows.
     */
    void countDrawer(java.util.Map<io.counterdesk.till.Denomination, Integer> pieces, String total) {
        press(KeyCode.F4);
        waitUntilFocused("day-close-pieces-Y100");
        for (io.counterdesk.till.Denomination d : io.counterdesk.till.Denomination.values()) {
            waitUntilFocused("day-close-pieces-" + d.name());
            int n = pieces.getOrDefault(d, 0);
            if (n > 0) {
                type(Integer.toString(n));
            }
            press(KeyCode.ENTER);
        }
        waitUntil("the counted total is " + total, () -> text("#day-close-counted").orElse("").contains(total));
    }

    /** The charts the window shows (report.ui.ChartNode), in their order. */
    java.util.List<io.counterdesk.report.ui.ChartNode> charts() {
        return onFx(() -> robot.lookup(n -> n instanceof io.counterdesk.report.ui.ChartNode).queryAll().stream()
                .map(n -> (io.counterdesk.report.ui.ChartNode) n).toList());
    }

    /**
     * Ctrl+D (demo mode): the demo card reader; picks the card of row {@code row} (0 = first) and presses
     * {@code key}; returns with the demo reader closed (Enter closes it itself, other keys are followed by Esc).
     */
    void demoCard(int row, KeyCode key, String expectedNews) {
        press(KeyCode.CONTROL, KeyCode.D);
        waitUntilFocused("demo-card-list");
        waitUntil("the demo cards are listed", () -> robot.lookup("#demo-card-list").tryQuery()
                .map(n -> !((javafx.scene.control.ListView<?>) n).getItems().isEmpty()).orElse(false));
        for (int i = 0; i < row; i++) {
            press(KeyCode.DOWN);
        }
        press(key);
        if (key == KeyCode.ENTER) {
            // a card put into the reader closes the demo reader: the counter's next key works at once
            waitUntil("the demo reader did it and closed: " + expectedNews, () -> !showing("#demo-cards"));
            return;
        }
        waitUntil("the demo reader did it: " + expectedNews, () -> robot.lookup("#demo-cards-message").tryQuery()
                .map(n -> ((Labeled) n).getText().contains(expectedNews)).orElse(false));
        press(KeyCode.ESCAPE);
    }

    /**
     * Ctrl+O: the opening screen, and a household typed in field by field (李明, 3-1-1201, 高层,
     * IC meter {@code meterNo}, the two documents ticked, {@code cash} yuan in cash): F12 shows its summary.
     */
    void typeIcHousehold(String meterNo, String cash) {
        press(KeyCode.CONTROL, KeyCode.O);
        waitUntilFocused("opening-kind");
        press(KeyCode.ENTER).press(KeyCode.DOWN).press(KeyCode.ENTER);
        type(meterNo).press(KeyCode.ENTER).type("李明").press(KeyCode.ENTER).type("13912345678")
                .press(KeyCode.ENTER).press(KeyCode.ENTER).type("11010519491231002X").press(KeyCode.ENTER)
                .press(KeyCode.ENTER);
        for (String part : java.util.List.of("西湖区", "文一路", "翠苑小区", "12", "1", "1201")) {
            type(part).press(KeyCode.ENTER);
        }
        press(KeyCode.DOWN).press(KeyCode.ENTER).press(KeyCode.ENTER);
        press(KeyCode.SPACE).press(KeyCode.ENTER).press(KeyCode.SPACE).press(KeyCode.ENTER).type(cash);
    }

    /** The window as a PNG (the screenshot tests, and end-to-end tests asked for pictures). */
    void snapshot(java.nio.file.Path file) throws java.io.IOException {
        java.nio.file.Files.createDirectories(file.getParent());
        javafx.scene.image.WritableImage image = onFx(() -> scene().snapshot(null));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }

    /** Ctrl+G: the top-up screen; returns once the card in the reader is read and the volume has the focus. */
    void openTopUp(String accountNo) {
        press(KeyCode.CONTROL, KeyCode.G);
        try {
            waitUntil("the card of " + accountNo + " is read", () -> robot.lookup("#topup-account-no").tryQuery()
                    .map(n -> accountNo.equals(((Labeled) n).getText()) && n.getScene() != null).orElse(false));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the screen says: " + text("#topup-message").orElse("-") + " / " + text("#topup-account-no").orElse("(no account label)") + "\n" + allTexts(), e);
        }
    }

    /** Ctrl+D, Enter: puts demo card {@code row} ({@code holder}'s) into the counter's reader; returns once the status bar sees it. */
    void insertDemoCard(int row, String holder) {
        demoCard(row, KeyCode.ENTER, I18n.text("ui.demo.inserted", holder));
        waitUntil("the status bar sees the card", () -> text("#status-card-reader").orElse("").equals("读卡器：已插卡"));
    }
}
