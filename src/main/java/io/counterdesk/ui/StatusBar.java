package io.counterdesk.ui;

import io.counterdesk.servicetime.ServiceTimer;
import io.counterdesk.shared.I18n;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.util.Duration;

/** The bar at the bottom of the counter window; binds to a {@link StatusBarModel} and ticks its clock. */
final class StatusBar {

    /** The till segment stands out while no till is open: the cashier cannot take money yet. */
    private static final PseudoClass NO_TILL = PseudoClass.getPseudoClass("closed");

    /** The service-time clock turns amber near the promise and red past it. */
    private static final PseudoClass SERVICE_NEAR = PseudoClass.getPseudoClass("near");
    private static final PseudoClass SERVICE_OVER = PseudoClass.getPseudoClass("over");

    private final HBox bar = new HBox();
    private final Timeline ticker;

    StatusBar(StatusBarModel model) {
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);

        Label operator = segment("status-operator");
        operator.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.text("ui.status.operator", model.operatorProperty().get()), model.operatorProperty()));

        Label till = segment("status-till");
        till.textProperty().bind(model.tillProperty());
        model.tillOpenProperty().addListener((obs, was, open) -> till.pseudoClassStateChanged(NO_TILL, !open));
        till.pseudoClassStateChanged(NO_TILL, !model.tillOpenProperty().get());

        Label reader = device("status-card-reader", model.cardReaderProperty(), () -> model.cardReaderTextProperty().get());
        model.cardReaderTextProperty().addListener((obs, was, now) -> reader.setText(now));
        Label printer = device("status-printer", model.printerProperty(), () -> model.printerTextProperty().get());
        model.printerTextProperty().addListener((obs, was, now) -> printer.setText(now));
        Tooltip printerTip = new Tooltip();
        printerTip.textProperty().bind(model.printerDescriptionProperty());
        model.printerDescriptionProperty().addListener((obs, was, now) ->
                printer.setTooltip(now.isEmpty() ? null : printerTip));

        Label service = segment("status-service-time");
        service.textProperty().bind(model.serviceTimeProperty());
        service.managedProperty().bind(service.textProperty().isNotEmpty());
        service.visibleProperty().bind(service.managedProperty());
        model.serviceLevelProperty().addListener((obs, was, level) -> {
            service.pseudoClassStateChanged(SERVICE_NEAR, level == ServiceTimer.Level.NEAR);
            service.pseudoClassStateChanged(SERVICE_OVER, level == ServiceTimer.Level.OVER);
        });

        Label upload = segment("status-sync");
        upload.textProperty().bind(model.syncProperty());
        upload.managedProperty().bind(upload.textProperty().isNotEmpty());
        upload.visibleProperty().bind(upload.managedProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Label keys = segment("status-keys");
        keys.setText(I18n.text("ui.status.keyMapHint"));

        Label clock = segment("status-clock");
        clock.textProperty().bind(model.timeProperty());

        bar.getChildren().addAll(operator, separator(), till, separator(), reader, separator(), printer, spacer, upload, service, keys,
                separator(), clock);

        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
    }

    HBox node() {
        return bar;
    }

    void stop() {
        ticker.stop();
    }

    private static Label segment(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("status-segment");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label device(String id, ReadOnlyObjectProperty<DeviceState> state, Supplier<String> text) {
        Label label = segment(id);
        Circle dot = new Circle(5);
        dot.getStyleClass().add("device-dot");
        label.setGraphic(dot);
        Runnable update = () -> {
            DeviceState s = state.get();
            label.setText(text.get());
            dot.getStyleClass().removeIf(c -> c.startsWith("device-") && !"device-dot".equals(c));
            dot.getStyleClass().add(s.styleClass());
        };
        state.addListener((obs, was, now) -> update.run());
        update.run();
        return label;
    }

    private static Label separator() {
        Label separator = new Label("│");
        separator.getStyleClass().add("status-separator");
        return separator;
    }
}
