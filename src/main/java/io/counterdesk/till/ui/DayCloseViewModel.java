package io.counterdesk.till.ui;

import io.counterdesk.report.BusinessTotal;
import io.counterdesk.report.CashLines;
import io.counterdesk.report.CashReportPrinting;
import io.counterdesk.report.CashierDayReport;
import io.counterdesk.report.TenderTotal;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import io.counterdesk.till.CashCount;
import io.counterdesk.till.DayCloseService;
import io.counterdesk.till.Denomination;
import io.counterdesk.till.Deposit;
import io.counterdesk.till.DepositRules;
import io.counterdesk.till.OverShort;
import io.counterdesk.till.SystemSlip;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.MessageKind;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.UiErrors;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The cashier's day close (Ctrl+E): deposits to the bank, the blind count by denomination, the card
 * and bank slips ticked, then — only once the count is submitted — the expected cash and the
 * over/short per tender; an explanation when there is a difference; the close.
 */
public final class DayCloseViewModel {

    /** Where the close is. */
    public enum State {
        LOADING,
        /** Deposits and the blind count: no expected figure shown. */
        COUNTING,
        /** The count is in: figures and over/short shown; close, or count again. */
        COUNTED,
        /** Waiting for the database. */
        BUSY,
        CLOSED
    }

    /** A bank-card or bank slip of the system's list, ticked when the cashier has its paper. */
    public static final class SlipItem {
        private final SystemSlip slip;
        private final BooleanProperty ticked = new SimpleBooleanProperty(false);

        SlipItem(SystemSlip slip) {
            this.slip = slip;
        }

        public SystemSlip slip() {
            return slip;
        }

        public BooleanProperty tickedProperty() {
            return ticked;
        }

        /** "银行卡 POS-0001 ¥100.00 8000000001". */
        public String label() {
            return I18n.text("ui.dayClose.slip", I18n.text("ui.dayClose.tender." + slip.kind()), slip.reference(),
                    slip.amount().format(), slip.accountNo());
        }
    }

    private final TaskExecutor executor;
    private final DayCloseService service;
    private final Operator cashier;
    private final Runnable onClosed;
    private final CashReportPrinting reportPrinting;
    private final StringProperty depositText = new SimpleStringProperty("");
    private final ObservableList<String> deposits = FXCollections.observableArrayList();
    /** Held here: a list listener on a read-only view taken anew each call is lost when that view is collected. */
    private final ObservableList<String> depositsReadOnly = FXCollections.unmodifiableObservableList(deposits);
    private final Map<Denomination, StringProperty> pieces = new EnumMap<>(Denomination.class);
    private final ReadOnlyStringWrapper countedTotal = new ReadOnlyStringWrapper(Money.ZERO.format());
    private final ObservableList<SlipItem> slips = FXCollections.observableArrayList();
    /** Held here: a list listener on a read-only view taken anew each call is lost when that view is collected. */
    private final ObservableList<SlipItem> slipsReadOnly = FXCollections.unmodifiableObservableList(slips);
    private final ObservableList<String> figures = FXCollections.observableArrayList();
    /** Held here: a list listener on a read-only view taken anew each call is lost when that view is collected. */
    private final ObservableList<String> figuresReadOnly = FXCollections.unmodifiableObservableList(figures);
    private final StringProperty explanation = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper explanationNeeded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MessageKind> messageKind = new ReadOnlyObjectWrapper<>(MessageKind.NONE);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private State resumeState = State.COUNTING;

    /**
     * @param reportPrinting prints the daily cash report's summary slip once the till is closed
     * @param onClosed       called on the UI thread when the till is closed (the status bar)
     */
    public DayCloseViewModel(TaskExecutor executor, DayCloseService service, CashReportPrinting reportPrinting,
                             Operator cashier, Runnable onClosed) {
        this.executor = Objects.requireNonNull(executor);
        this.reportPrinting = Objects.requireNonNull(reportPrinting);
        this.service = Objects.requireNonNull(service);
        this.cashier = Objects.requireNonNull(cashier);
        this.onClosed = Objects.requireNonNull(onClosed);
        for (Denomination d : Denomination.values()) {
            StringProperty text = new SimpleStringProperty("");
            text.addListener((obs, was, now) -> retotal());
            pieces.put(d, text);
        }
    }

    /** Reads the close sheet: deposits so far and the slips to tick. */
    public void load() {
        busy(State.COUNTING);
        BackgroundTask.of(() -> service.sheet(cashier))
                .onSuccess(sheet -> {
                    state.set(State.COUNTING);
                    deposits.setAll(sheet.deposits().stream().map(DayCloseViewModel::depositLine).toList());
                    slips.setAll(sheet.slips().stream().map(SlipItem::new).toList());
                    show(sheet.warnings().isEmpty() ? MessageKind.NONE : MessageKind.INFO, warnings(sheet.warnings()));
                })
                .onFailure(this::failed)
                .executeWith(executor);
    }

