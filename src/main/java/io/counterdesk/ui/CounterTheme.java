package io.counterdesk.ui;

import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * The look: AtlantaFX Primer Light (its pre-compiled binary stylesheet, which parses faster at
 * start-up than the CSS) under CounterDesk's own {@code counterdesk.css}: larger type for long
 * shifts, large amounts, coloured status badges, a dark header and status bar.
 */
public final class CounterTheme {

    static final String STYLESHEET = "/io/counterdesk/ui/counterdesk.css";

    private CounterTheme() {
    }

    /** Sets the user-agent stylesheet for the whole program; call once, on the FX thread, before the first scene. */
    public static void install() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
    }

    /** Adds CounterDesk's stylesheet to a scene. */
    public static void apply(Scene scene) {
        scene.getStylesheets().add(stylesheet());
    }

    static String stylesheet() {
        return Objects.requireNonNull(CounterTheme.class.getResource(STYLESHEET), STYLESHEET).toExternalForm();
    }
}
