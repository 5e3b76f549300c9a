package io.counterdesk.receipt.ui;

import io.counterdesk.receipt.IssuedReceipt;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.ReceiptStockService;
import io.counterdesk.receipt.StockRange;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Permission;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.Cancellable;
import io.counterdesk.ui.FormStatus;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.UiErrors;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The receipt stock screen (票据管理, F11): the logged-in cashier's ranges per receipt kind with the
 * next number and what is left, and from here the handover to another cashier (F3), a void with a
 * manager's approval (F4) and, for a hall manager, the month-end listing (F6).
 */
public final class StockViewModel {

    /** What the stock screens need from the back end. */
    public record Services(ReceiptStockService stock, AuthService auth, Clock clock) {
        public Services {
            Objects.requireNonNull(stock);
            Objects.requireNonNull(auth);
            Objects.requireNonNull(clock);
        }
    }

    private final TaskExecutor executor;
    private final Services services;
    private final Operator cashier;
    private final ObservableList<RangeRow> ranges = FXCollections.observableArrayList();
    /** Held here: a list listener on a read-only view taken anew each call is lost when that view is collected. */
    private final ObservableList<RangeRow> rangesReadOnly = FXCollections.unmodifiableObservableList(ranges);
    private final ReadOnlyStringWrapper available = new ReadOnlyStringWrapper("");
    private final FormStatus status = new FormStatus();
    private Cancellable loading = Cancellable.NONE;

    public StockViewModel(TaskExecutor executor, Services services, Operator cashier) {
        this.executor = Objects.requireNonNull(executor);
        this.services = Objects.requireNonNull(services);
        this.cashier = Objects.requireNonNull(cashier);
    }

    /** Reads the cashier's ranges (again). */
    public void load() {
        load(null);
    }

    /** Reads the ranges again and then shows {@code done} (what was just recorded). */
    private void load(String done) {
        loading.cancel();
        status.setBusy(true);
        if (done == null) {
            status.info(I18n.text("ui.stock.loading"));
        }
        loading = BackgroundTask.of(() -> services.stock().ranges(cashier))
                .onSuccess(list -> {
                    status.setBusy(false);
                    ranges.setAll(list.stream().map(RangeRow::new).toList());
                    available.set(availableText(list));
                    if (done != null) {
                        status.info(done);
                    } else if (list.isEmpty()) {
                        status.info(I18n.text("ui.stock.none"));
                    } else {
                        status.clear();
                    }
                })
                .onFailure(error -> {
                    status.setBusy(false);
                    status.error(UiErrors.text(error));
                })
                .executeWith(executor);
    }

    /** "收款收据 4998 张 · 核对单 5000 张": what the cashier can still issue, per kind. */
    private static String availableText(List<StockRange> list) {
        Map<ReceiptKind, Long> left = new LinkedHashMap<>();
        for (StockRange range : list) {
            if (range.isActive()) {
                left.merge(range.kind(), range.remaining(), Long::sum);
            }
        }
        if (left.isEmpty()) {
            return I18n.text("ui.stock.availableNone");
        }
        return I18n.text("ui.stock.available", left.entrySet().stream()
                .map(e -> I18n.text("ui.stock.availableItem", KindChoice.text(e.getKey()),
                        String.valueOf(e.getValue())))
                .collect(Collectors.joining(I18n.text("ui.stock.separator"))));
    }

    /**
     * F3: the handover form for the highlighted row's kind (or the first kind with numbers left),
     * or empty with the reason on the message line when nothing can be handed over.
     */
    public Optional<HandoverViewModel> handover(RangeRow highlighted) {
        List<StockRange> active = ranges.stream().map(RangeRow::range).filter(StockRange::isActive).toList();
        List<ReceiptKind> kinds = active.stream().map(StockRange::kind).distinct().toList();
        if (kinds.isEmpty()) {
            status.error(I18n.text("ui.stock.nothingToHandOver"));
            return Optional.empty();
        }
        KindChoice kind = new KindChoice(kinds, highlighted == null ? null : highlighted.kind());
        return Optional.of(new HandoverViewModel(executor, services, cashier, active, kind, this::handedOver));
    }

    private void handedOver(StockRange taken, Operator receiver) {
        load(I18n.text("ui.stock.handedOver", KindChoice.text(taken.kind()), new RangeRow(taken).rangeText(),
                String.valueOf(taken.lastNo() - taken.firstNo() + 1), receiver.label()));
    }

    /**
     * F4: the void form, for the kinds the cashier has held (the highlighted row's first), or empty
     * with the reason when the cashier never held any stock.
     */
    public Optional<VoidViewModel> voidReceipt(RangeRow highlighted) {
        List<ReceiptKind> kinds = new ArrayList<>();
        for (RangeRow row : ranges) {
            if (!kinds.contains(row.kind())) {
                kinds.add(row.kind());
            }
        }
        if (kinds.isEmpty()) {
            status.error(I18n.text("ui.stock.nothingToVoid"));
            return Optional.empty();
        }
        KindChoice kind = new KindChoice(kinds, highlighted == null ? null : highlighted.kind());
        return Optional.of(new VoidViewModel(executor, services, cashier, kind, this::voided));
    }

    private void voided(ReceiptStockService.Voided voided, Operator approver) {
        IssuedReceipt receipt = voided.voided();
        String done = I18n.text("ui.stock.voided", KindChoice.text(receipt.kind()), receipt.formattedNumber(),
                approver.label());
        load(voided.replacement().map(r -> done + " " + I18n.text("ui.stock.reissued", r.formattedNumber()))
                .orElse(done));
    }

    /**
     * F6: the month-end listing, for a hall manager only; anyone else is told so here (and the
     * service would refuse them too).
     */
    public Optional<MonthEndViewModel> monthEnd() {
        if (!cashier.may(Permission.APPROVE)) {
            status.error(I18n.text("ui.stock.monthEndNotAllowed"));
            return Optional.empty();
        }
        return Optional.of(new MonthEndViewModel(executor, services, cashier));
    }

    /** The screen leaves: a pending read is not delivered. */
    public void close() {
        loading.cancel();
    }

    /** "1001 王伟". */
    public String operatorLabel() {
        return cashier.label();
    }

    public ObservableList<RangeRow> ranges() {
        return rangesReadOnly;
    }

    /** The numbers left per kind, over the active ranges. */
    public ReadOnlyStringProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public FormStatus status() {
        return status;
    }
}
