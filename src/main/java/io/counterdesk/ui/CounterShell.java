package io.counterdesk.ui;

import io.counterdesk.shared.I18n;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The counter page after log-in: a header with the screen's title and the terminal, the current
 * screen, a message line for errors and confirmations, and the status bar. Screens form a stack:
 * opening an account pushes its detail over the search, Esc goes back to the search as it was.
 */
public final class CounterShell {

    private static final Duration INFO_VISIBLE = Duration.seconds(6);

    private final BorderPane root = new BorderPane();
    private final Label title = new Label();
    private final StackPane content = new StackPane();
    private final Label message = new Label();
    private final PauseTransition hideInfo = new PauseTransition(INFO_VISIBLE);
    private final StatusBar statusBar;
    private final CounterActions actions;
    private final Deque<Screen> stack = new ArrayDeque<>();
    /** Whether Esc asks before typed input is lost (issue 15 §1). */
    private final LeaveAsk leaveAsk = new LeaveAsk();
    private CounterActions.Registration screenKeys = () -> { };
    /** What to do when a screen leaves for good (a service-time clock abandoned), by screen. */
    private final java.util.Map<Screen, Runnable> onClose = new java.util.IdentityHashMap<>();

    /**
     * @param actions the window's key registry; the current screen's keys are added to it
     * @param place   hall and terminal, shown at the right of the header
     */
    public CounterShell(CounterActions actions, StatusBarModel status, String place) {
        this.actions = actions;
        this.statusBar = new StatusBar(status);
        root.getStyleClass().add("counter-shell");
        root.setId("counter-shell");

        Label brand = new Label(I18n.text("ui.app.brand"));
        brand.getStyleClass().add("header-brand");
        title.getStyleClass().add("header-title");
        title.setId("screen-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label placeLabel = new Label(place);
        placeLabel.getStyleClass().add("header-place");
        HBox header = new HBox(brand, title, spacer, placeLabel);
        header.getStyleClass().add("header");
        header.setAlignment(Pos.CENTER_LEFT);

        message.setId("shell-message");
        message.getStyleClass().add("shell-message");
        message.setMaxWidth(Double.MAX_VALUE);
        message.setWrapText(true);
        message.managedProperty().bind(message.visibleProperty());
        message.setVisible(false);
        hideInfo.setOnFinished(e -> clearMessage());

        content.getStyleClass().add("screen-area");
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox center = new VBox(message, content);

        root.setTop(header);
        root.setCenter(center);
        root.setBottom(statusBar.node());
    }

    public Node node() {
        return root;
    }

    /** Makes {@code screen} the only screen (closing the ones before). */
    public void setRoot(Screen screen) {
        while (!stack.isEmpty()) {
            close(stack.pop());
        }
        stack.push(screen);
        showCurrent();
    }

    /** Opens {@code screen} above the current one; Esc comes back. */
    public void push(Screen screen) {
        stack.push(screen);
        showCurrent();
    }

    /** Goes back to the screen below the current one; false if this is the first screen. */
    public boolean back() {
        if (stack.size() <= 1) {
            return false;
        }
        close(stack.pop());
        showCurrent();
        return true;
    }

    /** Goes back to the first screen. */
    public void backToRoot() {
        if (stack.size() <= 1) {
            current().ifPresent(s -> s.shown());
            return;
        }
        while (stack.size() > 1) {
            close(stack.pop());
        }
        showCurrent();
    }

    /**
     * Esc: the current screen first (it may clear its input), then back — but with input typed that
     * would be lost, the first Esc only says so; another Esc (nothing typed in between) goes back.
     */
    public void escape() {
        Optional<Screen> screen = current();
        if (screen.isPresent() && !screen.get().escape()) {
            if (leaveAsk.stay(screen.get(), screen.get().typedInput())) {
                showError(LeaveAsk.question());
                return;
            }
            back();
        }
    }

    public Optional<Screen> current() {
        return Optional.ofNullable(stack.peek());
    }

    /** An error the cashier must read; stays until the next screen change or message. */
    public void showError(String text) {
        showMessage(text, "message-error");
        hideInfo.stop();
    }

    /** A confirmation ("till opened"); disappears after a few seconds. */
    public void showInfo(String text) {
        showMessage(text, "message-info");
        hideInfo.playFromStart();
    }

    public void clearMessage() {
        message.setVisible(false);
        message.setText("");
    }

    public String messageText() {
        return message.isVisible() ? message.getText() : "";
    }

    /** Leaves the shell for good (log-out): closes its screens, removes their keys, stops the clock. */
    public void dispose() {
        screenKeys.remove();
        while (!stack.isEmpty()) {
            close(stack.pop());
        }
        hideInfo.stop();
        statusBar.stop();
    }

    /** Runs {@code action} once {@code screen} leaves the shell for good (Esc, back to the search, log-out). */
    public void whenClosed(Screen screen, Runnable action) {
        onClose.merge(screen, action, (first, second) -> () -> {
            first.run();
            second.run();
        });
    }

    private void close(Screen screen) {
        screen.closed();
        Runnable action = onClose.remove(screen);
        if (action != null) {
            action.run();
        }
    }

    private void showMessage(String text, String styleClass) {
        message.getStyleClass().removeAll("message-error", "message-info");
        message.getStyleClass().add(styleClass);
        message.setText(text);
        message.setVisible(true);
    }

    private void showCurrent() {
        Screen screen = stack.peek();
        screenKeys.remove();
        screenKeys = actions.register(screen.actions());
        title.setText(screen.title());
        content.getChildren().setAll(screen.node());
        if (message.getStyleClass().contains("message-error")) {
            clearMessage();
        }
        screen.shown();
    }
}
