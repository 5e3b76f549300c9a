package io.counterdesk.card.ui;

import io.counterdesk.security.ui.Approval;
import io.counterdesk.account.Account;
import io.counterdesk.account.MeterKind;
import io.counterdesk.card.CardAccess;
import io.counterdesk.card.CardException;
import io.counterdesk.card.CardImage;
import io.counterdesk.card.CardIssueService;
import io.counterdesk.card.CardServiceRecord;
import io.counterdesk.card.CardServiceRecord.Business;
import io.counterdesk.card.CardServiceRecords;
import io.counterdesk.card.FieldCheck;
import io.counterdesk.card.GasPurchase;
import io.counterdesk.card.TopUpService;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Masking;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.MessageKind;
import io.counterdesk.ui.PrinterActivity;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.UiErrors;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Card service at the counter (补卡 / 补气, DESIGN 2.5): the cashier chooses the business, finds the
 * account (typed, or from the card in the reader), types the field check where the business needs
 * it (checked as typed) and the reason; F12 shows a summary — old card and what happens to it, the
 * new card, the gas to re-credit, whether a hall manager must approve, and which card to put into
 * the reader. Enter commits: the card work runs in the background through {@link CardIssueService},
 * then the record (补卡/补气记录) is stored and printed; F9 prints it again (a marked copy). A
 * re-credit the card did not take yet stays open and is finished when the account's current card
 * is put in ({@link TopUpService#resolve} / {@link TopUpService#rewrite}). A reissue cut between its
 * card write and its commit is finished, not redone: the account found (or the failed commit) says
 * so, and F12 — or putting the new card or a blank card in — shows the summary that finishes it
 * ({@link CardIssueService#finishReissue}). An IC account that never got its first card (the write at
 * opening failed or was left) gets it here (补写首张卡, {@link CardIssueService#issueFirst}): looking such
 * an account up for a reissue turns the form to it, as there is no card to replace.
 */
public final class CardServiceViewModel {

    /** Where the screen is. */
    public enum State {
        EDITING,
        /** The account is being looked up or the card read. */
        LOOKING_UP,
        /** The summary is being worked out. */
        CHECKING,
        CONFIRMING,
        /** The business and its card work run. */
        WORKING,
        PRINTING,
        /** Done, but the re-credit waits for the account's current card (F6 or putting it in). */
        OPEN_WRITE,
        DONE
    }

    /** The fields a message can be about. */
    public enum Field {
        ACCOUNT,
        CHECKER,
        CHECK_DATE,
        METER_COUNT,
        METER_LOADED,
        REMAINING,
        NEW_METER,
        REASON
    }

    /** What the screen works with, wired by the application. */
    public record Services(CardIssueService issue, TopUpService topUps, CardServiceRecords records, CardAccess reader,
                           PrinterActivity printerActivity, Consumer<String> newCardIssued, Clock clock) {
        public Services {
            Objects.requireNonNull(issue);
            Objects.requireNonNull(topUps);
            Objects.requireNonNull(records);
            Objects.requireNonNull(reader);
            Objects.requireNonNull(printerActivity);
            Objects.requireNonNull(newCardIssued);
            Objects.requireNonNull(clock);
        }
    }

    /** The summary before committing. */
    public record Summary(Business business, Account account, String oldSerial, long volumeM3, boolean needsApproval,
                          String prompt, List<String> lines, boolean finishing) {
    }

    /** An account looked up, with its reissue cut short if it has one. */
    private record Found(Account account, CardIssueService.UnfinishedReissue unfinished) {
    }

    private record CardRead(TopUpService.CardCheck check, Found found) {
    }

    /** A business done: its record (none for a first card), the write still open, the account after it. */
    private record Done(CardServiceRecord record, GasPurchase openWrite, Account after) {
    }

    private final TaskExecutor executor;
    private final Services services;
    private final Operator cashier;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.EDITING);
    private final ObjectProperty<Business> business = new SimpleObjectProperty<>(Business.LOST_UNUSED);
    private final StringProperty accountNo = new SimpleStringProperty("");
    private final StringProperty checker = new SimpleStringProperty("");
    private final StringProperty checkDate = new SimpleStringProperty("");
    private final StringProperty meterCount = new SimpleStringProperty("");
    private final StringProperty meterLoaded = new SimpleStringProperty("");
    private final StringProperty remaining = new SimpleStringProperty("");
    private final StringProperty newMeterNo = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final Map<Field, StringProperty> fields = new EnumMap<>(Field.class);

    private final ReadOnlyStringWrapper holder = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper currentCard = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper meterNo = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MessageKind> messageKind = new ReadOnlyObjectWrapper<>(MessageKind.NONE);
    private final ReadOnlyObjectWrapper<Field> invalidField = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Summary> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<CardServiceRecord> record = new ReadOnlyObjectWrapper<>();

    private Account account;
    /** The account's reissue that was cut between its card write and its commit: F12 finishes it. */
    private CardIssueService.UnfinishedReissue unfinished;
    /** Set in the background when a reissue failed after it started (seen by the failure handler). */
    private volatile CardIssueService.UnfinishedReissue cutShort;
    private GasPurchase openWrite;
    private boolean printing;
    private boolean clearing;

    public CardServiceViewModel(TaskExecutor executor, Services services, Operator cashier) {
        this.executor = Objects.requireNonNull(executor);
        this.services = Objects.requireNonNull(services);
        this.cashier = Objects.requireNonNull(cashier);
        fields.put(Field.ACCOUNT, accountNo);
        fields.put(Field.CHECKER, checker);
        fields.put(Field.CHECK_DATE, checkDate);
        fields.put(Field.METER_COUNT, meterCount);
        fields.put(Field.METER_LOADED, meterLoaded);
        fields.put(Field.REMAINING, remaining);
        fields.put(Field.NEW_METER, newMeterNo);
        fields.put(Field.REASON, reason);
        fields.forEach((field, text) -> text.addListener((obs, was, now) -> typed(field)));
        accountNo.addListener((obs, was, now) -> {
            if (account != null && !account.accountNo().equals(normalise(now))) {
                forgetAccount();
            }
        });
        business.addListener((obs, was, now) -> {
            clearError();
            prompt.set(I18n.text(promptKey(now)));
        });
        prompt.set(I18n.text(promptKey(business.get())));
    }

    // ---- what each business needs ----

    /** Whether the business shows the field check (DAMAGED: optional; LOST_IN_USE, METER_REPLACED: required). */
    public static boolean showsFieldCheck(Business b) {
        return b == Business.DAMAGED || b == Business.LOST_IN_USE || b == Business.METER_REPLACED;
    }

    public static boolean needsFieldCheck(Business b) {
        return b == Business.LOST_IN_USE || b == Business.METER_REPLACED;
    }

    public static boolean needsNewMeter(Business b) {
        return b == Business.METER_REPLACED;
    }

    /** Whether the account comes from the card in the reader (the found old card). */
    public static boolean accountFromCard(Business b) {
        return b == Business.FOUND_CARD;
    }

    private static String promptKey(Business b) {
        return switch (b) {
            case DAMAGED, LOST_UNUSED, LOST_IN_USE -> "ui.cardService.prompt.blank";
            case FOUND_CARD -> "ui.cardService.prompt.found";
            case METER_REPLACED -> "ui.cardService.prompt.current";
            case FIRST_CARD -> "ui.cardService.prompt.firstCard";
        };
    }

    // ---- the account ----

    /** Enter in the account field: looks the account up. */
    public void findAccount() {
        if (!editable()) {
            return;
        }
        String typed = normalise(accountNo.get());
        if (typed.isEmpty()) {
            show(MessageKind.ERROR, I18n.text("ui.cardService.error.account"), Field.ACCOUNT);
            return;
        }
        state.set(State.LOOKING_UP);
        BackgroundTask.of(() -> found(services.issue().account(cashier, typed)))
                .onSuccess(found -> {
                    state.set(State.EDITING);
                    showAccount(found.account());
                    clearError();
                    offerToFinish(found.unfinished());
                    offerFirstCard(found.account());
                })
                .onFailure(error -> {
                    state.set(State.EDITING);
                    forgetAccount();
                    show(MessageKind.ERROR, UiErrors.text(error), Field.ACCOUNT);
                })
                .executeWith(executor);
    }

    /** F5: the account of the card in the reader (the customer's card, or the found old card). */
    public void readCard() {
        if (!editable()) {
            return;
        }
        state.set(State.LOOKING_UP);
        show(MessageKind.INFO, I18n.text("ui.cardService.reading"), null);
        BackgroundTask.of(() -> {
                    TopUpService.CardCheck check = services.topUps().inspect(cashier, services.reader());
                    return new CardRead(check, found(check.account()));
                })
                .onSuccess(read -> {
                    TopUpService.CardCheck check = read.check();
                    state.set(State.EDITING);
                    accountNo.set(check.account().accountNo());
                    showAccount(check.account());
                    show(MessageKind.INFO, I18n.text("ui.cardService.cardRead", check.image().serial(),
                            check.account().accountNo()), null);
                    offerToFinish(read.found().unfinished());
                    offerFirstCard(check.account());
                })
                .onFailure(error -> {
                    state.set(State.EDITING);
                    // a blank card names no account (a first card or a reissue is written onto it): type the account
                    boolean blank = error instanceof CardException e && e.reason() == CardException.Reason.BLANK_CARD;
                    show(MessageKind.ERROR, blank ? I18n.text("ui.cardService.blankRead") : UiErrors.text(error),
                            blank ? Field.ACCOUNT : null);
                })
                .executeWith(executor);
    }

    /** In the background: the account and its reissue cut short, if any. */
    private Found found(Account found) {
        return new Found(found, found.meterKind() == MeterKind.IC
                ? services.issue().unfinishedReissue(cashier, found.id()).orElse(null) : null);
    }

    /** The account has a reissue cut short: the form turns to it and says how to finish it. */
    private void offerToFinish(CardIssueService.UnfinishedReissue cut) {
        unfinished = cut;
        if (cut != null) {
            business.set(Business.valueOf(cut.why().name()));
            prompt.set(I18n.text("ui.cardService.prompt.finish", cut.newSerial()));
            show(MessageKind.INFO, I18n.text("ui.cardService.unfinished", cut.oldSerial(), cut.newSerial()), null);
        }
    }

    /** An IC account that never got a card has nothing to reissue: the form turns to writing its first card. */
    private void offerFirstCard(Account found) {
        if (found.meterKind() == MeterKind.IC && found.cardSerial() == null && business.get() != Business.FIRST_CARD) {
            business.set(Business.FIRST_CARD);
            show(MessageKind.INFO, I18n.text("ui.cardService.firstCardDue", found.accountNo()), null);
        }
    }

    private void showAccount(Account found) {
        account = found;
        holder.set(Masking.name(found.holder().name()));
        currentCard.set(found.cardSerial() == null ? I18n.text("ui.none") : found.cardSerial());
        meterNo.set(found.meterNo() == null ? "" : found.meterNo());
    }

    private void forgetAccount() {
        account = null;
        unfinished = null;
        holder.set("");
        currentCard.set("");
        meterNo.set("");
    }

    // ---- validation as typed ----

    private void typed(Field field) {
        if (clearing || !editable()) {
            return;
        }
        Optional<String> problem = field == Field.ACCOUNT || field == Field.REASON ? Optional.empty()
                : problem(field);
        if (problem.isPresent() && !fields.get(field).get().isBlank()) {
            show(MessageKind.ERROR, problem.get(), field);
        } else if (invalidField.get() == field) {
            show(MessageKind.NONE, "", null);
        }
    }

    /** What is wrong with the field as typed, if anything (blank is checked only on F12). */
    private Optional<String> problem(Field field) {
        String text = normalise(fields.get(field).get());
        switch (field) {
            case ACCOUNT -> {
                return text.isEmpty() ? Optional.of(I18n.text("ui.cardService.error.account")) : Optional.empty();
            }
            case CHECKER -> {
                return text.isEmpty() || text.length() > 50 ? Optional.of(I18n.text("ui.cardService.error.checker"))
                        : Optional.empty();
            }
            case CHECK_DATE -> {
                try {
                    LocalDate day = LocalDate.parse(text);
                    return day.isAfter(LocalDate.now(services.clock()))
                            ? Optional.of(I18n.text("ui.cardService.error.futureDate")) : Optional.empty();
                } catch (DateTimeParseException e) {
                    return Optional.of(I18n.text("ui.cardService.error.date"));
                }
            }
            case METER_COUNT -> {
                return text.matches("[0-9]{1,4}") ? Optional.empty()
                        : Optional.of(I18n.text("ui.cardService.error.count"));
            }
            case METER_LOADED -> {
                return text.matches("[0-9]{1,7}") ? Optional.empty()
                        : Optional.of(I18n.text("ui.cardService.error.loaded"));
            }
            case REMAINING -> {
                return text.matches("[0-9]{1,7}(\\.[0-9]{1,2})?") ? Optional.empty()
                        : Optional.of(I18n.text("ui.cardService.error.remaining"));
            }
            case NEW_METER -> {
                return text.matches("[0-9A-Za-z-]{4,30}") ? Optional.empty()
                        : Optional.of(I18n.text("topup.meter.badNumber"));
            }
            case REASON -> {
                return text.isEmpty() ? Optional.of(I18n.text("ui.cardService.error.reason")) : Optional.empty();
            }
            default -> throw new IllegalStateException(field.name());
        }
    }

    private static final List<Field> CHECK_FIELDS = List.of(Field.CHECKER, Field.CHECK_DATE, Field.METER_COUNT,
            Field.METER_LOADED, Field.REMAINING);

    /** The fields this business needs, in screen order. */
    private List<Field> required(Business b) {
        List<Field> needed = new ArrayList<>();
        if (finishing(b) || b == Business.FIRST_CARD) {
            // the field check, approval and reason were taken when the reissue started; a first card needs none
            return List.of(Field.ACCOUNT);
        }
        if (!accountFromCard(b)) {
            needed.add(Field.ACCOUNT);
        }
        boolean checkTyped = CHECK_FIELDS.stream().anyMatch(f -> !normalise(fields.get(f).get()).isEmpty());
        if (needsFieldCheck(b) || showsFieldCheck(b) && checkTyped) {
            needed.addAll(CHECK_FIELDS);
        }
        if (needsNewMeter(b)) {
            needed.add(Field.NEW_METER);
        }
        needed.add(Field.REASON);
        return needed;
    }

    private boolean finishing(Business b) {
        return unfinished != null && b.reissueCase().isPresent();
    }

    private FieldCheck fieldCheck(Business b, long accountId) {
        if (!required(b).contains(Field.CHECKER)) {
            return null;
        }
        long centi = new BigDecimal(normalise(remaining.get())).movePointRight(2).longValueExact();
        return new FieldCheck(accountId, LocalDate.parse(normalise(checkDate.get())), normalise(checker.get()),
                Integer.parseInt(normalise(meterCount.get())), Long.parseLong(normalise(meterLoaded.get())), centi, "");
    }

    // ---- summary and commit ----

    /** F12: checks the form, then shows what will be done. */
    public void confirm() {
        if (state.get() != State.EDITING) {
            return;
        }
        Business b = business.get();
        for (Field field : required(b)) {
            Optional<String> problem = problem(field);
            if (problem.isPresent()) {
                show(MessageKind.ERROR, problem.get(), field);
                return;
            }
        }
        String typedAccount = normalise(accountNo.get());
        String why = reasonText();
        state.set(State.CHECKING);
        show(MessageKind.INFO, I18n.text("ui.cardService.checking"), null);
        BackgroundTask.of(() -> summarise(b, typedAccount, why))
                .onSuccess(ready -> {
                    if (state.get() != State.CHECKING) {
                        return;
                    }
                    showAccount(ready.account());
                    if (accountFromCard(b)) {
                        accountNo.set(ready.account().accountNo());
                    }
                    // the summary says it all: "checking" (or an earlier error) goes
                    show(MessageKind.NONE, "", null);
                    summary.set(ready);
                    state.set(State.CONFIRMING);
                })
                .onFailure(error -> {
                    state.set(State.EDITING);
                    show(MessageKind.ERROR, UiErrors.text(error), null);
                })
                .executeWith(executor);
    }

    /** In the background: the account, the old card and the gas the business would write. */
    private Summary summarise(Business b, String typedAccount, String why) {
        Account found;
        String oldSerial;
        long volume;
        if (b == Business.FOUND_CARD) {
            TopUpService.CardCheck check = services.topUps().inspect(cashier, services.reader());
            CardImage old = check.image();
            found = check.account();
            oldSerial = old.serial();
            volume = old.loaded() ? 0 : old.lastPurchaseM3();
        } else {
            found = services.issue().account(cashier, typedAccount);
            if (b == Business.FIRST_CARD) {
                return firstCardSummary(found, services.issue().firstCard(cashier, found.id()));
            }
            Optional<CardIssueService.UnfinishedReissue> cut = b.reissueCase().isPresent()
                    ? services.issue().unfinishedReissue(cashier, found.id()) : Optional.empty();
            if (cut.isPresent()) {
                return finishSummary(found, cut.get());
            }
            oldSerial = found.cardSerial() == null ? "" : found.cardSerial();
            FieldCheck check = fieldCheck(b, found.id());
            if (b == Business.METER_REPLACED) {
                volume = check.remainingCentiM3() / 100;
            } else {
                volume = check == null ? 0 : services.issue().recreditPreview(cashier, found.id(),
                        check.meterPurchaseCount());
            }
        }
        boolean approval = b == Business.FOUND_CARD || b == Business.METER_REPLACED || volume > 0;
        List<String> lines = head(b, found);
        switch (b) {
            case DAMAGED, LOST_UNUSED, LOST_IN_USE -> {
                lines.add(I18n.text("ui.cardService.summary.oldBlacklisted",
                        oldSerial.isEmpty() ? I18n.text("ui.none") : oldSerial));
                lines.add(I18n.text("ui.cardService.summary.newSerial"));
                lines.add(I18n.text("ui.cardService.summary.recredit", volume));
            }
            case FOUND_CARD -> {
                lines.add(I18n.text("ui.cardService.summary.oldCleared", oldSerial));
                lines.add(I18n.text("ui.cardService.summary.recreditOnto", volume,
                        found.cardSerial() == null ? I18n.text("ui.none") : found.cardSerial()));
            }
            case METER_REPLACED -> {
                lines.add(I18n.text("ui.cardService.summary.meter", found.meterNo(), normalise(newMeterNo.get())));
                lines.add(I18n.text("ui.cardService.summary.transfer", volume, oldSerial));
            }
            default -> throw new IllegalStateException(b.name());
        }
        lines.add(I18n.text("ui.cardService.summary.reason", why));
        lines.add(I18n.text(approval ? "ui.cardService.summary.approval" : "ui.cardService.summary.noApproval"));
        return new Summary(b, found, oldSerial, volume, approval, I18n.text(promptKey(b)), List.copyOf(lines), false);
    }

    /** The summary of finishing a reissue cut short: nothing is blacklisted or approved again. */
    private Summary finishSummary(Account found, CardIssueService.UnfinishedReissue cut) {
        Business b = Business.valueOf(cut.why().name());
        List<String> lines = head(b, found);
        lines.add(I18n.text("ui.cardService.summary.finishing", cut.oldSerial()));
        lines.add(I18n.text("ui.cardService.summary.finishCard", cut.newSerial()));
        lines.add(cut.recreditM3() == 0 ? I18n.text("ui.cardService.summary.recredit", 0)
                : I18n.text("ui.cardService.summary.recreditApproved", cut.recreditM3(), cut.approverStaffNo()));
        lines.add(I18n.text("ui.cardService.summary.reason", cut.reason()));
        return new Summary(b, found, cut.oldSerial(), cut.recreditM3(), false,
                I18n.text("ui.cardService.prompt.finish", cut.newSerial()), List.copyOf(lines), true);
    }

    /**
     * The summary of writing the account's first card: the serial a cut write left (written again)
     * or a new one, and the counts the card starts with. Nothing to blacklist, approve or re-credit.
     */
    private static Summary firstCardSummary(Account found, CardIssueService.FirstCard first) {
        List<String> lines = head(Business.FIRST_CARD, found);
        lines.add(first.interruptedSerial().map(serial -> I18n.text("ui.cardService.summary.firstCardAgain", serial))
                .orElse(I18n.text("ui.cardService.summary.firstCardNew")));
        lines.add(I18n.text("ui.cardService.summary.firstCardCounts", first.purchaseCount(), first.cumulativeM3()));
        lines.add(I18n.text("ui.cardService.summary.noApproval"));
        return new Summary(Business.FIRST_CARD, found, "", 0, false, I18n.text("ui.cardService.prompt.firstCard"),
                List.copyOf(lines), false);
    }

    /** The summary's first lines: the business and the account. */
    private static List<String> head(Business b, Account found) {
        List<String> lines = new ArrayList<>();
        lines.add(I18n.text("ui.cardService.summary.business", I18n.text("cardRecord.business." + b.name())));
        lines.add(I18n.text("ui.cardService.summary.account", found.accountNo(), Masking.name(found.holder().name())));
        return lines;
    }

    /** Esc in the summary: back to the form as typed. */
    public void cancelConfirmation() {
        if (state.get() == State.CONFIRMING) {
            summary.set(null);
            state.set(State.EDITING);
        }
    }

    /** The reason as typed, to prefill the manager's approval. */
    public String reasonText() {
        // free text: kept as typed (NFKC would turn the Chinese "，" into ","), only trimmed
        return reason.get() == null ? "" : reason.get().strip();
    }

    /**
     * Enter in the summary (after the hall manager's approval where the summary asks for one):
     * runs the business in the background, then stores and prints the record.
     *
     * @param approval the manager's approval, or null where none is needed
     */
    public void commit(Approval approval) {
        Summary ready = summary.get();
        if (state.get() != State.CONFIRMING || ready == null) {
            return;
        }
        if (ready.needsApproval() && approval == null) {
            show(MessageKind.ERROR, I18n.text("ui.cardService.error.needsApproval"), null);
            return;
        }
        String why = approval != null && !approval.reason().isBlank() ? approval.reason().strip() : reasonText();
        FieldCheck check = fieldCheck(ready.business(), ready.account().id());
        String newMeter = normalise(newMeterNo.get());
        state.set(State.WORKING);
        show(MessageKind.INFO, I18n.text("ui.cardService.working", ready.prompt()), null);
        cutShort = null;
        BackgroundTask.of(() -> run(ready, check, newMeter, why, approval))
                .onSuccess(done -> {
                    summary.set(null);
                    showAccount(done.after());
                    unfinished = null;
                    openWrite = done.openWrite();
                    record.set(done.record());
                    // the card asked for is in: the hint now says what comes next
                    prompt.set(I18n.text(done.openWrite() == null ? "ui.cardService.prompt.done"
                            : "ui.cardService.prompt.current"));
                    if (done.record() == null) {
                        // the first card: no record to print (as at opening), the account can buy gas now
                        state.set(State.DONE);
                        show(MessageKind.INFO, I18n.text("ui.cardService.firstCardDone", done.after().cardSerial()),
                                null);
                        return;
                    }
                    state.set(State.PRINTING);
                    print(done.record(), I18n.text(done.openWrite() == null ? "ui.cardService.done"
                            : "ui.cardService.doneOpen", I18n.text("cardRecord.business." + ready.business().name())));
                })
                .onFailure(error -> {
                    summary.set(null);
                    state.set(State.EDITING);
                    CardIssueService.UnfinishedReissue cut = cutShort;
                    if (cut == null) {
                        show(MessageKind.ERROR, I18n.text("ui.cardService.refused", UiErrors.text(error)), null);
                        return;
                    }
                    // the old card is blacklisted already: the reissue waits to be finished, not redone
                    unfinished = cut;
                    prompt.set(I18n.text("ui.cardService.prompt.finish", cut.newSerial()));
                    show(MessageKind.ERROR, I18n.text("ui.cardService.reissueCut", UiErrors.text(error),
                            cut.newSerial()), null);
                })
                .executeWith(executor);
    }

    /** The business through the service; a reissue cut short is remembered so that it is finished, not redone. */
    private Done run(Summary ready, FieldCheck check, String newMeter, String why, Approval approval) {
        Account a = ready.account();
        CardIssueService.ServiceRequest request = new CardIssueService.ServiceRequest(ready.business(), a.id(),
                ready.finishing(), check, newMeter, why, approval == null ? null : approval.grant());
        CardIssueService.Performed done;
        try {
            done = services.issue().perform(cashier, services.reader(), request);
        } catch (RuntimeException e) {
            if (ready.business().reissueCase().isPresent()) {
                cutShort = services.issue().unfinishedReissue(cashier, a.id()).orElse(null);
            }
            throw e;
        }
        if (request.issuesACard()) {
            services.newCardIssued().accept(a.accountNo());
        }
        return new Done(done.record().orElse(null), done.openWrite().orElse(null), done.after());
    }

    private void print(CardServiceRecord done, String news) {
        printing = true;
        services.printerActivity().printingStarted();
        BackgroundTask.of(() -> services.records().print(cashier, done.id()))
                .onSuccess(printed -> {
                    printing = false;
                    services.printerActivity().printingFinished();
                    record.set(printed);
                    finished(MessageKind.INFO, news + "\n" + I18n.text(printed.printCount() > 1
                            ? "ui.cardService.printedCopy" : "ui.cardService.printed"));
                })
                .onFailure(error -> {
                    printing = false;
                    services.printerActivity().printingFinished();
                    finished(MessageKind.ERROR, news + "\n" + I18n.text("ui.cardService.notPrinted",
                            UiErrors.text(error)));
                })
                .executeWith(executor);
    }

    private void finished(MessageKind kind, String text) {
        if (openWrite != null) {
            state.set(State.OPEN_WRITE);
            prompt.set(I18n.text("ui.cardService.prompt.current"));
            show(kind, text + "\n" + I18n.text("ui.cardService.openWrite", openWrite.volumeM3(),
                    openWrite.cardSerial()), null);
        } else {
            state.set(State.DONE);
            show(kind, text, null);
        }
    }

    /** F9 after the business: prints the record again (a copy once it has printed). */
    public void printAgain() {
        CardServiceRecord done = record.get();
        if (done == null || printing || (state.get() != State.DONE && state.get() != State.OPEN_WRITE)) {
            return;
        }
        String before = message.get();
        print(done, before.contains("\n") ? before.substring(0, before.indexOf('\n')) : before);
    }

    // ---- the re-credit waiting for the current card ----

    /** F6, or the current card put in: settles the open re-credit by what the card holds, writing it if needed. */
    public void finishWrite() {
        if (state.get() != State.OPEN_WRITE || openWrite == null || printing) {
            return;
        }
        GasPurchase write = openWrite;
        state.set(State.WORKING);
        show(MessageKind.INFO, I18n.text("ui.cardService.finishing", write.volumeM3()), null);
        BackgroundTask.of(() -> {
                    if (services.topUps().resolve(cashier, services.reader(), write.id())
                            == TopUpService.Resolution.NOT_WRITTEN) {
                        services.topUps().rewrite(cashier, services.reader(), write.id());
                    }
                    return write;
                })
                .onSuccess(done -> {
                    openWrite = null;
                    state.set(State.DONE);
                    show(MessageKind.INFO, I18n.text("ui.cardService.finished", done.volumeM3(), done.cardSerial()),
                            null);
                })
                .onFailure(error -> {
                    state.set(State.OPEN_WRITE);
                    show(MessageKind.ERROR, UiErrors.text(error) + "\n" + I18n.text("ui.cardService.prompt.current"),
                            null);
                })
                .executeWith(executor);
    }

    /** A card was put into the reader: an open re-credit is finished if it is the right card. */
    public void cardInserted() {
        if (state.get() == State.OPEN_WRITE) {
            finishWrite();
        } else if (state.get() == State.EDITING && account != null
                && (unfinished != null || business.get() == Business.FIRST_CARD)) {
            // the new card of a reissue cut short, or the account's first card (or a blank card): the summary, Enter commits
            confirm();
        }
    }

    /** After a finished business: a clean form for the next customer. */
    public void startOver() {
        if (state.get() != State.DONE) {
            return;
        }
        clearing = true;
        try {
            fields.values().forEach(f -> f.set(""));
        } finally {
            clearing = false;
        }
        forgetAccount();
        record.set(null);
        openWrite = null;
        prompt.set(I18n.text(promptKey(business.get())));
        state.set(State.EDITING);
        show(MessageKind.NONE, "", null);
    }

    // ---- helpers ----

    private boolean editable() {
        return state.get() == State.EDITING;
    }

    /** True while the screen must not be left by Esc. */
    public boolean busy() {
        State s = state.get();
        return s == State.LOOKING_UP || s == State.CHECKING || s == State.WORKING || s == State.PRINTING || printing;
    }

    private static String normalise(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    }

    private void show(MessageKind kind, String text, Field field) {
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

    // ---- properties ----

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ObjectProperty<Business> businessProperty() {
        return business;
    }

    public StringProperty accountNoProperty() {
        return accountNo;
    }

    public StringProperty checkerProperty() {
        return checker;
    }

    /** yyyy-MM-dd. */
    public StringProperty checkDateProperty() {
        return checkDate;
    }

    public StringProperty meterCountProperty() {
        return meterCount;
    }

    /** Whole m³. */
    public StringProperty meterLoadedProperty() {
        return meterLoaded;
    }

    /** m³ with up to two decimals. */
    public StringProperty remainingProperty() {
        return remaining;
    }

    public StringProperty newMeterNoProperty() {
        return newMeterNo;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** The holder's name, masked. */
    public ReadOnlyStringProperty holderProperty() {
        return holder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currentCardProperty() {
        return currentCard.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty meterNoProperty() {
        return meterNo.getReadOnlyProperty();
    }

    /** Which card belongs in the reader now ("请放入空白新卡" …). */
    public ReadOnlyStringProperty promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MessageKind> messageKindProperty() {
        return messageKind.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Field> invalidFieldProperty() {
        return invalidField.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Summary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The stored record after the business (with its print count). */
    public ReadOnlyObjectProperty<CardServiceRecord> recordProperty() {
        return record.getReadOnlyProperty();
    }
}
