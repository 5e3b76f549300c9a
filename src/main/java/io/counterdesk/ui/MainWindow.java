package io.counterdesk.ui;

import io.counterdesk.shared.I18n;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;

/**
 * The counter window's content: one page at a time (the log-in page or the counter shell) and
 * at most one overlay above it (the key map, a dialog). Every key press passes through here first:
 * an overlay gets Esc, otherwise the {@link CounterActions} registry gets the key.
 */
public final class MainWindow implements OverlayHost {

    private final StackPane root = new StackPane();
    private final StackPane pageLayer = new StackPane();
    private final StackPane overlayLayer = new StackPane();
    private final CounterActions actions = new CounterActions();
    /**
     * A press of a key already down counts as the keyboard's auto-repeat only within this long of the
     * key's previous press (repeats come every 30–100 ms after a first delay of at most 1 s on every
     * keyboard setting): a release that never reached the window (it went to another window or a
     * popup) must not swallow the cashier's next press of that key.
     */
    static final long REPEAT_WINDOW_NANOS = 1_200_000_000L;

    private final Map<KeyCode, Long> keysDown = new EnumMap<>(KeyCode.class);
    private final LongSupplier nanoTime;
    private Overlay overlay;

    public MainWindow() {
        this(System::nanoTime);
    }

    MainWindow(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        root.getStyleClass().add("main-window");
        root.setId("main-window");
        overlayLayer.getStyleClass().add("overlay-backdrop");
        overlayLayer.setVisible(false);
        root.getChildren().addAll(pageLayer, overlayLayer);
        actions.register(CounterAction.of("keymap", CounterKeys.KEY_MAP, "F1", CounterKeys.GROUP_GENERAL,
                "ui.keys.keyMap", this::toggleKeyMap));
    }

    /** The scene's root. */
    public Parent root() {
        return root;
    }

    /** Routes the scene's key presses through this window; call once for the window's scene. */
    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> keysDown.remove(e.getCode()));
        scene.windowProperty().addListener((obs, was, window) -> {
            if (window != null) {
                window.focusedProperty().addListener((o, wasFocused, focused) -> keysDown.clear());
            }
        });
    }

    public CounterActions actions() {
        return actions;
    }

    /** Replaces the page (closing any overlay). */
    public void showPage(Node page) {
        closeOverlay();
        pageLayer.getChildren().setAll(page);
    }

    /**
     * Shows {@code content} above the page, which becomes inert until the overlay closes.
     *
     * @param onEscape what Esc does while it is shown (usually {@link #closeOverlay()})
     */
    @Override
    public void showOverlay(Node content, Runnable onEscape) {
        closeOverlay();
        Node focusBefore = root.getScene() == null ? null : root.getScene().getFocusOwner();
        overlay = new Overlay(content, Objects.requireNonNull(onEscape), focusBefore);
        StackPane.setAlignment(content, javafx.geometry.Pos.CENTER);
        overlayLayer.getChildren().setAll(content);
        overlayLayer.setVisible(true);
        pageLayer.setDisable(true);
    }

    /** Closes the overlay, if any, and gives the focus back to where it was. */
    @Override
    public void closeOverlay() {
        if (overlay == null) {
            return;
        }
        Node focusBefore = overlay.focusBefore();
        overlay = null;
        overlayLayer.getChildren().clear();
        overlayLayer.setVisible(false);
        pageLayer.setDisable(false);
        if (focusBefore != null && focusBefore.getScene() == root.getScene()) {
            focusBefore.requestFocus();
        }
    }

    @Override
    public boolean overlayShowing() {
        return overlay != null;
    }

    /** F1: shows the key map of what can be done now, or closes it. */
    public void toggleKeyMap() {
        if (overlay != null && overlay.content() instanceof KeyMapOverlay.Panel) {
            closeOverlay();
            return;
        }
        if (overlay == null) {
            KeyMapOverlay.Panel panel = KeyMapOverlay.build(actions.available());
            showOverlay(panel, this::closeOverlay);
            panel.requestFocus();
        }
    }

    private void keyPressed(KeyEvent event) {
        long now = nanoTime.getAsLong();
        Long before = keysDown.put(event.getCode(), now);
        if (before != null && now - before < REPEAT_WINDOW_NANOS) {
            // the keyboard's auto-repeat while a key is held: an action runs once per press
            // (holding Esc must not go back through every screen, holding F1 must not flicker).
            // A held function key or Esc reaches nobody: F12 held down opens the payment's
            // confirmation, and its repeats must not go on into the dialog and confirm it.
            if (event.getCode().isFunctionKey() || event.getCode() == KeyCode.ESCAPE) {
                event.consume();
            }
            return;
        }
        if (overlay != null) {
            if (event.getCode() == KeyCode.ESCAPE) {
                overlay.onEscape().run();
                event.consume();
            } else if (CounterKeys.KEY_MAP.match(event) && overlay.content() instanceof KeyMapOverlay.Panel) {
                closeOverlay();
                event.consume();
            }
            return;
        }
        if (actions.dispatch(event)) {
            event.consume();
        }
    }

    /** The window title for a terminal: "CounterDesk 营业厅柜台 — 杭州城西营业厅 1 号窗口". */
    public static String title(String place) {
        return place == null || place.isBlank() ? I18n.text("ui.app.title")
                : I18n.text("ui.app.titleWithPlace", place);
    }

    private record Overlay(Node content, Runnable onEscape, Node focusBefore) {
    }
}
