package io.counterdesk.card.ui;

import io.counterdesk.security.ui.Approval;
import io.counterdesk.checkout.ui.Confirmation;
import io.counterdesk.checkout.CheckoutField;
import io.counterdesk.checkout.Tenders;
import io.counterdesk.checkout.Hall;
import io.counterdesk.billing.Tariff;
import io.counterdesk.billing.TariffTier;
import io.counterdesk.card.CardAccess;
import io.counterdesk.card.CardException;
import io.counterdesk.card.CardImage;
import io.counterdesk.card.GasPricing;
import io.counterdesk.card.GasPurchase;
import io.counterdesk.card.MeterArea;
import io.counterdesk.card.TopUpService;
import io.counterdesk.payment.MoneyTender;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentPlan;
import io.counterdesk.payment.PaymentResult;
import io.counterdesk.payment.TenderKind;
import io.counterdesk.payment.VoucherBatch;
import io.counterdesk.checkout.ui.CheckoutFlow;
import io.counterdesk.checkout.ui.CheckoutModel;
import io.counterdesk.checkout.ReceiptDrafts;
import io.counterdesk.checkout.ui.ReceiptRun;
import io.counterdesk.printing.PaperWidth;
import io.counterdesk.printing.PreviewRenderer;
import io.counterdesk.receipt.ReceiptPrinting;
import io.counterdesk.receipt.ReceiptStockService;
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
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Gas onto a customer's IC card (购气, DESIGN 2.5). The card in the counter's reader is read in the
 * background when the screen opens and each time a card is put in: account, masked holder, card
 * serial, purchase count, what the meter wrote back, the year's volume and the tariff's tiers. A
 * card that cannot buy shows the service's refusal with its instruction ("请先将卡插入燃气表") and
 * nothing can be bought. The cashier types either m³ or an amount; the tier breakdown and price
 * follow at once ({@link GasPricing}), the money figures (应收 / 实收 / 找零) from the payment service
 * in the background. F12 shows the receipt as it will print; Enter buys: money and pending write
 * commit together, the card is written and read back, and the receipt prints after the commit.
 *
 * <p>A write the card did not take leaves the money recorded and the write open: the screen says
 * so, and reading the card again resolves it (the card says whether it has it), after which the
 * write is rewritten (F6) or refunded with a hall manager's approval (F8). The last purchase still
 * on the card, not loaded into the meter, can be reversed (冲正, F7) with approval. Whatever fails,
 * what the cashier typed stays.
 */
public final class TopUpViewModel implements CheckoutModel {

    public static final Duration DEBOUNCE = Duration.ofMillis(200);

    /** Where the screen is. */
    public enum State {
        /** The card is being read (or an open write resolved). Before the first read: REFUSED, nothing shown. */
        READING,
        /** No card, a card that does not read, or one that may not buy now: the message says why. */
        REFUSED,
        /** The card's open write is not on it: rewrite (F6) or refund (F8). */
        OPEN_WRITE,
        /** The cashier types volume or amount and the tenders. */
        EDITING,
        CHECKING,
        CONFIRMING,
        COMMITTING,
        PRINTING,
        /** Bought; the receipt printed (or kept for F9); the card written or its write open. */
        DONE,
        /** A rewrite, refund or reversal is running. */
        WORKING
    }

