package io.counterdesk.account.opening.ui;

import io.counterdesk.ui.OverlayHost;
import java.util.List;
import javafx.scene.layout.VBox;

/**
 * A form's summary (F12) shown over its screen ({@link OpeningForms#summaryPanel}): Enter commits,
 * Esc goes back to the form. Closed once, whether the form closes it or it was shown at all.
 */
public final class SummaryOverlay {

    private final OverlayHost host;
    private boolean open;

    public SummaryOverlay(OverlayHost host) {
        this.host = host;
    }

    public void show(String id, String titleKey, List<String> lines, String hintKey, Runnable onEnter,
                     Runnable onEscape) {
        VBox panel = OpeningForms.summaryPanel(id, titleKey, lines, hintKey, onEnter);
        open = true;
        host.showOverlay(panel, onEscape);
        panel.requestFocus();
    }

    public void close() {
        if (open) {
            open = false;
            host.closeOverlay();
        }
    }
}