    /** Enter in the deposit field: records the deposit and numbers its slip. */
    public void deposit() {
        if (state.get() != State.COUNTING && state.get() != State.COUNTED) {
            return;
        }
        Money amount;
        try {
            amount = parseAmount(depositText.get());
        } catch (BusinessException refusal) {
            show(MessageKind.ERROR, refusal.getMessage());
            return;
        }
        busy(State.COUNTING);
        BackgroundTask.of(() -> service.deposit(cashier, amount))
                .onSuccess(made -> {
                    state.set(State.COUNTING);
                    figures.clear();
                    deposits.add(depositLine(made.deposit()));
                    depositText.set("");
                    String done = I18n.text("ui.dayClose.deposited", made.deposit().slipNo(), made.deposit().amount().format());
                    show(MessageKind.INFO,
                            made.warnings().isEmpty() ? done : done + " " + warnings(made.warnings()));
                })
                .onFailure(this::failed)
                .executeWith(executor);
    }

    /** F12 while counting: submits the blind count and the ticks; F12 once counted: closes. */
    public void next() {
        if (state.get() == State.COUNTING) {
            submitCount();
        } else if (state.get() == State.COUNTED) {
            close();
        }
    }

    /** Submits the blind count; the expected figures show only after this. */
    public void submitCount() {
        if (state.get() != State.COUNTING && state.get() != State.COUNTED) {
            return;
        }
        CashCount count;
        try {
            count = count();
        } catch (BusinessException refusal) {
            show(MessageKind.ERROR, refusal.getMessage());
            return;
        }
        Set<Long> ticked = new HashSet<>();
        slips.stream().filter(s -> s.tickedProperty().get()).forEach(s -> ticked.add(s.slip().postingId()));
        busy(State.COUNTING);
        BackgroundTask.of(() -> service.count(cashier, count, ticked))
                .onSuccess(result -> {
                    state.set(State.COUNTED);
                    figures.setAll(figureLines(result));
                    explanationNeeded.set(result.overShort().hasDifference());
                    String text = result.overShort().hasDifference()
                            ? I18n.text("ui.dayClose.difference", result.overShort().total().format())
                            : I18n.text("ui.dayClose.balanced");
                    if (!result.warnings().isEmpty()) {
                        text = text + " " + warnings(result.warnings());
                    }
                    show(result.overShort().hasDifference() ? MessageKind.ERROR : MessageKind.INFO, text);
                })
                .onFailure(this::failed)
                .executeWith(executor);
    }

    /** Closes the till on the submitted count. */
    public void close() {
        if (state.get() != State.COUNTED) {
            return;
        }
        if (explanationNeeded.get() && explanation.get().isBlank()) {
            show(MessageKind.ERROR, I18n.text("ui.dayClose.explain"));
            return;
        }
        String why = explanation.get();
        busy(State.COUNTED);
        BackgroundTask.of(() -> service.close(cashier, why))
                .onSuccess(closed -> {
                    state.set(State.CLOSED);
                    show(MessageKind.INFO, I18n.text("ui.dayClose.closed", closed.count().count().total().format()));
                    onClosed.run();
                    printReport(closed.session().id());
                })
                .onFailure(this::failed)
                .executeWith(executor);
    }

    /** Shows the daily cash report of the closed till and prints its summary slip. */
    private void printReport(long tillId) {
        BackgroundTask.of(() -> reportPrinting.print(cashier, tillId))
                .onSuccess(printed -> {
                    figures.setAll(reportLines(printed.report()));
                    show(printed.failure().isPresent() ? MessageKind.ERROR : MessageKind.INFO,
                            printed.failure().map(e -> I18n.text("ui.dayClose.slipFailed", e.getMessage()))
                                    .orElse(I18n.text("ui.dayClose.slipPrinted")));
                })
                .onFailure(error -> show(MessageKind.ERROR, UiErrors.text(error)))
                .executeWith(executor);
    }