    /** What the screen works with, wired by the application. */
    public record Services(TopUpService topUps, CardAccess reader, ReceiptPrinting printing, ReceiptStockService stock,
                           AuthService auth, Hall hall, PaperWidth paper,
                           PrinterActivity printerActivity, Clock clock) {
        public Services {
            Objects.requireNonNull(topUps);
            Objects.requireNonNull(reader);
            Objects.requireNonNull(printing);
            Objects.requireNonNull(stock);
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
    private final Consumer<PaymentResult> onPaid;
    private final PreviewRenderer renderer;
    /** Confirm → take → print, shared with the payment (ADR 0025). */
    private final CheckoutFlow<State> flow;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.REFUSED);
    private final ReadOnlyStringWrapper accountNo = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper holderName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cardSerial = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper purchaseCount = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastPurchase = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper meterText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper yearVolume = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tariffText = new ReadOnlyStringWrapper("");
    private final ObservableList<String> tierLines = FXCollections.observableArrayList();
    /** Held here: a list listener on a read-only view taken anew each call is lost when that view is collected. */
    private final ObservableList<String> tierLinesReadOnly = FXCollections.unmodifiableObservableList(tierLines);

    private final StringProperty volume = new SimpleStringProperty("");
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty cash = new SimpleStringProperty("");
    private final StringProperty cardAmount = new SimpleStringProperty("");
    private final StringProperty cardReference = new SimpleStringProperty("");
    private final StringProperty credit = new SimpleStringProperty("");
    private final StringProperty voucherCount = new SimpleStringProperty("");
    private final StringProperty voucherFace = new SimpleStringProperty("");
    private final StringProperty voucherValidThrough = new SimpleStringProperty("");

    private final ReadOnlyStringWrapper gasText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper due = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper received = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper change = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper changeInWords = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MessageKind> messageKind = new ReadOnlyObjectWrapper<>(MessageKind.NONE);
    private final ReadOnlyObjectWrapper<CheckoutField> invalidField = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper writeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper written = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper reversible = new ReadOnlyBooleanWrapper(false);

    private TopUpService.CardCheck check;
    private GasPricing.GasQuote quote;
    /** The last vouchers' part the service worked out, and for what (volume and vouchers), to show it again as typed. */
    private PaymentPlan voucherPart;
    private VoucherKey voucherPartFor;
    private GasPurchase openWrite;
    /** Whether {@link #openWrite} may be refunded (F8): a purchase paid without vouchers. */
    private boolean openWriteRefundable;
    private GasPurchase lastCompleted;
    private boolean volumeTypedLast = true;
    private boolean clearing;
    private Cancellable pendingDelay = Cancellable.NONE;
    private Cancellable pendingQuote = Cancellable.NONE;
    private long generation;
    private boolean disposed;

    /** @param onPaid called on the UI thread once money is taken (purchase or refund), before printing */
    public TopUpViewModel(TaskExecutor executor, Services services, Operator cashier, Consumer<PaymentResult> onPaid) {
        this.executor = Objects.requireNonNull(executor);
        this.services = Objects.requireNonNull(services);
        this.cashier = Objects.requireNonNull(cashier);
        this.onPaid = Objects.requireNonNull(onPaid);
        this.renderer = new PreviewRenderer(services.paper());
        this.flow = new CheckoutFlow<>(executor,
                new ReceiptRun(executor, services.printing(), services.printerActivity(), renderer, cashier), state,
                this::show, TopUpViewModel::fieldOf);
        volume.addListener((obs, was, now) -> gasTyped(true, now));
        amount.addListener((obs, was, now) -> gasTyped(false, now));
        for (StringProperty field : List.of(cash, cardAmount, cardReference, credit, voucherCount, voucherFace,
                voucherValidThrough)) {
            field.addListener((obs, was, now) -> inputChanged());
        }
    }

    // ---- reading the card ----

    /**
     * Reads the card in the reader (the screen opening, a card put in, F5). An open write of the
     * account is resolved straight away by what the card holds. Typed tenders stay; a new customer's
     * card after a finished purchase starts a clean form.
     */
    public void read() {
        if (busy() || disposed) {
            return;
        }
        if (state.get() == State.DONE) {
            clearForm();
        }
        state.set(State.READING);
        show(MessageKind.INFO, I18n.text("ui.topup.reading"), null);
        BackgroundTask.of(() -> services.topUps().inspect(cashier, services.reader()))
                .onSuccess(this::checked)
                .onFailure(error -> {
                    forgetCard();
                    state.set(State.REFUSED);
                    // a blank card may be the first card an opening did not write: say where that is done
                    boolean blank = error instanceof CardException e && e.reason() == CardException.Reason.BLANK_CARD;
                    show(MessageKind.ERROR, blank ? I18n.text("ui.topup.blankCard") : UiErrors.text(error), null);
                })
                .executeWith(executor);
    }

    private void checked(TopUpService.CardCheck read) {
        if (disposed) {
            return;
        }
        showCard(read);
        if (read.openWrite().isPresent()) {
            resolve(read.openWrite().get());
            return;
        }
        if (read.canBuy()) {
            state.set(State.EDITING);
            show(MessageKind.NONE, "", null);
            requote();
            return;
        }
        state.set(State.REFUSED);
        show(MessageKind.ERROR, read.refusalText(), null);
        if (read.refusal().filter(r -> r == TopUpService.Refusal.NOT_LOADED).isPresent()) {
            BackgroundTask.of(() -> services.topUps().reversible(cashier, read))
                    .onSuccess(found -> {
                        lastCompleted = found.orElse(null);
                        reversible.set(found.isPresent() && state.get() == State.REFUSED);
                    })
                    .onFailure(error -> reversible.set(false))
                    .executeWith(executor);
        }
    }

    /** The card carries an open write of its account: the card says whether it has it. */
    private void resolve(GasPurchase write) {
        show(MessageKind.INFO, I18n.text("ui.topup.resolving", write.purchaseNo()), null);
        record Resolved(TopUpService.Resolution resolution, boolean byVouchers) {
        }
        BackgroundTask.of(() -> {
                    TopUpService.Resolution resolution = services.topUps().resolve(cashier, services.reader(), write.id());
                    // a purchase paid with vouchers is never refunded: F8 is not offered for it
                    return new Resolved(resolution, resolution == TopUpService.Resolution.NOT_WRITTEN
                            && services.topUps().paidWithVouchers(cashier, write));
                })
                .onSuccess(resolved -> {
                    TopUpService.Resolution resolution = resolved.resolution();
                    if (resolution == TopUpService.Resolution.NOT_WRITTEN) {
                        openWrite = write;
                        openWriteRefundable = write.kind() == GasPurchase.Kind.PURCHASE && !resolved.byVouchers();
                        state.set(State.OPEN_WRITE);
                        show(MessageKind.ERROR, I18n.text(resolved.byVouchers() ? "ui.topup.openWriteNoRefund"
                                : "ui.topup.openWrite", write.purchaseNo(), write.volumeM3(),
                                Money.ofFen(write.amountFen()).format()), null);
                        return;
                    }
                    String done = I18n.text("ui.topup.resolved." + resolution.name(), write.purchaseNo(),
                            write.volumeM3());
                    state.set(State.REFUSED);
                    readAgainThen(done);
                })
                .onFailure(error -> {
                    state.set(State.REFUSED);
                    show(MessageKind.ERROR, UiErrors.text(error), null);
                })
                .executeWith(executor);
    }

    /** Reads the card again and then says {@code news} (a write finished, a refund paid). */
    private void readAgainThen(String news) {
        state.set(State.READING);
        BackgroundTask.of(() -> services.topUps().inspect(cashier, services.reader()))
                .onSuccess(read -> {
                    checked(read);
                    if (state.get() == State.EDITING || state.get() == State.REFUSED && read.canBuy()) {
                        show(MessageKind.INFO, news, null);
                    } else if (state.get() == State.REFUSED) {
                        show(MessageKind.INFO, news + I18n.text("ui.pay.listSeparator") + read.refusalText(), null);
                    }
                })
                .onFailure(error -> {
                    state.set(State.REFUSED);
                    show(MessageKind.INFO, news, null);
                })
                .executeWith(executor);
    }

    private void showCard(TopUpService.CardCheck read) {
        check = read;
        openWrite = null;
        openWriteRefundable = false;
        voucherPart = null;
        voucherPartFor = null;
        lastCompleted = null;
        reversible.set(false);
        CardImage image = read.image();
        accountNo.set(read.account().accountNo());
        holderName.set(Masking.name(read.account().holder().name()));
        address.set(read.account().address().text());
        cardSerial.set(image.serial());
        purchaseCount.set(I18n.text("ui.topup.purchaseCount", image.purchaseCount(), read.systemCount()));
        lastPurchase.set(image.purchaseCount() == 0 ? I18n.text("ui.none")
                : I18n.text(image.loaded() ? "ui.topup.lastLoaded" : "ui.topup.lastNotLoaded", image.lastPurchaseM3()));
        meterText.set(meter(image.meter()));
        yearVolume.set(I18n.text("ui.topup.m3", Long.toString(read.yearVolumeM3())));
        tariffText.set(tariff(read.tariff()));
    }

    private static String meter(MeterArea area) {
        if (!area.written()) {
            return I18n.text("ui.topup.meter.none");
        }
        String tamper = area.tamperEvents() == 0 ? I18n.text("ui.topup.meter.noTamper")
                : I18n.text("ui.topup.meter.tamper", Integer.toBinaryString(area.tamperEvents()));
        return I18n.text("ui.topup.meter.figures", centi(area.remainingCentiM3()),
                I18n.text(area.valveOpen() ? "ui.topup.meter.valveOpen" : "ui.topup.meter.valveClosed"), tamper);
    }

    private static String centi(long centiM3) {
        return String.format("%d.%02d", centiM3 / 100, centiM3 % 100);
    }

    private static String tariff(Tariff tariff) {
        List<String> tiers = new ArrayList<>();
        long from = 0;
        for (TariffTier tier : tariff.tiers()) {
            tiers.add(tier.upToM3() == null
                    ? I18n.text("ui.topup.tier.open", tier.tierNo(), Long.toString(from), tier.pricePerM3().format())
                    : I18n.text("ui.topup.tier.upTo", tier.tierNo(), Long.toString(from),
                            Long.toString(tier.upToM3()), tier.pricePerM3().format()));
            from = tier.upToM3() == null ? from : tier.upToM3();
        }
        return tariff.name() + "：" + String.join(I18n.text("ui.pay.listSeparator"), tiers);
    }

    private void forgetCard() {
        check = null;
        quote = null;
        openWrite = null;
        openWriteRefundable = false;
        voucherPart = null;
        voucherPartFor = null;
        lastCompleted = null;
        reversible.set(false);
        for (ReadOnlyStringWrapper field : List.of(accountNo, holderName, address, cardSerial, purchaseCount,
                lastPurchase, meterText, yearVolume, tariffText, gasText, due, received, change, changeInWords)) {
            field.set("");
        }
        tierLines.clear();
    }

    // ---- volume / amount and the live figures ----

    private void gasTyped(boolean isVolume, String now) {
        if (clearing) {
            return;
        }
        if (now != null && !now.isBlank()) {
            volumeTypedLast = isVolume;
            // one of the two says what is bought: typing in one empties the other
            clearing = true;
            try {
                (isVolume ? amount : volume).set("");
            } finally {
                clearing = false;
            }
        }
        inputChanged();
    }

    private void inputChanged() {
        if (clearing || state.get() != State.EDITING) {
            return;
        }
        priceGas();
        pendingDelay.cancel();
        pendingDelay = executor.schedule(DEBOUNCE, this::requote);
    }

    /** The tier breakdown of what is typed, worked out here (pure arithmetic, no database). */
    private boolean priceGas() {
        quote = null;
        tierLines.clear();
        gasText.set("");
        due.set("");
        if (check == null) {
            return false;
        }
        try {
            String typed = normalise(volumeTypedLast ? volume.get() : amount.get());
            if (typed.isEmpty()) {
                return false;
            }
            if (volumeTypedLast) {
                long m3;
                try {
                    m3 = Long.parseLong(typed);
                } catch (NumberFormatException e) {
                    throw new BusinessException("ui.topup.error.volume", typed);
                }
                quote = services.topUps().quoteVolume(check, m3);
            } else {
                quote = services.topUps().quoteMoney(check, Tenders.amount(amount.get(),
                        CheckoutField.CASH));
            }
        } catch (Tenders.Invalid invalid) {
            show(MessageKind.ERROR, I18n.text("ui.topup.error.amount", amount.get().strip()), null);
            return false;
        } catch (BusinessException refused) {
            show(MessageKind.ERROR, refused.getMessage(), null);
            return false;
        }
        gasText.set(I18n.text("ui.topup.m3", Long.toString(quote.volumeM3())));
        due.set(quote.amount().format());
        Entry entry = entry();
        if (voucherPart != null && entry.input() != null
                && new VoucherKey(quote.volumeM3(), entry.input().vouchers()).equals(voucherPartFor)) {
            // the same gas and vouchers as the service last worked out: their split, not the whole volume
            showDue(voucherPart, voucherPartFor.vouchers());
        } else {
            for (Tariff.TierCharge tier : quote.tiers()) {
                tierLines.add(I18n.text("ui.topup.tierLine", tier.tierNo(), tier.pricePerM3().format(),
                        tier.volumeM3(), tier.amount().format()));
            }
        }
        return true;
    }

    /** Asks the payment service what the purchase comes to with the tenders typed (nothing is written). */
    private void requote() {
        if (state.get() != State.EDITING) {
            return;
        }
        long asked = ++generation;
        pendingQuote.cancel();
        received.set("");
        change.set(I18n.text("ui.none"));
        changeInWords.set("");
        if (!priceGas()) {
            return;
        }
        Entry entry = entry();
        if (entry.invalid() != null) {
            show(MessageKind.ERROR, entry.invalid().getMessage(), entry.invalid().field());
            return;
        }
        received.set(entry.typed().format());
        if (!entry.anyTender()) {
            clearError();
            return;
        }
        TopUpService.CardCheck card = check;
        long m3 = quote.volumeM3();
        List<VoucherBatch> vouchers = entry.input().vouchers();
        pendingQuote = BackgroundTask.of(() -> {
                    // the vouchers' part first: its figures show even while the money typed is short
                    PaymentPlan voucherPart = vouchers.isEmpty() ? null
                            : services.topUps().quoteVouchers(cashier, card, m3, vouchers);
                    try {
                        return new Quoted(voucherPart, services.topUps().quotePayment(cashier, card, m3, entry.input()),
                                null);
                    } catch (BusinessException refused) {
                        return new Quoted(voucherPart, null, refused);
                    }
                })
                .onSuccess(quoted -> {
                    if (asked != generation || state.get() != State.EDITING) {
                        return;
                    }
                    if (quoted.voucherPart() != null) {
                        voucherPart = quoted.voucherPart();
                        voucherPartFor = new VoucherKey(m3, vouchers);
                        showDue(quoted.voucherPart(), vouchers);
                    }
                    if (quoted.plan() != null) {
                        showPlan(quoted.plan(), vouchers);
                        clearError();
                    } else {
                        show(MessageKind.ERROR, UiErrors.text(quoted.refusal()), fieldOf(quoted.refusal()));
                    }
                })
                .onFailure(error -> {
                    if (asked == generation && state.get() == State.EDITING) {
                        show(MessageKind.ERROR, UiErrors.text(error), fieldOf(error));
                    }
                })
                .executeWith(executor);
    }

    /** The tender field a refusal concerns (a voucher's validity, count …), the cash field otherwise. */
    private static CheckoutField fieldOf(Throwable error) {
        CheckoutField field = Tenders.fieldOf(error);
        return field == null ? CheckoutField.CASH : field;
    }

    /** A live quote: the vouchers' part (null without vouchers), then the plan or the service's refusal. */
    private record Quoted(PaymentPlan voucherPart, PaymentPlan plan, BusinessException refusal) {
    }

    /** What a vouchers' part was worked out for. */
    private record VoucherKey(long volumeM3, List<VoucherBatch> vouchers) {
    }

    private void showPlan(PaymentPlan plan, List<VoucherBatch> vouchers) {
        showDue(plan, vouchers);
        received.set(plan.moneyReceived().format());
        change.set(plan.change().format());
        changeInWords.set(plan.change().isPositive()
                ? I18n.text("ui.pay.confirm.changeWords", ChineseAmount.of(plan.change())) : "");
    }

    /**
     * Vouchers settle part of the gas: what is due is the money still to pay (their face value
     * included), and the price line says how it comes about ({@link #voucherLines}).
     */
    private void showDue(PaymentPlan plan, List<VoucherBatch> vouchers) {
        due.set(plan.totalDue().minus(plan.voucherValue()).format());
        if (plan.voucherM3() > 0) {
            long gasM3 = plan.lines().stream().filter(l -> l.kind() == PaymentPlan.LineKind.GAS_PURCHASE
                    || l.kind() == PaymentPlan.LineKind.GAS_BY_VOUCHER).mapToLong(PaymentPlan.Line::volumeM3).sum();
            gasText.set(I18n.text("ui.topup.m3Vouchers", gasM3, plan.voucherM3()));
            tierLines.setAll(voucherLines(plan, vouchers.stream().mapToInt(VoucherBatch::count).sum()));
        }
    }

    /**
     * The price line of a purchase that vouchers pay part of, from the service's plan: the m³ the
     * vouchers settle ("燃气票 3 张 × 5 m³ = 15 m³"), then the m³ left to money at their tiers
     * ("第1阶 ¥2.90/m³ × 5 m³ = ¥14.50"), then the vouchers' face value paid in cash: together the
     * money due.
     *
     * @param vouchers how many vouchers the plan took (more than none)
     */
    static List<String> voucherLines(PaymentPlan plan, int vouchers) {
        List<String> lines = new ArrayList<>();
        lines.add(I18n.text("ui.topup.voucherLine", vouchers, plan.voucherM3() / vouchers, plan.voucherM3()));
        for (PaymentPlan.Line line : plan.lines()) {
            if (line.kind() == PaymentPlan.LineKind.GAS_PURCHASE) {
                lines.add(I18n.text("ui.topup.chargedLine", line.label(), line.volumeM3(), line.amount().format()));
            } else if (line.kind() == PaymentPlan.LineKind.VOUCHER_FACE_CASH) {
                lines.add(I18n.text("ui.topup.voucherFaceLine", line.amount().format()));
            }
        }
        return lines;
    }

    /** The tenders as typed, or the first that does not read. */
    private record Entry(PaymentInput input, Tenders.Invalid invalid, boolean anyTender, Money typed) {
    }

    private Entry entry() {
        try {
            Money cashReceived = Tenders.amount(cash.get(), CheckoutField.CASH);
            List<MoneyTender> bank = new ArrayList<>();
            Tenders.bankTender(TenderKind.BANK_CARD, cardAmount.get(), cardReference.get(),
                    CheckoutField.CARD_AMOUNT, CheckoutField.CARD_REFERENCE).ifPresent(bank::add);
            Money creditToUse = Tenders.amount(credit.get(), CheckoutField.CREDIT);
            Money typed = cashReceived.plus(creditToUse);
            for (MoneyTender tender : bank) {
                typed = typed.plus(tender.amount());
            }
            List<VoucherBatch> vouchers = Tenders.vouchers(voucherCount.get(), voucherFace.get(),
                    voucherValidThrough.get());
            PaymentInput input = new PaymentInput(PaymentInput.Bills.NONE, List.of(), cashReceived, bank, vouchers,
                    creditToUse, false, List.of());
            return new Entry(input, null, typed.isPositive() || !vouchers.isEmpty(), typed);
        } catch (Tenders.Invalid invalid) {
            return new Entry(null, invalid, false, Money.ZERO);
        }
    }

    // ---- confirm, buy, print ----

    /** F12: the final figures and the receipt as it will print. */
    public void confirm() {
        if (state.get() != State.EDITING) {
            return;
        }
        pendingDelay.cancel();
        pendingQuote.cancel();
        generation++;
        if (!priceGas()) {
            if (messageKind.get() != MessageKind.ERROR) {
                show(MessageKind.ERROR, I18n.text("ui.topup.error.nothingToBuy"), null);
            }
            return;
        }
        Entry entry = entry();
        if (entry.invalid() != null) {
            show(MessageKind.ERROR, entry.invalid().getMessage(), entry.invalid().field());
            return;
        }
        if (!entry.anyTender()) {
            show(MessageKind.ERROR, I18n.text("ui.pay.error.noTender"), CheckoutField.CASH);
            return;
        }
        TopUpService.CardCheck card = check;
        long m3 = quote.volumeM3();
        ReceiptDrafts.Head head = new ReceiptDrafts.Head(cashier.staffNo(), accountNo.get(),
                holderName.get(), address.get(), services.clock().instant());
        flow.confirm(() -> Confirmation.of(
                        services.topUps().quotePayment(cashier, card, m3, entry.input()), entry.input(), head,
                        services.printing().letterhead(), services.stock().ranges(cashier), renderer),
                ready -> {
                    showPlan(ready.plan(), entry.input().vouchers());
                    clearError();
                });
    }

    /** Esc in the confirmation: back to the form as typed. */
    public void cancelConfirmation() {
        flow.cancelConfirmation();
    }

    /**
     * Enter in the confirmation: buys. The money and the pending write are on disk when the service
     * returns — written onto the card or not — and only then does the receipt print (then, for a card
     * that refused the write, the refund's).
     */
    @Override
    public void commit() {
        if (!flow.at(CheckoutFlow.Step.CONFIRMING)) {
            return;
        }
        TopUpService.CardCheck card = check;
        long m3 = quote.volumeM3();
        flow.commit(new CheckoutFlow.Taking<TopUpService.TopUpResult>("ui.topup.committing",
                confirmed -> services.topUps().purchase(cashier, services.reader(), card, m3, confirmed.input()),
                result -> result.refund().isEmpty() ? List.of(result.payment())
                        : List.of(result.payment(), result.refund().get()),
                result -> {
                    written.set(result.written());
                    writeText.set(result.written()
                            ? I18n.text("ui.topup.written", result.purchase().purchaseNo(), m3)
                            : result.refund().isPresent()
                            ? I18n.text("ui.topup.notWrittenRefunded", result.purchase().purchaseNo(), m3,
                                    result.cardError().getMessage(),
                                    result.refund().get().plan().totalDue().negate().format())
                            : I18n.text(result.payment().plan().voucherM3() > 0 ? "ui.topup.notWrittenNoRefund"
                                    : "ui.topup.notWritten", result.purchase().purchaseNo(), m3,
                                    result.cardError().getMessage()));
                    onPaid.accept(result.payment());
                    result.refund().ifPresent(onPaid);
                },
                "ui.topup.refused", error -> null, this::printed));
    }

    private void printed(ReceiptRun.Printed printed) {
        String receipts = printed.failed() ? printed.message()
                : I18n.text("ui.topup.printed", ReceiptRun.labels(printed.outcome().receipts()),
                        printed.outcome().result().plan().change().format());
        boolean allWell = written.get() && !printed.failed();
        show(allWell ? MessageKind.INFO : MessageKind.ERROR, writeText.get() + "\n" + receipts, null);
    }

    /** F9 on the result: the receipt the printer missed, or a marked copy. */
    public void printAgain() {
        flow.printAgain();
    }

    // ---- open writes and reversal ----

    /** F6 on an open write the card does not have: writes it (once: the card's count makes a second write impossible). */
    public void rewrite() {
        if (state.get() != State.OPEN_WRITE || openWrite == null) {
            return;
        }
        GasPurchase write = openWrite;
        state.set(State.WORKING);
        show(MessageKind.INFO, I18n.text("ui.topup.rewriting", write.purchaseNo()), null);
        BackgroundTask.of(() -> services.topUps().rewrite(cashier, services.reader(), write.id()))
                .onSuccess(done -> readAgainThen(I18n.text("ui.topup.rewritten", done.purchaseNo(), done.volumeM3())))
                .onFailure(error -> {
                    state.set(State.OPEN_WRITE);
                    show(MessageKind.ERROR, UiErrors.text(error), null);
                })
                .executeWith(executor);
    }

    /**
     * Whether F8 (refund the open write) applies now: not to a re-credit or transfer, nor to a
     * purchase paid with vouchers (the service refuses to pay vouchers out; F6 writes it again).
     */
    public boolean canRefund() {
        return state.get() == State.OPEN_WRITE && openWrite != null && openWrite.kind() == GasPurchase.Kind.PURCHASE
                && openWriteRefundable;
    }

    /** What a refund pays back: "第 3 次购气 20 m³ ¥56.00". */
    public String refundText() {
        return openWrite == null ? "" : I18n.text("ui.topup.refundWhat", openWrite.purchaseNo(), openWrite.volumeM3(),
                Money.ofFen(openWrite.amountFen()).format());
    }

    /** F8 approved: pays the open write's money back in cash with its own receipt. */
    public void refund(Approval approval) {
        if (!canRefund()) {
            return;
        }
        GasPurchase write = openWrite;
        runMoneyBack(I18n.text("ui.topup.refunding"), State.OPEN_WRITE,
                () -> services.topUps().refund(cashier, services.reader(), write.id(), approval.reason(),
                        approval.grant()),
                refund -> I18n.text("ui.topup.refunded", write.purchaseNo(), refund.plan().totalDue().negate().format()));
    }

    /**
     * Whether F7 (reverse the last purchase still on the card) applies now: the service names only a
     * purchase it would reverse (none paid with vouchers).
     */
    public boolean canReverse() {
        return reversible.get() && state.get() == State.REFUSED && lastCompleted != null;
    }

    /** What a reversal takes back. */
    public String reverseText() {
        return lastCompleted == null ? "" : I18n.text("ui.topup.reverseWhat", lastCompleted.purchaseNo(),
                lastCompleted.volumeM3(), Money.ofFen(lastCompleted.amountFen()).format());
    }

    /** F7 approved: takes the gas off the card, reads it back, pays the money back with its own receipt. */
    public void reverse(Approval approval) {
        if (!canReverse()) {
            return;
        }
        GasPurchase purchase = lastCompleted;
        runMoneyBack(I18n.text("ui.topup.reversing"), State.REFUSED,
                () -> services.topUps().reverse(cashier, services.reader(), purchase.id(), approval.reason(),
                        approval.grant()),
                refund -> I18n.text("ui.topup.reversed", purchase.purchaseNo(), purchase.volumeM3(),
                        refund.plan().totalDue().negate().format()));
    }

    private void runMoneyBack(String working, State onFailure, java.util.concurrent.Callable<PaymentResult> work,
                              java.util.function.Function<PaymentResult, String> news) {
        state.set(State.WORKING);
        reversible.set(false);
        show(MessageKind.INFO, working, null);
        BackgroundTask.of(work)
                .onSuccess(refund -> {
                    onPaid.accept(refund);
                    String done = news.apply(refund);
                    show(MessageKind.INFO, done, null);
                    flow.receiptRun().print(refund, printed -> {
                        String printedText = printed.failed() ? printed.message()
                                : I18n.text("ui.topup.refundPrinted", ReceiptRun.labels(printed.outcome().receipts()));
                        state.set(State.REFUSED);
                        readAgainThen(done + "\n" + printedText);
                    });
                })
                .onFailure(error -> {
                    state.set(onFailure);
                    show(MessageKind.ERROR, UiErrors.text(error), null);
                })
                .executeWith(executor);
    }

    // ---- helpers ----

    private void clearForm() {
        clearing = true;
        try {
            for (StringProperty field : List.of(volume, amount, cash, cardAmount, cardReference, credit, voucherCount,
                    voucherFace, voucherValidThrough)) {
                field.set("");
            }
        } finally {
            clearing = false;
        }
        volumeTypedLast = true;
        flow.forgetOutcome();
        writeText.set("");
        written.set(false);
    }

    private static String normalise(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    }

    private void show(MessageKind kind, String text, CheckoutField field) {
        message.set(text);
        messageKind.set(MessageKind.NONE);
        messageKind.set(kind);
        invalidField.set(field);
    }

    private void clearError() {
        if (messageKind.get() == MessageKind.ERROR) {
            show(MessageKind.NONE, "", null);
        }
    }

    /** Leaves the screen: pending quotes are dropped; work already sent finishes on its own. */
    public void dispose() {
        disposed = true;
        pendingDelay.cancel();
        pendingQuote.cancel();
    }

    /** True while the screen must not be left by Esc nor the card read again. */
    public boolean busy() {
        State s = state.get();
        return s == State.READING || s == State.WORKING || flow.busy();
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    @Override
    public CheckoutFlow<State> checkout() {
        return flow;
    }

    @Override
    public ReadOnlyStringProperty accountNoProperty() {
        return accountNo.getReadOnlyProperty();
    }

    /** The holder's name, masked ("王*国"). */
    @Override
    public ReadOnlyStringProperty holderNameProperty() {
        return holderName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty addressProperty() {
        return address.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cardSerialProperty() {
        return cardSerial.getReadOnlyProperty();
    }

    /** "卡上 2 次 · 系统 2 次". */
    public ReadOnlyStringProperty purchaseCountProperty() {
        return purchaseCount.getReadOnlyProperty();
    }

    /** "20 m³ · 已输入燃气表". */
    public ReadOnlyStringProperty lastPurchaseProperty() {
        return lastPurchase.getReadOnlyProperty();
    }

    /** What the meter wrote back: remaining, valve, tamper. */
    public ReadOnlyStringProperty meterProperty() {
        return meterText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty yearVolumeProperty() {
        return yearVolume.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tariffProperty() {
        return tariffText.getReadOnlyProperty();
    }

    /** The purchase tier by tier: "第1阶 ¥2.90/m³ × 20 m³ = ¥58.00". */
    public ObservableList<String> tierLines() {
        return tierLinesReadOnly;
    }

    public StringProperty volumeProperty() {
        return volume;
    }

    public StringProperty amountProperty() {
        return amount;
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

    public StringProperty voucherCountProperty() {
        return voucherCount;
    }

    public StringProperty voucherFaceProperty() {
        return voucherFace;
    }

    public StringProperty voucherValidThroughProperty() {
        return voucherValidThrough;
    }

    /** The last day of this quarter on the terminal's clock (the prompt of the valid-through field). */
    public java.time.LocalDate thisQuarterEnds() {
        return Tenders.endOfQuarter(java.time.LocalDate.now(services.clock()));
    }

    public StringProperty creditProperty() {
        return credit;
    }

    /** The volume bought: "20 m³". */
    public ReadOnlyStringProperty gasProperty() {
        return gasText.getReadOnlyProperty();
    }

    /** 应收. */
    public ReadOnlyStringProperty dueProperty() {
        return due.getReadOnlyProperty();
    }

    /** 实收. */
    public ReadOnlyStringProperty receivedProperty() {
        return received.getReadOnlyProperty();
    }

    /** 找零. */
    public ReadOnlyStringProperty changeProperty() {
        return change.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty changeInWordsProperty() {
        return changeInWords.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyObjectProperty<MessageKind> messageKindProperty() {
        return messageKind.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CheckoutField> invalidFieldProperty() {
        return invalidField.getReadOnlyProperty();
    }

    /** After a purchase: whether the card took the gas. */
    public ReadOnlyBooleanProperty writtenProperty() {
        return written.getReadOnlyProperty();
    }

    /** After a purchase: "已写卡：第 3 次购气 20 m³" or what failed and how it is finished. */
    public ReadOnlyStringProperty writeTextProperty() {
        return writeText.getReadOnlyProperty();
    }

    /** Whether the last purchase on the card can be reversed now (F7). */
    public ReadOnlyBooleanProperty reversibleProperty() {
        return reversible.getReadOnlyProperty();
    }

    /** The card as last checked, for tests. */
    Optional<TopUpService.CardCheck> check() {
        return Optional.ofNullable(check);
    }
}
