package io.counterdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * Issue 15 §1: a cashier moving through a form by keys sees where the focus is, on check boxes too
 * (the documents checklist, the opening's options): the focused box is drawn differently from an
 * unfocused one, in the program's theme.
 */
class FocusVisibleTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        CounterDriver.onFx(() -> {
            CounterTheme.install();
            return null;
        });
    }

    @Test
    void aFocusedCheckBoxLooksDifferentFromAnUnfocusedOne() throws Exception {
        CheckBox first = new CheckBox("身份证");
        CheckBox second = new CheckBox("房产证");
        FxToolkit.setupStage(stage -> {
            VBox root = new VBox(first, second);
            Scene scene = new Scene(root, 300, 120);
            CounterTheme.apply(scene);
            stage.setScene(scene);
            stage.show();
        });
        int[] unfocused = CounterDriver.onFx(() -> {
            first.requestFocus();
            first.getScene().getRoot().applyCss();
            first.getScene().getRoot().layout();
            return pixels(second);
        });
        int[] focused = CounterDriver.onFx(() -> {
            second.requestFocus();
            second.getScene().getRoot().applyCss();
            second.getScene().getRoot().layout();
            return pixels(second);
        });
        assertThat(CounterDriver.onFx(second::isFocused)).isTrue();
        int differing = 0;
        for (int i = 0; i < Math.min(focused.length, unfocused.length); i++) {
            if (focused[i] != unfocused[i]) {
                differing++;
            }
        }
        assertThat(differing).as("pixels that change when the check box takes the focus (of %s)", focused.length)
                .isGreaterThan(focused.length / 10);
        FxToolkit.setupStage(Stage::hide);
    }

    private static int[] pixels(CheckBox box) {
        WritableImage image = box.snapshot(null, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] out = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), out, 0, w);
        return out;
    }
}
