package io.counterdesk.app;

/** Opens the counter window (JavaFX) and returns when it has closed. */
final class FxLauncher {

    private FxLauncher() {
    }

    static void launch(AppConfig config) {
        CounterDeskApp.launch(config);
    }
}
