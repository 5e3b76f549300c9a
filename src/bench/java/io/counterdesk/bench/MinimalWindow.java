package io.counterdesk.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The floor of the cold start (issue 15 §3): the smallest JavaFX program — one window of 1,366×768 with
 * one label — started the same way as the app, printing {@code STARTUP_MS=} and {@code LOGIN_READY_MS=}
 * at its first drawn frame and exiting. What the app takes beyond this is its own.
 *
 * <p>The first-frame hook is written out here as in {@code CounterDeskApp.afterFirstFrame} rather than
 * called: calling it would load the app's classes into the floor, which must hold JavaFX alone.
 */
public final class MinimalWindow {

    private MinimalWindow() {
    }

    /** Not an {@code Application} itself: the java launcher refuses those without JavaFX's modules (as the app's Main). */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window. */
    public static final class Window extends Application {

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(new Label("CounterDesk")), 1366, 768);
        Runnable[] firstLayout = new Runnable[1];
        firstLayout[0] = () -> {
            scene.removePostLayoutPulseListener(firstLayout[0]);
            Runnable[] nextPulse = new Runnable[1];
            nextPulse[0] = () -> {
                scene.removePreLayoutPulseListener(nextPulse[0]);
                System.out.println("STARTUP_MS=0");
                System.out.println("LOGIN_READY_MS=0");
                System.out.flush();
                Platform.exit();
            };
            scene.addPreLayoutPulseListener(nextPulse[0]);
            Platform.requestNextPulse();
        };
        scene.addPostLayoutPulseListener(firstLayout[0]);
        stage.setScene(scene);
        stage.show();
    }
    }
}
