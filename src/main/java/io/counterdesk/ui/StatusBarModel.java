package io.counterdesk.ui;

import io.counterdesk.servicetime.ServiceTimer;
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
    private final ReadOnlyStringWrapper cardReaderText =
            new ReadOnlyStringWrapper(cardReaderText(DeviceState.NOT_CONNECTED));
    private final ReadOnlyObjectWrapper<DeviceState> printer = new ReadOnlyObjectWrapper<>(DeviceState.NOT_CONNECTED);
    private final ReadOnlyStringWrapper printerText = new ReadOnlyStringWrapper(printerText(DeviceState.NOT_CONNECTED));
    private final ReadOnlyStringWrapper printerDescription = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper serviceTime = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ServiceTimer.Level> serviceLevel = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper sync = new ReadOnlyStringWrapper("");
    private ServiceTimer shownService;

    public StatusBarModel(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        tick();
    }

    /** Reads the clock again; the status bar calls this every second. */
    public void tick() {
        time.set(UiFormat.clock(clock.instant(), clock.getZone()));
        if (shownService == null) {
            serviceTime.set("");
            serviceLevel.set(null);
        } else {
            serviceTime.set(I18n.text("ui.status.serviceTime",
                    I18n.text("ui.serviceTime.business." + shownService.business().name()),
                    ServiceTimer.clockText(shownService.elapsed(clock.instant())), shownService.promise().toMinutes()));
            serviceLevel.set(shownService.level(clock.instant()));
        }
    }

    /** The counter business being timed now (null: none), shown against its promise and ticking. */
    public void serviceTimer(ServiceTimer timer) {
        shownService = timer;
        tick();
    }

    /** "开户 · 已用 2:13 / 承诺 10 分钟", or empty while no business is being timed. */
    public ReadOnlyStringProperty serviceTimeProperty() {
        return serviceTime.getReadOnlyProperty();
    }

    /** How the business stands against its promise (amber near it, red past it); null while none is timed. */
    public ReadOnlyObjectProperty<ServiceTimer.Level> serviceLevelProperty() {
        return serviceLevel.getReadOnlyProperty();
    }

    /** The upload to head office: 已上传, 正在上传 N, 上传中 n%, 待上传 N, 上传失败（reason）; empty while the terminal is not enrolled. */
    public void sync(io.counterdesk.sync.SyncStatus status) {
        sync.set(syncText(status));
    }

    static String syncText(io.counterdesk.sync.SyncStatus s) {
        if (!s.enrolled()) {
            return "";
        }
        if (s.pending() == 0) {
            return I18n.text("sync.status.done");
        }
        if (s.sending() && s.percent() >= 0) {
            return I18n.text("sync.status.progress", s.percent());
        }
        if (s.sending()) {
            return I18n.text("sync.status.sending", s.pending());
        }
        return s.failed() ? I18n.text("sync.status.failed", s.lastError()) : I18n.text("sync.status.pending", s.pending());
    }

    public ReadOnlyStringProperty syncProperty() {
        return sync.getReadOnlyProperty();
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
        cardReader(state, "");
    }

    /** The card reader's state and what to say beside it: "读卡服务未运行", "无卡", "已插卡" … */
    public void cardReader(DeviceState state, String detail) {
        cardReader.set(Objects.requireNonNull(state));
        cardReaderText.set(detail == null || detail.isBlank() ? cardReaderText(state)
                : I18n.text("ui.status.cardReader", detail));
    }

    /** "读卡器：已插卡" … as the status bar shows it. */
    public ReadOnlyStringProperty cardReaderTextProperty() {
        return cardReaderText.getReadOnlyProperty();
    }

    public void printer(DeviceState state) {
        printer(state, "");
    }

    /**
     * The printer's state and, when there is more to say, its own word for it: "缺纸" for an error,
     * "纸快用完了" beside "就绪".
     */
    public void printer(DeviceState state, String detail) {
        printer.set(Objects.requireNonNull(state));
        printerText.set(printerText(state, detail));
    }

    /** What the printer is ("ESC/POS 127.0.0.1:9100"), for the tooltip. */
    public void printerDescription(String text) {
        printerDescription.set(text == null ? "" : text);
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

    /** "打印机：就绪", "打印机：缺纸" … as the status bar shows it. */
    public ReadOnlyStringProperty printerTextProperty() {
        return printerText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty printerDescriptionProperty() {
        return printerDescription.getReadOnlyProperty();
    }

    /** "读卡器：未连接". */
    public static String cardReaderText(DeviceState state) {
        return I18n.text("ui.status.cardReader", I18n.text("ui.device." + state.name()));
    }

    /** "打印机：未连接". */
    public static String printerText(DeviceState state) {
        return I18n.text("ui.status.printer", I18n.text("ui.device." + state.name()));
    }

    /**
     * "打印机：缺纸" for an error with its own word, "打印机：就绪（纸快用完了）" for a note beside a
     * state; without a detail the same as {@link #printerText(DeviceState)}.
     */
    public static String printerText(DeviceState state, String detail) {
        if (detail == null || detail.isBlank()) {
            return printerText(state);
        }
        if (state == DeviceState.ERROR) {
            return I18n.text("ui.status.printer", detail);
        }
        return I18n.text("ui.status.printerWithNote", I18n.text("ui.device." + state.name()), detail);
    }
}
