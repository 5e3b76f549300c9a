package io.counterdesk.app;

/** Opens the counter window (JavaFX). Replaced by the UI work in progress. */
final class FxLauncher {

    private FxLauncher() {
    }

    static void launch(AppConfig config) {
        throw new UnsupportedOperationException("window not built yet");
    }
}
