package io.counterdesk.ui;

import javafx.scene.Node;

/**
 * Where a screen opens its dialogs (confirmation, manager approval, pick a fee item): above the
 * page, which is inert until the dialog closes. While a dialog shows, the window gives it every
 * key but Esc (which runs {@code onEscape}) and F1; the screen's own keys are not dispatched.
 * {@link MainWindow} is the real one.
 */
public interface OverlayHost {

    /** Shows {@code content} as the dialog; {@code onEscape} is what Esc does while it shows. */
    void showOverlay(Node content, Runnable onEscape);

    /** Closes the dialog, if any, and gives the focus back to where it was. */
    void closeOverlay();

    /** True while a dialog (or the key map) is shown. */
    boolean overlayShowing();
}
