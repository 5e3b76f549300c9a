package io.counterdesk.card.ui;

import io.counterdesk.card.CardMonitor;
import io.counterdesk.card.CounterReader;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.DeviceState;
import io.counterdesk.ui.StatusBarModel;
import io.counterdesk.ui.TaskExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Keeps the status bar's card segment true from the {@link CardMonitor}: the card service not
 * running (故障), no reader (未连接), the counter's reader empty (就绪 · 无卡) or holding a card
 * (已插卡). The monitor calls from its own thread; every event is handed to the UI thread through
 * the executor, where the status bar and the screens that listen for a card ({@link #onCardInserted})
 * hear it. Nothing here touches a card.
 */
public final class CardReaderStatus {

    private final TaskExecutor executor;
    private final CardMonitor monitor;
    private final CounterReader reader;
    private final StatusBarModel status;
    private final Consumer<CardMonitor.Event> listener;
    private final List<Runnable> insertListeners = new ArrayList<>();
    private boolean started;

    public CardReaderStatus(TaskExecutor executor, CardMonitor monitor, CounterReader reader, StatusBarModel status) {
        this.executor = Objects.requireNonNull(executor);
        this.monitor = Objects.requireNonNull(monitor);
        this.reader = Objects.requireNonNull(reader);
        this.status = Objects.requireNonNull(status);
        this.listener = event -> executor.schedule(Duration.ZERO, () -> heard(event));
    }

    /** Listens to the monitor and shows what it saw last (or "not connected" until it has looked). */
    public void start() {
        if (started) {
            return;
        }
        started = true;
        monitor.addListener(listener);
        if (monitor.hasLooked()) {
            show(monitor.snapshot());
        } else {
            status.cardReader(DeviceState.NOT_CONNECTED);
        }
    }

    /** Stops listening (log-out). */
    public void stop() {
        started = false;
        monitor.removeListener(listener);
        insertListeners.clear();
    }

    /** {@code action} runs on the UI thread each time a card is put into the counter's reader. */
    public void onCardInserted(Runnable action) {
        insertListeners.add(Objects.requireNonNull(action));
    }

    public void removeCardInserted(Runnable action) {
        insertListeners.remove(action);
    }

    /** Whether the counter's reader holds a card, as last seen. */
    public boolean cardPresent() {
        CardMonitor.Snapshot now = monitor.snapshot();
        List<String> attached = List.copyOf(now.readers().keySet());
        return attached.stream().anyMatch(name -> reader.isOurs(name, attached) && now.cardPresent(name));
    }

    private void heard(CardMonitor.Event event) {
        if (!started) {
            return;
        }
        show(event.now());
        List<String> attached = List.copyOf(event.now().readers().keySet());
        if (event.kind() == CardMonitor.Kind.CARD_INSERTED && reader.isOurs(event.readerName(), attached)) {
            List.copyOf(insertListeners).forEach(Runnable::run);
        }
    }

    private void show(CardMonitor.Snapshot snapshot) {
        Shown shown = stateOf(snapshot, reader);
        status.cardReader(shown.state(), I18n.text(shown.textKey()));
    }

    /** What the status bar says: the dot's state and the text key beside it. */
    record Shown(DeviceState state, String textKey) {
    }

    static Shown stateOf(CardMonitor.Snapshot snapshot, CounterReader reader) {
        if (!snapshot.serviceAvailable()) {
            return new Shown(DeviceState.ERROR, "ui.card.status.serviceUnavailable");
        }
        List<String> attached = List.copyOf(snapshot.readers().keySet());
        String ours = attached.stream().filter(name -> reader.isOurs(name, attached)).findFirst().orElse(null);
        if (ours == null) {
            return new Shown(DeviceState.NOT_CONNECTED, "ui.card.status.noReader");
        }
        return snapshot.cardPresent(ours) ? new Shown(DeviceState.READY, "ui.card.status.card")
                : new Shown(DeviceState.READY, "ui.card.status.noCard");
    }
}
