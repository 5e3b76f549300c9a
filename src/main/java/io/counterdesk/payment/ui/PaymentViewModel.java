package io.counterdesk.payment.ui;

import io.counterdesk.account.AccountDetail;
import io.counterdesk.account.AccountService;
import io.counterdesk.payment.DueBill;
import io.counterdesk.payment.FeeItem;
import io.counterdesk.payment.LateFeeWaiver;
import io.counterdesk.payment.MoneyTender;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentPlan;
import io.counterdesk.payment.PaymentResult;
import io.counterdesk.payment.PaymentService;
import io.counterdesk.payment.TenderKind;
import io.counterdesk.payment.VoucherBatch;
import io.counterdesk.printing.PaperWidth;
import io.counterdesk.printing.PreviewRenderer;
import io.counterdesk.printing.PrintDocument;
import io.counterdesk.receipt.IssuedReceipt;
import io.counterdesk.receipt.ReceiptLetterhead;
import io.counterdesk.receipt.ReceiptPrinting;
import io.counterdesk.receipt.ReceiptStockService;
import io.counterdesk.receipt.StockRange;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.ChineseAmount;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Masking;
import io.counterdesk.shared.Money;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.Cancellable;
import io.counterdesk.ui.MessageKind;
import io.counterdesk.ui.PrinterActivity;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.UiErrors;
import java.awt.image.BufferedImage;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Taking a payment for one account (收费, DESIGN 2.4): the unpaid bills (oldest first, all chosen),
 * fee items, and the tenders as the cashier types them — cash, bank card with its POS reference,
 * bank slip with its number, gas vouchers, the account's credit. Every change asks the payment
 * service for a quote in the background (it writes nothing), so the total, the money received
 * and the change (唱收唱付) are always the service's own figures, and its refusals (voucher cap,
 * expired vouchers, a fee item not paid …) show at once, in Chinese, at the field concerned.
 *
 * <p>The flow: {@link #confirm()} (F12) quotes again and lays out the receipts that will print
 * ({@link ReceiptDrafts}); {@link #commit()} (Enter in the confirmation) takes the payment, and only
 * once the service has returned — the payment on disk, its receipts numbered — sends the receipts
 * to the printer and shows them as printed. A refusal leaves every field as typed. A printer fault
 * leaves the payment done and its receipts unprinted with their numbers; {@link #printAgain()} (F9)
 * prints them, or prints marked copies (重打) once all are out.
 *
 * <p>Bills are paid oldest first (先欠先缴): the chosen bills are always the oldest ones. Space on
 * a chosen bill leaves it and every newer one out; on a bill left out, chooses it and every older
 * one; the message line says when other bills moved with it.
 */
public final class PaymentViewModel implements CheckoutModel {

    public static final Duration DEBOUNCE = Duration.ofMillis(200);

    /** Where the screen is. */
    public enum State {
        LOADING,
        LOAD_FAILED,
        /** The cashier types; quotes follow. */
        EDITING,
        /** F12: the final quote and the receipt drafts are being made. */
        CHECKING,
        /** The confirmation shows what will be printed; Enter takes the payment, Esc goes back. */
        CONFIRMING,
        /** The payment service is taking the payment. */
        COMMITTING,
        /** Taken and on disk; the receipts are being printed. */
        PRINTING,
        /** Taken; the receipts are printed, or kept unprinted for F9. */
        DONE
    }

    /** The parts of the form a message can point at (the view focuses and marks it). */
    public enum Field {
        BILLS,
        FEES,
        CASH,
        CARD_AMOUNT,
        CARD_REFERENCE,
        SLIP_AMOUNT,
        SLIP_NUMBER,
        VOUCHER_COUNT,
        VOUCHER_FACE,
        VOUCHER_VALID_THROUGH,
        CREDIT
    }

    /** The hall and terminal as printed on the receipt's head. */
    public record Hall(String hallName, String hallCode, String terminalCode, String hotline, String receiptHeader) {
        public Hall {
            Objects.requireNonNull(hallName);
            Objects.requireNonNull(hallCode);
            Objects.requireNonNull(terminalCode);
            Objects.requireNonNull(hotline);
            receiptHeader = receiptHeader == null || receiptHeader.isBlank() ? hallName : receiptHeader;
        }
    }

    /** What the screen works with, wired by the application. */
    public record Services(PaymentService payments, ReceiptPrinting printing, ReceiptStockService stock,
                           AccountService accounts, AuthService auth, Hall hall, PaperWidth paper,
                           PrinterActivity printerActivity, Clock clock) {
        public Services {
            Objects.requireNonNull(payments);
            Objects.requireNonNull(printing);
            Objects.requireNonNull(stock);
            Objects.requireNonNull(accounts);
            Objects.requireNonNull(auth);
            Objects.requireNonNull(hall);
            Objects.requireNonNull(paper);
            Objects.requireNonNull(printerActivity);
            Objects.requireNonNull(clock);
        }
    }

    /** The confirmation: the quoted plan, the exact input that will be taken, the receipts to print. */
    public record Confirmation(PaymentPlan plan, PaymentInput input, List<DraftView> drafts) {
        public Confirmation {
            drafts = List.copyOf(drafts);
        }
    }

    /** A receipt that will print: its title, the number it will most likely get ("" when none is held), its image. */
    public record DraftView(String title, String expectedNumber, PrintDocument document, BufferedImage image) {
    }

    /** A taken payment and its receipts as they stand. */
    public record Outcome(PaymentResult result, List<ReceiptView> receipts) {
        public Outcome {
            receipts = List.copyOf(receipts);
        }

        public boolean allPrinted() {
            return receipts.stream().allMatch(ReceiptView::printed);
        }
    }

    /** One receipt of the taken payment: its number, whether it has come out of the printer, its preview. */
    public record ReceiptView(IssuedReceipt receipt, String title, boolean printed, BufferedImage image) {

        /** "燃气票核对单 00010001". */
        public String label() {
            return title + " " + receipt.formattedNumber();
        }
    }

    private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})\\s*[-/.]?\\s*[Qq]\\s*([1-4])");
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})[-/.](\\d{1,2})");
    private static final Pattern YEAR_MONTH_DAY = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private final TaskExecutor executor;
    private final Services services;
    private final Operator cashier;
    private final long accountId;
    private final Consumer<PaymentResult> onPaid;
    private final PreviewRenderer renderer;
    private final ReceiptRun receiptRun;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyStringWrapper accountNo = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper holderName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper creditText = new ReadOnlyStringWrapper("");
    private final ObservableList<BillItem> bills = FXCollections.observableArrayList();
    /** Held here: a list listener on a read-only view taken anew each call is lost when that view is collected. */
    private final ObservableList<BillItem> billsReadOnly = FXCollections.unmodifiableObservableList(bills);
    private final ObservableList<FeeItem.Line> fees = FXCollections.observableArrayList();
    /** Held here: a list listener on a read-only view taken anew each call is lost when that view is collected. */
    private final ObservableList<FeeItem.Line> feesReadOnly = FXCollections.unmodifiableObservableList(fees);
    private final List<FeeItem> catalogue = new ArrayList<>();

    private final StringProperty cash = new SimpleStringProperty("");
    private final StringProperty cardAmount = new SimpleStringProperty("");
    private final StringProperty cardReference = new SimpleStringProperty("");
    private final StringProperty slipAmount = new SimpleStringProperty("");
    private final StringProperty slipNumber = new SimpleStringProperty("");
    private final StringProperty voucherCount = new SimpleStringProperty("");
    private final StringProperty voucherFace = new SimpleStringProperty("");
    private final StringProperty voucherValidThrough = new SimpleStringProperty("");
    private final StringProperty credit = new SimpleStringProperty("");
    private final BooleanProperty changeToCredit = new SimpleBooleanProperty(false);

    private final ReadOnlyStringWrapper totalDue = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper voucherSettled = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper moneyDue = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper received = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper change = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper changeInWords = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stillOwed = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper creditAdded = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<PaymentPlan> plan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MessageKind> messageKind = new ReadOnlyObjectWrapper<>(MessageKind.NONE);
    private final ReadOnlyObjectWrapper<Field> invalidField = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Confirmation> confirmation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper("");
    /** A partial payment's question before it is taken (issue 15 §2): empty, or "尚欠 ￥X … 再按 Enter". */
    private final ReadOnlyStringWrapper owingPrompt = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper printingAgain = new ReadOnlyBooleanWrapper(false);

    private Money availableCredit = Money.ZERO;
    private Cancellable pendingDelay = Cancellable.NONE;
    private Cancellable pendingQuote = Cancellable.NONE;
    private Cancellable pendingLoad = Cancellable.NONE;
    private long generation;
    private boolean disposed;

    /**
     * @param onPaid called on the UI thread as soon as the payment is taken (before printing), e.g.
     *               to read the account again
     */
    public PaymentViewModel(TaskExecutor executor, Services services, Operator cashier, long accountId,
                            Consumer<PaymentResult> onPaid) {
        this.executor = Objects.requireNonNull(executor);
        this.services = Objects.requireNonNull(services);
        this.cashier = Objects.requireNonNull(cashier);
        this.accountId = accountId;
        this.onPaid = Objects.requireNonNull(onPaid);
        this.renderer = new PreviewRenderer(services.paper());
        this.receiptRun = new ReceiptRun(executor, services.printing(), services.printerActivity(), renderer, cashier);
        for (StringProperty field : List.of(cash, cardAmount, cardReference, slipAmount, slipNumber, voucherCount,
                voucherFace, voucherValidThrough, credit)) {
            field.addListener((obs, was, now) -> inputChanged());
        }
        changeToCredit.addListener((obs, was, now) -> inputChanged());
    }

    // ---- loading ----

    /** Reads the account, its unpaid bills and the fee catalogue. */
    public void load() {
        pendingLoad.cancel();
        state.set(State.LOADING);
        show(MessageKind.INFO, I18n.text("ui.pay.loading"), null);
        pendingLoad = BackgroundTask.of(() -> new Loaded(services.accounts().detail(cashier, accountId),
                        services.payments().dueBills(cashier, accountId), services.payments().feeCatalogue()))
                .onSuccess(this::loaded)
                .onFailure(error -> {
                    state.set(State.LOAD_FAILED);
                    show(MessageKind.ERROR, UiErrors.text(error), null);
                })
                .executeWith(executor);
    }

    private record Loaded(AccountDetail detail, List<DueBill> due, List<FeeItem> catalogue) {
    }

    private void loaded(Loaded data) {
        accountNo.set(data.detail().account().accountNo());
        holderName.set(data.detail().account().holder().name());
        address.set(data.detail().account().address().text());
        availableCredit = data.detail().account().credit();
        creditText.set(I18n.text("ui.pay.creditAvailable", availableCredit.format()));
        catalogue.clear();
        catalogue.addAll(data.catalogue());
        List<BillItem> items = data.due().stream().map(BillItem::new).toList();
        bills.setAll(items);
        state.set(State.EDITING);
        show(MessageKind.NONE, "", null);
        requote();
    }

    // ---- bills, fees, waivers ----

    /**
     * Space on a bill. The chosen bills stay the oldest ones: leaving a bill out leaves out every
     * newer one; choosing one chooses every older one. Returns false when nothing can change now.
     */
    public boolean toggle(BillItem bill) {
        int index = bills.indexOf(bill);
        if (index < 0 || state.get() != State.EDITING) {
            return false;
        }
        int moved = 0;
        if (bill.isSelected()) {
            for (int i = index; i < bills.size(); i++) {
                if (bills.get(i).isSelected()) {
                    bills.get(i).select(false);
                    moved += i == index ? 0 : 1;
                }
            }
            show(moved > 0 ? MessageKind.INFO : MessageKind.NONE,
                    moved > 0 ? I18n.text("ui.pay.bill.newerLeftOut", bill.period(), moved) : "", null);
        } else {
            for (int i = 0; i <= index; i++) {
                if (!bills.get(i).isSelected()) {
                    bills.get(i).select(true);
                    moved += i == index ? 0 : 1;
                }
            }
            show(moved > 0 ? MessageKind.INFO : MessageKind.NONE,
                    moved > 0 ? I18n.text("ui.pay.bill.olderChosen", bill.period(), moved) : "", null);
        }
        inputChanged();
        return true;
    }

    /** The fee catalogue, for the picker (F4). */
    public List<FeeItem> catalogue() {
        return List.copyOf(catalogue);
    }

    /** Adds a fee item; the same item again adds to its quantity. */
    public void addFee(FeeItem item, int quantity) {
        if (state.get() != State.EDITING) {
            return;
        }
        FeeItem.Line added = new FeeItem.Line(item, quantity);
        for (int i = 0; i < fees.size(); i++) {
            if (fees.get(i).item().code().equals(item.code())) {
                fees.set(i, new FeeItem.Line(item, fees.get(i).quantity() + quantity));
                inputChanged();
                return;
            }
        }
        fees.add(added);
        inputChanged();
    }

    public void removeFee(FeeItem.Line line) {
        if (state.get() == State.EDITING && fees.remove(line)) {
            inputChanged();
        }
    }

    /** F6: keep the change on the account as credit instead of handing it back. */
    public void toggleChangeToCredit() {
        if (state.get() == State.EDITING) {
            changeToCredit.set(!changeToCredit.get());
        }
    }

    /**
     * F7 on a bill: the manager-approval form for a late-fee waiver, or empty (with the reason on
     * the message line) when the bill has no late fee or cannot be changed now.
     */
    public Optional<WaiverViewModel> waiverFor(BillItem bill) {
        if (state.get() != State.EDITING || bill == null) {
            return Optional.empty();
        }
        if (!bill.hasLateFee()) {
            show(MessageKind.ERROR, I18n.text("ui.pay.waiver.noLateFee", bill.period()), Field.BILLS);
            return Optional.empty();
        }
        return Optional.of(new WaiverViewModel(executor, services.auth(), cashier, bill, bill.waiver(),
                waiver -> applyWaiver(bill, waiver)));
    }

    private void applyWaiver(BillItem bill, LateFeeWaiver waiver) {
        bill.waive(waiver);
        show(MessageKind.INFO, I18n.text("ui.pay.waiver.applied", bill.period(), bill.bill().lateFee().format(),
                waiver.chargedFee().format(), waiver.grant().approver().label()), null);
        inputChanged();
    }

    /** Takes the waiver off a bill again (F8 in the waiver form). */
    public void removeWaiver(BillItem bill) {
        if (bill != null && bill.waiver() != null && state.get() == State.EDITING) {
            bill.waive(null);
            show(MessageKind.INFO, I18n.text("ui.pay.waiver.removed", bill.period()), null);
            inputChanged();
        }
    }

    // ---- the live quote ----

    private void inputChanged() {
        if (state.get() != State.EDITING) {
            return;
        }
        pendingDelay.cancel();
        pendingDelay = executor.schedule(DEBOUNCE, this::requote);
    }

    /** Reads the form and asks the service what the payment comes to (nothing is written). */
    private void requote() {
        if (state.get() != State.EDITING) {
            return;
        }
        long asked = ++generation;
        pendingQuote.cancel();
        Entry entry = entry();
        showLocalFigures(entry);
        if (entry.invalid() != null) {
            plan.set(null);
            show(MessageKind.ERROR, entry.invalid().getMessage(), entry.invalid().field());
            return;
        }
        if (!entry.anyTender()) {
            plan.set(null);
            clearError();
            return;
        }
        PaymentInput input = entry.input();
        pendingQuote = BackgroundTask.of(() -> services.payments().quote(cashier, accountId, input))
                .onSuccess(quoted -> {
                    if (asked == generation && state.get() == State.EDITING) {
                        showPlan(quoted);
                        clearError();
                    }
                })
                .onFailure(error -> {
                    if (asked == generation && state.get() == State.EDITING) {
                        plan.set(null);
                        change.set(I18n.text("ui.none"));
                        changeInWords.set("");
                        show(MessageKind.ERROR, UiErrors.text(error), fieldOf(error));
                    }
                })
                .executeWith(executor);
    }

    /** Before the service answers (or when it cannot be asked): what the form alone says. */
    private void showLocalFigures(Entry entry) {
        Money due = Money.ZERO;
        for (BillItem bill : bills) {
            if (bill.isSelected()) {
                due = due.plus(bill.total());
            }
        }
        for (FeeItem.Line fee : fees) {
            due = due.plus(fee.amount());
        }
        totalDue.set(due.format());
        moneyDue.set(entry.hasVouchers() ? I18n.text("ui.none") : due.format());
        voucherSettled.set("");
        received.set(entry.moneyTyped().format());
        change.set(I18n.text("ui.none"));
        changeInWords.set("");
        stillOwed.set("");
        creditAdded.set("");
    }

    private void showPlan(PaymentPlan quoted) {
        plan.set(quoted);
        totalDue.set(quoted.totalDue().format());
        voucherSettled.set(quoted.voucherM3() == 0 ? ""
                : I18n.text("ui.pay.summary.voucherValue", quoted.voucherValue().format(), quoted.voucherM3()));
        moneyDue.set(quoted.totalDue().minus(quoted.voucherValue()).format());
        received.set(quoted.moneyReceived().format());
        change.set(quoted.change().format());
        changeInWords.set(quoted.change().isPositive()
                ? I18n.text("ui.pay.confirm.changeWords", ChineseAmount.of(quoted.change())) : "");
        stillOwed.set(quoted.stillOwed().isPositive() ? quoted.stillOwed().format() : "");
        creditAdded.set(quoted.creditAdded().isPositive() ? quoted.creditAdded().format() : "");
    }

    // ---- confirm, commit, print ----

    /**
     * F12: quotes the form once more and lays out the receipts it will print. The confirmation
     * follows ({@link State#CONFIRMING}), or the reason it cannot be taken.
     */
    public void confirm() {
        if (state.get() != State.EDITING) {
            return;
        }
        pendingDelay.cancel();
        pendingQuote.cancel();
        generation++;
        Entry entry = entry();
        if (entry.invalid() != null) {
            show(MessageKind.ERROR, entry.invalid().getMessage(), entry.invalid().field());
            return;
        }
        if (!entry.anyTender()) {
            show(MessageKind.ERROR, I18n.text("ui.pay.error.noTender"), Field.CASH);
            return;
        }
        PaymentInput input = entry.input();
        ReceiptDrafts.Head head = new ReceiptDrafts.Head(cashier.staffNo(), accountNo.get(),
                Masking.name(holderName.get()), address.get(), services.clock().instant());
        state.set(State.CHECKING);
        show(MessageKind.INFO, I18n.text("ui.pay.checking"), null);
        BackgroundTask.of(() -> confirmation(services.payments().quote(cashier, accountId, input), input, head,
                services.printing().letterhead(), services.stock().ranges(cashier), renderer)).onSuccess(ready -> {
            if (state.get() != State.CHECKING) {
                return;
            }
            showPlan(ready.plan());
            clearError();
            owingPrompt.set("");
            confirmation.set(ready);
            state.set(State.CONFIRMING);
        }).onFailure(error -> {
            if (state.get() != State.CHECKING) {
                return;
            }
            state.set(State.EDITING);
            show(MessageKind.ERROR, UiErrors.text(error), fieldOf(error));
        }).executeWith(executor);
    }

    /**
     * The confirmation of a quoted payment: the receipts it will print, laid out and rendered, with
     * the numbers the cashier's stock will give. Refuses when a receipt kind has no stock. Runs in
     * the background (it renders images); shared with the other screens that take money.
     */
    public static Confirmation confirmation(PaymentPlan quoted, PaymentInput input, ReceiptDrafts.Head head,
                                            ReceiptLetterhead letterhead, List<StockRange> ranges,
                                            PreviewRenderer renderer) {
        List<DraftView> drafts = new ArrayList<>();
        for (ReceiptDrafts.Draft draft : ReceiptDrafts.of(quoted, input, head, letterhead, forecast(ranges))) {
            if (draft.expectedNumber().isEmpty()) {
                throw new BusinessException("receipt.stock.none", I18n.text("receipt.kind." + draft.kind().name()));
            }
            drafts.add(new DraftView(draft.title(), draft.expectedNumber(), draft.document(),
                    renderer.render(draft.document())));
        }
        return new Confirmation(quoted, input, drafts);
    }

    /** Esc in the confirmation: back to the form, everything as typed. */
    public void cancelConfirmation() {
        owingPrompt.set("");
        if (state.get() == State.CONFIRMING) {
            confirmation.set(null);
            state.set(State.EDITING);
            show(MessageKind.NONE, "", null);
        }
    }

    /**
     * Enter in the confirmation: takes exactly the payment confirmed. Once the service returns it
     * is on disk with its receipt numbers, and only then are the receipts printed. A refusal
     * (bank slip used before, voucher cap, no till, no receipt stock …) goes back to the form with
     * everything as typed and the reason on the message line.
     */
    public void commit() {
        Confirmation confirmed = confirmation.get();
        if (state.get() != State.CONFIRMING || confirmed == null) {
            return;
        }
        // a payment that leaves money owing is taken only on a second Enter that names the amount
        if (confirmed.plan().stillOwed().isPositive() && owingPrompt.get().isEmpty()) {
            owingPrompt.set(I18n.text("ui.pay.confirm.owingPrompt", confirmed.plan().stillOwed().format()));
            return;
        }
        owingPrompt.set("");
        state.set(State.COMMITTING);
        busyText.set(I18n.text("ui.pay.committing"));
        BackgroundTask.of(() -> services.payments().collect(cashier, accountId, confirmed.input()))
                .onSuccess(result -> {
                    try {
                        onPaid.accept(result);
                    } finally {
                        print(result);
                    }
                })
                .onFailure(error -> {
                    confirmation.set(null);
                    busyText.set("");
                    state.set(State.EDITING);
                    // the figures shown are the confirmed quote's; no new quote, which would clear the reason
                    show(MessageKind.ERROR, I18n.text("ui.pay.refused", UiErrors.text(error)), fieldOf(error));
                })
                .executeWith(executor);
    }

    private void print(PaymentResult result) {
        state.set(State.PRINTING);
        busyText.set(I18n.text("ui.pay.printing"));
        receiptRun.print(result, printed -> finished(printed));
    }

    private void finished(ReceiptRun.Printed printed) {
        confirmation.set(null);
        busyText.set("");
        Outcome done = printed.outcome();
        outcome.set(done);
        state.set(State.DONE);
        String changeText = done.result().plan().change().format();
        if (!printed.failed()) {
            show(MessageKind.INFO, I18n.text("ui.pay.done.printed", ReceiptRun.labels(done.receipts()), changeText),
                    null);
        } else {
            show(MessageKind.ERROR, I18n.text("ui.pay.done.notPrinted", printed.problem(),
                    ReceiptRun.labels(done.receipts().stream().filter(r -> !r.printed()).toList())), null);
        }
    }

    /**
     * F9 on the result: prints the receipts the printer did not print (same numbers, as originals);
     * once all are out, prints marked copies (重打) of this payment's receipts.
     */
    public void printAgain() {
        Outcome done = outcome.get();
        if (state.get() != State.DONE || done == null || printingAgain.get()) {
            return;
        }
        printingAgain.set(true);
        show(MessageKind.INFO, I18n.text(done.allPrinted() ? "ui.pay.reprinting" : "ui.pay.printing"), null);
        receiptRun.printAgain(done, printed -> {
            printingAgain.set(false);
            outcome.set(printed.outcome());
            show(printed.failed() ? MessageKind.ERROR : MessageKind.INFO, printed.message(), null);
        });
    }

    /** Leaves the screen: pending quotes are dropped. A print already sent finishes on its own. */
    public void dispose() {
        disposed = true;
        pendingDelay.cancel();
        pendingQuote.cancel();
        pendingLoad.cancel();
    }

    public boolean isDisposed() {
        return disposed;
    }

    /** True while the screen must not be left by Esc (checking, taking the payment, printing). */
    public boolean busy() {
        State s = state.get();
        return s == State.CHECKING || s == State.COMMITTING || s == State.PRINTING;
    }

    // ---- reading the form ----

    /** The form read into a payment input, or the first thing wrong with it. */
    private record Entry(PaymentInput input, Invalid invalid, boolean anyTender, boolean hasVouchers, Money moneyTyped) {
    }

    /** A field that does not read: which, and what to tell the cashier. */
    public static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Field field;

        Invalid(Field field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        public Field field() {
            return field;
        }
    }

    private Entry entry() {
        Money typed = Money.ZERO;
        boolean vouchers = !blank(voucherCount.get());
        try {
            Money cashReceived = amount(cash.get(), Field.CASH);
            typed = typed.plus(cashReceived);
            List<MoneyTender> bank = new ArrayList<>();
            Optional<MoneyTender> card = bankTender(TenderKind.BANK_CARD, cardAmount.get(), cardReference.get(),
                    Field.CARD_AMOUNT, Field.CARD_REFERENCE);
            card.ifPresent(bank::add);
            Optional<MoneyTender> slip = bankTender(TenderKind.BANK_SLIP, slipAmount.get(), slipNumber.get(),
                    Field.SLIP_AMOUNT, Field.SLIP_NUMBER);
            slip.ifPresent(bank::add);
            for (MoneyTender t : bank) {
                typed = typed.plus(t.amount());
            }
            List<VoucherBatch> batches = vouchers();
            Money creditToUse = amount(credit.get(), Field.CREDIT);
            typed = typed.plus(creditToUse);
            List<Long> chosen = new ArrayList<>();
            List<LateFeeWaiver> waivers = new ArrayList<>();
            for (BillItem bill : bills) {
                if (bill.isSelected()) {
                    chosen.add(bill.billId());
                    if (bill.waiver() != null) {
                        waivers.add(bill.waiver());
                    }
                }
            }
            if (!bills.isEmpty() && chosen.isEmpty() && fees.isEmpty()) {
                throw new Invalid(Field.BILLS, I18n.text("ui.pay.error.noBill"));
            }
            // fee items alone (a refund pays out) are worth a quote too
            boolean anyTender = cashReceived.isPositive() || !bank.isEmpty() || !batches.isEmpty()
                    || creditToUse.isPositive() || !fees.isEmpty();
            // no bill ticked while fee items are listed: the fee items alone (the bills stay owed)
            PaymentInput.Bills settled = chosen.isEmpty() ? PaymentInput.Bills.NONE : PaymentInput.Bills.only(chosen);
            PaymentInput input = new PaymentInput(settled, List.copyOf(fees), cashReceived, bank, batches, creditToUse,
                    changeToCredit.get(), waivers);
            return new Entry(input, null, anyTender, !batches.isEmpty(), typed);
        } catch (Invalid invalid) {
            return new Entry(null, invalid, false, vouchers, typed);
        }
    }

    /**
     * A bank tender typed as amount and reference: empty when both are blank; refused at the field
     * concerned when one is missing or does not read. Shared with the other screens that take money.
     */
    public static Optional<MoneyTender> bankTender(TenderKind kind, String amountText, String reference, Field amountField,
                                             Field referenceField) {
        boolean noAmount = blank(amountText);
        boolean noReference = blank(reference);
        if (noAmount && noReference) {
            return Optional.empty();
        }
        if (noAmount) {
            throw new Invalid(amountField, I18n.text("ui.pay.error.required", label(amountField)));
        }
        Money value = amount(amountText, amountField);
        if (!value.isPositive()) {
            throw new Invalid(amountField, I18n.text("ui.pay.error.positive", label(amountField)));
        }
        if (noReference) {
            throw new Invalid(referenceField, I18n.text("ui.pay.error.required", label(referenceField)));
        }
        try {
            return Optional.of(new MoneyTender(kind, value, normalise(reference)));
        } catch (BusinessException refused) {
            throw new Invalid(referenceField, refused.getMessage());
        }
    }

    private List<VoucherBatch> vouchers() {
        return vouchers(voucherCount.get(), voucherFace.get(), voucherValidThrough.get());
    }

    /**
     * The vouchers as typed (count, face value each, valid through), or none when all three are
     * blank; the payment and the top-up screens read them alike.
     */
    public static List<VoucherBatch> vouchers(String count, String face, String validThrough) {
        if (blank(count)) {
            if (!blank(face) || !blank(validThrough)) {
                throw new Invalid(Field.VOUCHER_COUNT, I18n.text("ui.pay.error.required", label(Field.VOUCHER_COUNT)));
            }
            return List.of();
        }
        int pieces;
        try {
            pieces = Integer.parseInt(normalise(count));
        } catch (NumberFormatException e) {
            pieces = -1;
        }
        if (pieces <= 0 || pieces > 9_999) {
            throw new Invalid(Field.VOUCHER_COUNT, I18n.text("ui.pay.error.count", count.strip()));
        }
        Money faceEach = amount(face, Field.VOUCHER_FACE);
        if (blank(validThrough)) {
            throw new Invalid(Field.VOUCHER_VALID_THROUGH, I18n.text("ui.pay.error.validThroughRequired"));
        }
        LocalDate through = validThrough(validThrough)
                .orElseThrow(() -> new Invalid(Field.VOUCHER_VALID_THROUGH,
                        I18n.text("ui.pay.error.validThrough", validThrough.strip())));
        return List.of(new VoucherBatch(pieces, faceEach, through));
    }

    /** An amount typed in {@code field}: blank is zero; a trailing point while typing is allowed; never negative. */
    public static Money amount(String text, Field field) {
        if (blank(text)) {
            return Money.ZERO;
        }
        String t = normalise(text);
        if (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        Money value;
        try {
            value = Money.parse(t);
        } catch (BusinessException notAnAmount) {
            throw new Invalid(field, I18n.text("ui.pay.error.amount", label(field), text.strip()));
        }
        if (value.isNegative()) {
            throw new Invalid(field, I18n.text("ui.pay.error.negative", label(field)));
        }
        return value;
    }

    /**
     * The voucher's valid-through date as cashiers write it: {@code 2025-12-31}, {@code 2025/12/31},
     * {@code 20251231}, {@code 2025-12} (end of that month), {@code 2025Q4} (end of the quarter),
     * {@code 2025} (end of the year). Full-width digits from an input method are read too.
     */
    static Optional<LocalDate> validThrough(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = normalise(text);
        try {
            Matcher m = YEAR_MONTH_DAY.matcher(t);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            }
            if (t.matches("\\d{8}")) {
                return Optional.of(LocalDate.parse(t, COMPACT_DATE));
            }
            m = QUARTER.matcher(t);
            if (m.matches()) {
                return Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) * 3)
                        .atEndOfMonth());
            }
            m = YEAR_MONTH.matcher(t);
            if (m.matches()) {
                return Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                        .atEndOfMonth());
            }
            if (YEAR.matcher(t).matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(t), 12, 31));
            }
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The last day of this quarter (on the terminal's clock): the validity of this quarter's vouchers. */
    public LocalDate thisQuarterEnds() {
        return endOfQuarter(LocalDate.now(services.clock()));
    }

    /** The last day of the quarter {@code day} is in: what vouchers of this quarter are valid through. */
    public static LocalDate endOfQuarter(LocalDate day) {
        int lastMonth = ((day.getMonthValue() - 1) / 3 + 1) * 3;
        return YearMonth.of(day.getYear(), lastMonth).atEndOfMonth();
    }

    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** "现金实收", "银行卡参考号" … */
    public static String label(Field field) {
        return I18n.text("ui.pay.field." + field.name());
    }

    /** Which part of the form a refusal of the service concerns, so the cashier is taken there. */
    public static Field fieldOf(Throwable error) {
        if (error instanceof Invalid invalid) {
            return invalid.field();
        }
        if (!(error instanceof BusinessException refusal)) {
            return null;
        }
        String key = refusal.key();
        if (key.startsWith("payment.slip.")) {
            return Field.SLIP_NUMBER;
        }
        if (key.equals("payment.card.reference")) {
            return Field.CARD_REFERENCE;
        }
        if (key.equals("payment.voucher.expired")) {
            return Field.VOUCHER_VALID_THROUGH;
        }
        if (key.equals("payment.voucher.faceValue")) {
            return Field.VOUCHER_FACE;
        }
        if (key.equals("payment.voucher.faceCashUnpaid") || key.equals("payment.fee.unpaid")
                || key.equals("payment.cash.negative") || key.equals("payment.nothingToPay")) {
            return Field.CASH;
        }
        if (key.startsWith("payment.voucher.")) {
            return Field.VOUCHER_COUNT;
        }
        if (key.startsWith("payment.credit.")) {
            return Field.CREDIT;
        }
        if (key.startsWith("payment.fee.")) {
            return Field.FEES;
        }
        if (key.startsWith("payment.bill.") || key.startsWith("payment.waiver.") || key.startsWith("security.approval.")) {
            return Field.BILLS;
        }
        return null;
    }

    /** The numbers the cashier's stock gives next: the current range of each kind, then the next ones. */
    public static ReceiptDrafts.NumberForecast forecast(List<StockRange> ranges) {
        return (kind, offset) -> {
            long left = offset;
            List<StockRange> usable = ranges.stream().filter(r -> r.kind() == kind && r.isActive() && r.remaining() > 0)
                    .sorted(Comparator.comparingLong(StockRange::firstNo)).toList();
            for (StockRange range : usable) {
                if (left < range.remaining()) {
                    return IssuedReceipt.formatNumber(range.nextNo() + left);
                }
                left -= range.remaining();
            }
            return "";
        };
    }

    private void show(MessageKind kind, String text, Field field) {
        message.set(text);
        messageKind.set(kind);
        invalidField.set(field);
    }

    private void clearError() {
        if (messageKind.get() == MessageKind.ERROR) {
            show(MessageKind.NONE, "", null);
        } else {
            invalidField.set(null);
        }
    }

    // ---- properties ----

    public long accountId() {
        return accountId;
    }

    public String cashierStaffNo() {
        return cashier.staffNo();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty accountNoProperty() {
        return accountNo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty holderNameProperty() {
        return holderName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty addressProperty() {
        return address.getReadOnlyProperty();
    }

    /** "可用预存 ¥12.00". */
    public ReadOnlyStringProperty creditTextProperty() {
        return creditText.getReadOnlyProperty();
    }

    /** The unpaid bills, oldest first (read-only for the view; change them with {@link #toggle}). */
    public ObservableList<BillItem> bills() {
        return billsReadOnly;
    }

    public ObservableList<FeeItem.Line> fees() {
        return feesReadOnly;
    }

    public StringProperty cashProperty() {
        return cash;
    }

    public StringProperty cardAmountProperty() {
        return cardAmount;
    }

    public StringProperty cardReferenceProperty() {
        return cardReference;
    }

    public StringProperty slipAmountProperty() {
        return slipAmount;
    }

    public StringProperty slipNumberProperty() {
        return slipNumber;
    }

    public StringProperty voucherCountProperty() {
        return voucherCount;
    }

    public StringProperty voucherFaceProperty() {
        return voucherFace;
    }

    public StringProperty voucherValidThroughProperty() {
        return voucherValidThrough;
    }

    public StringProperty creditProperty() {
        return credit;
    }

    public BooleanProperty changeToCreditProperty() {
        return changeToCredit;
    }

    /** 合计: everything the chosen bills and items come to (the service's totalDue). */
    public ReadOnlyStringProperty totalDueProperty() {
        return totalDue.getReadOnlyProperty();
    }

    /** "−¥43.50（15 m³）" when vouchers settle gas, else empty. */
    public ReadOnlyStringProperty voucherSettledProperty() {
        return voucherSettled.getReadOnlyProperty();
    }

    /** 应收: what is to be paid with money (total less the gas the vouchers settle). */
    public ReadOnlyStringProperty moneyDueProperty() {
        return moneyDue.getReadOnlyProperty();
    }

    /** 实收: cash, bank and credit received. */
    public ReadOnlyStringProperty receivedProperty() {
        return received.getReadOnlyProperty();
    }

    /** 找零: cash handed back ("—" while it cannot be worked out). */
    public ReadOnlyStringProperty changeProperty() {
        return change.getReadOnlyProperty();
    }

    /** "找零大写：贰佰零柒元肆角" while there is change to hand back, else empty. */
    public ReadOnlyStringProperty changeInWordsProperty() {
        return changeInWords.getReadOnlyProperty();
    }

    /** 尚欠 after a partial payment, else empty. */
    public ReadOnlyStringProperty stillOwedProperty() {
        return stillOwed.getReadOnlyProperty();
    }

    /** 转入预存, else empty. */
    public ReadOnlyStringProperty creditAddedProperty() {
        return creditAdded.getReadOnlyProperty();
    }

    /** The service's latest quote for the form as it is, or null while there is none (nothing typed, a refusal). */
    public ReadOnlyObjectProperty<PaymentPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MessageKind> messageKindProperty() {
        return messageKind.getReadOnlyProperty();
    }

    /** The part of the form the message is about, or null. */
    public ReadOnlyObjectProperty<Field> invalidFieldProperty() {
        return invalidField.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Confirmation> confirmationProperty() {
        return confirmation.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** "正在收费……", "正在打印……" while the confirmation waits. */
    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    /**
     * Shown in the confirmation after the first Enter on a payment that takes less than is due:
     * names the amount left owing and asks for a second Enter; empty otherwise.
     */
    public ReadOnlyStringProperty owingPromptProperty() {
        return owingPrompt.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty printingAgainProperty() {
        return printingAgain.getReadOnlyProperty();
    }

    /** The account's credit balance as loaded. */
    public Money availableCredit() {
        return availableCredit;
    }

    /** Bills left out and chosen, as ids, for tests and logs. */
    Set<Long> chosenBillIds() {
        Set<Long> ids = new HashSet<>();
        bills.stream().filter(BillItem::isSelected).forEach(b -> ids.add(b.billId()));
        return ids;
    }
}