    /** The report as lines for the result list, the same figures as the printed slip. */
    static List<String> reportLines(CashierDayReport report) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(I18n.text("report.slip.title"));
        CashLines c = report.cash();
        lines.add(I18n.text("ui.dayClose.figure.float", c.openingFloat().format()));
        lines.add(I18n.text("ui.dayClose.figure.cashIn", c.cashIn().format()));
        lines.add(I18n.text("ui.dayClose.figure.change", c.change().format()));
        lines.add(I18n.text("ui.dayClose.figure.refunds", c.refunds().format()));
        lines.add(I18n.text("ui.dayClose.figure.deposits", c.deposits().format()));
        lines.add(I18n.text("ui.dayClose.figure.expected", c.expected().format()));
        lines.add(I18n.text("ui.dayClose.figure.counted", c.counted() == null ? "-" : c.counted().format()));
        report.byTender().stream().filter(TenderTotal::shown)
                .forEach(t -> lines.add(I18n.text("report.tender." + t.tender()) + " ×" + t.count() + " " + t.amount().format()));
        report.byBusiness().stream().filter(BusinessTotal::shown)
                .forEach(b -> lines.add(I18n.text("report.business." + b.business()) + " " + b.amount().format()));
        report.receiptsUsed().forEach(r -> lines.add(I18n.text("report.kind." + r.kind()) + " " + r.first() + "–" + r.last()));
        report.voided().forEach(v -> lines.add(I18n.text("report.slip.voided") + " " + v.number() + " " + v.reason()));
        report.deposits().forEach(d -> lines.add(I18n.text("report.slip.deposit") + " " + d.slipNo() + " " + d.amount().format()));
        report.overShort().forEach(o -> lines.add(I18n.text("report.slip.overShort") + " "
                + I18n.text("report.tender." + o.tender()) + " " + o.difference().format()));
        return lines;
    }

    /** Space on a slip: ticks or unticks it (counting only). */
    public void toggle(int index) {
        if (state.get() == State.COUNTING && index >= 0 && index < slips.size()) {
            BooleanProperty ticked = slips.get(index).tickedProperty();
            ticked.set(!ticked.get());
        }
    }

    private void retotal() {
        Money total;
        try {
            total = count().total();
        } catch (BusinessException notYet) {
            countedTotal.set("");
            return;
        }
        countedTotal.set(total.format());
    }

    CashCount count() {
        Map<Denomination, Integer> counted = new EnumMap<>(Denomination.class);
        for (Map.Entry<Denomination, StringProperty> e : pieces.entrySet()) {
            String text = e.getValue().get() == null ? "" : e.getValue().get().strip();
            if (text.isEmpty()) {
                continue;
            }
            if (!text.matches("[0-9]{1,6}")) {
                throw new BusinessException("ui.dayClose.piecesInvalid", I18n.text("ui.dayClose.denomination." + e.getKey()));
            }
            counted.put(e.getKey(), Integer.parseInt(text));
        }
        return new CashCount(counted);
    }

    private static Money parseAmount(String text) {
        if (text == null || text.isBlank()) {
            throw new BusinessException("ui.dayClose.amountRequired");
        }
        return Money.parse(text.strip());
    }

    private List<String> figureLines(DayCloseService.CountResult result) {
        var f = result.figures();
        List<String> lines = new java.util.ArrayList<>(List.of(
                I18n.text("ui.dayClose.figure.float", f.openingFloat().format()),
                I18n.text("ui.dayClose.figure.cashIn", f.cashIn().format()),
                I18n.text("ui.dayClose.figure.change", f.change().format()),
                I18n.text("ui.dayClose.figure.refunds", f.refunds().format()),
                I18n.text("ui.dayClose.figure.deposits", f.deposits().format()),
                I18n.text("ui.dayClose.figure.expected", f.expectedCash().format()),
                I18n.text("ui.dayClose.figure.counted", result.count().total().format())));
        for (OverShort.Line line : result.overShort().lines()) {
            String missing = line.missing().stream().map(SystemSlip::reference)
                    .collect(Collectors.joining(I18n.text("ui.pay.listSeparator")));
            lines.add(I18n.text("ui.dayClose.figure.overShort", I18n.text("ui.dayClose.tender." + line.tender()),
                    line.expected().format(), line.actual().format(), line.difference().format())
                    + (missing.isEmpty() ? "" : " " + I18n.text("ui.dayClose.figure.missing", missing)));
        }
        return lines;
    }

    private static String depositLine(Deposit d) {
        return I18n.text(d.late() ? "ui.dayClose.depositLineLate" : "ui.dayClose.depositLine", d.slipNo(),
                d.amount().format());
    }

    private static String warnings(List<DepositRules.Warning> warnings) {
        return warnings.stream().map(w -> I18n.text("till.warning." + w.name())).collect(Collectors.joining(" "));
    }

    private void busy(State after) {
        resumeState = state.get() == State.LOADING ? after : state.get();
        state.set(State.BUSY);
        show(MessageKind.INFO, I18n.text("ui.dayClose.working"));
    }

    private void failed(Throwable error) {
        state.set(resumeState == State.BUSY || resumeState == State.LOADING ? State.COUNTING : resumeState);
        show(MessageKind.ERROR, UiErrors.text(error));
    }

    private void show(MessageKind kind, String text) {
        message.set(text);
        messageKind.set(kind);
    }

    public String operatorLabel() {
        return cashier.label();
    }

    public StringProperty depositTextProperty() {
        return depositText;
    }

    public ObservableList<String> deposits() {
        return depositsReadOnly;
    }

    public StringProperty piecesProperty(Denomination d) {
        return pieces.get(d);
    }

    /** The total of the pieces typed (the cashier's own count, never the expected figure). */
    public ReadOnlyStringProperty countedTotalProperty() {
        return countedTotal.getReadOnlyProperty();
    }

    public ObservableList<SlipItem> slips() {
        return slipsReadOnly;
    }

    /** Expected, counted and over/short per tender: empty until the count is submitted. */
    public ObservableList<String> figures() {
        return figuresReadOnly;
    }

    public StringProperty explanationProperty() {
        return explanation;
    }

    public ReadOnlyBooleanProperty explanationNeededProperty() {
        return explanationNeeded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MessageKind> messageKindProperty() {
        return messageKind.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }
}
