package io.counterdesk.ui;

import io.counterdesk.shared.I18n;
import java.time.Clock;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the status bar shows: who is logged in, the till session, the time, and the state of the
 * card reader and the receipt printer. Devices say "not connected" until the device work connects
 * them; nothing here pretends otherwise.
 */
public final class StatusBarModel {

    private final Clock clock;
    private final ReadOnlyStringWrapper operator = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper till = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper tillOpen = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<DeviceState> cardReader = new ReadOnlyObjectWrapper<>(DeviceState.NOT_CONNECTED);
    private final ReadOnlyObjectWrapper<DeviceState> printer = new ReadOnlyObjectWrapper<>(DeviceState.NOT_CONNECTED);

    public StatusBarModel(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        tick();
    }

    /** Reads the clock again; the status bar calls this every second. */
    public void tick() {
        time.set(UiFormat.clock(clock.instant(), clock.getZone()));
    }

    public void signedIn(String operatorText) {
        operator.set(operatorText);
    }

    /** A till session is open; {@code description} names its day and float. */
    public void tillOpened(String description) {
        tillOpen.set(true);
        till.set(description);
    }

    /** No till is open (or the operator's role needs none); {@code description} says which. */
    public void tillNotOpen(String description) {
        tillOpen.set(false);
        till.set(description);
    }

    public void cardReader(DeviceState state) {
        cardReader.set(Objects.requireNonNull(state));
    }

    public void printer(DeviceState state) {
        printer.set(Objects.requireNonNull(state));
    }

    public ReadOnlyStringProperty operatorProperty() {
        return operator.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tillProperty() {
        return till.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty tillOpenProperty() {
        return tillOpen.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DeviceState> cardReaderProperty() {
        return cardReader.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DeviceState> printerProperty() {
        return printer.getReadOnlyProperty();
    }

    /** "读卡器：未连接". */
    public static String cardReaderText(DeviceState state) {
        return I18n.text("ui.status.cardReader", I18n.text("ui.device." + state.name()));
    }

    /** "打印机：未连接". */
    public static String printerText(DeviceState state) {
        return I18n.text("ui.status.printer", I18n.text("ui.device." + state.name()));
    }
}
