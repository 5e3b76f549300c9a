package io.counterdesk.payment.ui;

import io.counterdesk.checkout.ui.CheckoutFlow;
import io.counterdesk.checkout.ui.CheckoutModel;
import io.counterdesk.checkout.ui.ReceiptRun;
import io.counterdesk.checkout.ui.Confirmation;
import io.counterdesk.checkout.ui.Outcome;
import io.counterdesk.checkout.Hall;
import io.counterdesk.checkout.ReceiptDrafts;
import io.counterdesk.account.AccountDetail;
import io.counterdesk.checkout.CheckoutField;
import io.counterdesk.checkout.Hall;
import io.counterdesk.checkout.ReceiptDrafts;
import io.counterdesk.checkout.Tenders;
import io.counterdesk.checkout.ui.CheckoutModel;
import io.counterdesk.checkout.ui.Confirmation;
import io.counterdesk.checkout.ui.Outcome;
import io.counterdesk.checkout.ui.ReceiptRun;
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
import io.counterdesk.receipt.ReceiptPrinting;
import io.counterdesk.receipt.ReceiptStockService;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
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
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
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

    private final TaskExecutor executor;
    private final Services services;
    private final Operator cashier;
    private final long accountId;
    private final Consumer<PaymentResult> onPaid;
    private final PreviewRenderer renderer;
    /** Confirm → take → print, shared with the top-up (ADR 0025). */
    private final CheckoutFlow<State> flow;
    private final CheckoutFlow.Taking<PaymentResult> taking;

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
    private final ReadOnlyObjectWrapper<CheckoutField> invalidField = new ReadOnlyObjectWrapper<>();

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
        this.flow = new CheckoutFlow<>(executor,
                new ReceiptRun(executor, services.printing(), services.printerActivity(), renderer, cashier), state,
                this::show, Tenders::fieldOf);
        this.taking = new CheckoutFlow.Taking<>("ui.pay.committing",
                confirmed -> services.payments().collect(cashier, accountId, confirmed.input()), List::of, onPaid,
                "ui.pay.refused", Tenders::fieldOf, this::finished);
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
            show(MessageKind.ERROR, I18n.text("ui.pay.waiver.noLateFee", bill.period()), CheckoutField.BILLS);
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
                        show(MessageKind.ERROR, UiErrors.text(error), Tenders.fieldOf(error));
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
            show(MessageKind.ERROR, I18n.text("ui.pay.error.noTender"), CheckoutField.CASH);
            return;
        }
        PaymentInput input = entry.input();
        ReceiptDrafts.Head head = new ReceiptDrafts.Head(cashier.staffNo(), accountNo.get(),
                Masking.name(holderName.get()), address.get(), services.clock().instant());
        flow.confirm(() -> Confirmation.of(services.payments().quote(cashier, accountId, input), input, head,
                services.printing().letterhead(), services.stock().ranges(cashier), renderer), ready -> {
            showPlan(ready.plan());
            clearError();
        });
    }

    /** Esc in the confirmation: back to the form, everything as typed. */
    public void cancelConfirmation() {
        flow.cancelConfirmation();
    }

    /**
     * Enter in the confirmation: takes exactly the payment confirmed. Once the service returns it
     * is on disk with its receipt numbers, and only then are the receipts printed. A refusal
     * (bank slip used before, voucher cap, no till, no receipt stock …) goes back to the form with
     * everything as typed and the reason on the message line; the figures shown stay the confirmed
     * quote's (no new quote, which would clear the reason).
     */
    @Override
    public void commit() {
        flow.commit(taking);
    }

    private void finished(ReceiptRun.Printed printed) {
        Outcome done = printed.outcome();
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
        if (!flow.canPrintAgain()) {
            return;
        }
        show(MessageKind.INFO, I18n.text(flow.outcomeProperty().get().allPrinted() ? "ui.pay.reprinting"
                : "ui.pay.printing"), null);
        flow.printAgain();
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
        return flow.busy();
    }

    // ---- reading the form ----

    /** The form read into a payment input, or the first thing wrong with it. */
    private record Entry(PaymentInput input, Tenders.Invalid invalid, boolean anyTender, boolean hasVouchers, Money moneyTyped) {
    }

    private Entry entry() {
        Money typed = Money.ZERO;
        boolean vouchers = !blank(voucherCount.get());
        try {
            Money cashReceived = Tenders.amount(cash.get(), CheckoutField.CASH);
            typed = typed.plus(cashReceived);
            List<MoneyTender> bank = new ArrayList<>();
            Optional<MoneyTender> card = Tenders.bankTender(TenderKind.BANK_CARD, cardAmount.get(), cardReference.get(),
                    CheckoutField.CARD_AMOUNT, CheckoutField.CARD_REFERENCE);
            card.ifPresent(bank::add);
            Optional<MoneyTender> slip = Tenders.bankTender(TenderKind.BANK_SLIP, slipAmount.get(), slipNumber.get(),
                    CheckoutField.SLIP_AMOUNT, CheckoutField.SLIP_NUMBER);
            slip.ifPresent(bank::add);
            for (MoneyTender t : bank) {
                typed = typed.plus(t.amount());
            }
            List<VoucherBatch> batches = vouchers();
            Money creditToUse = Tenders.amount(credit.get(), CheckoutField.CREDIT);
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
                throw new Tenders.Invalid(CheckoutField.BILLS, I18n.text("ui.pay.error.noBill"));
            }
            // fee items alone (a refund pays out) are worth a quote too
            boolean anyTender = cashReceived.isPositive() || !bank.isEmpty() || !batches.isEmpty()
                    || creditToUse.isPositive() || !fees.isEmpty();
            // no bill ticked while fee items are listed: the fee items alone (the bills stay owed)
            PaymentInput.Bills settled = chosen.isEmpty() ? PaymentInput.Bills.NONE : PaymentInput.Bills.only(chosen);
            PaymentInput input = new PaymentInput(settled, List.copyOf(fees), cashReceived, bank, batches, creditToUse,
                    changeToCredit.get(), waivers);
            return new Entry(input, null, anyTender, !batches.isEmpty(), typed);
        } catch (Tenders.Invalid invalid) {
            return new Entry(null, invalid, false, vouchers, typed);
        }
    }

    private List<VoucherBatch> vouchers() {
        return Tenders.vouchers(voucherCount.get(), voucherFace.get(), voucherValidThrough.get());
    }

    /** The last day of this quarter (on the terminal's clock): the validity of this quarter's vouchers. */
    public LocalDate thisQuarterEnds() {
        return Tenders.endOfQuarter(LocalDate.now(services.clock()));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private void show(MessageKind kind, String text, CheckoutField field) {
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

    @Override
    public CheckoutFlow<State> checkout() {
        return flow;
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
    public ReadOnlyObjectProperty<CheckoutField> invalidFieldProperty() {
        return invalidField.getReadOnlyProperty();
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
