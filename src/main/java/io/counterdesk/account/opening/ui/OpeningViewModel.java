package io.counterdesk.account.opening.ui;

import io.counterdesk.checkout.Tenders;
import io.counterdesk.checkout.TypedTenders;
import io.counterdesk.account.AccountKind;
import io.counterdesk.account.Address;
import io.counterdesk.account.Holder;
import io.counterdesk.account.IdType;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.opening.AccountOpeningService;
import io.counterdesk.account.opening.ApplianceKw;
import io.counterdesk.account.opening.Bank;
import io.counterdesk.account.opening.BankDebit;
import io.counterdesk.account.opening.BuildingType;
import io.counterdesk.account.opening.Document;
import io.counterdesk.account.opening.GasPurpose;
import io.counterdesk.account.opening.OpeningApplication;
import io.counterdesk.account.opening.OpeningConfirmations;
import io.counterdesk.account.opening.OpeningResult;
import io.counterdesk.account.opening.OpeningRules;
import io.counterdesk.account.opening.Person;
import io.counterdesk.account.opening.UnitNature;
import io.counterdesk.card.CardAccess;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentPlan;
import io.counterdesk.checkout.ui.ReceiptRun;
import io.counterdesk.printing.PaperWidth;
import io.counterdesk.printing.PreviewRenderer;
import io.counterdesk.receipt.ReceiptPrinting;
import io.counterdesk.security.Operator;
import io.counterdesk.servicetime.CounterBusiness;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Masking;
import io.counterdesk.shared.Money;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.MessageKind;
import io.counterdesk.ui.PrinterActivity;
import io.counterdesk.ui.ServiceClock;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.UiErrors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * The opening form (开户/报装, Ctrl+O): who, where, which meter, how the fee is settled, who acts for
 * the holder, the auto-debit, the documents seen, and the tenders. Every field is checked as it is
 * typed (a field left empty only when the summary is asked for); the fee, deposit and the money to
 * call out follow at once from the rules read when the screen opened. F12 shows the summary; Enter
 * there opens the account: account, fee and events commit together, an IC meter's first card is
 * written onto the blank card in the reader, and only then do the receipt and the business
 * confirmation print. Whatever fails (payment refused, card, printer, database), what was typed stays.
 * A card that was not written is written again with F8 on the result.
 */
public final class OpeningViewModel extends AccountFormModel<OpeningViewModel.Field, OpeningViewModel.State> {

    /** Where the screen is: the checkout's steps ({@code CheckoutFlow.Step}) and the opening's own. */
    public enum State {
        /** The rules are being read. */
        LOADING,
        EDITING,
        /** Not used: the summary is made at once from the rules read. */
        CHECKING,
        /** The summary is shown; Enter opens. */
        CONFIRMING,
        COMMITTING,
        /** The receipts, then the business confirmation and the application form. */
        PRINTING,
        /** Opened; the result says what printed and whether the card was written. */
        DONE,
        /** A card is being written again after the opening. */
        WRITING_CARD
    }

    /** The inputs, in the order the screen shows them. */
    public enum Field {
        METER_NO, HOLDER_NAME, HOLDER_ID, PHONE, DISTRICT, STREET, COMMUNITY, BUILDING, UNIT, ROOM, INVOICE, KW,
        LEGAL_NAME, LEGAL_ID, PROXY_NAME, PROXY_ID, DEBIT_NUMBER, DEBIT_NAME, DOCUMENTS, CASH, CARD_AMOUNT,
        CARD_REFERENCE
    }

    /** How a household settles its installation fee: by building type now, or already paid collectively. */
    public enum FeeMode {
        MULTI_STOREY, HIGH_RISE, VILLA, COLLECTIVE;

        BuildingType buildingType() {
            return this == COLLECTIVE ? null : BuildingType.valueOf(name());
        }
    }

    /** Writes the gas application form (用气申请书) of a committed opening into the archive. */
    @FunctionalInterface
    public interface ApplicationForms {
        /** @return the file written */
        java.nio.file.Path archive(io.counterdesk.account.opening.OpeningRecord opening, Operator cashier);
    }

    /** What became of the confirmation and the application form after an opening was committed. */
    private record Papers(String formText, boolean formFailed, Throwable printError) {
    }

    /** What the screen works with, wired by the application. */
    public record Services(AccountOpeningService openings, OpeningConfirmations confirmations, CardAccess reader,
                           ReceiptPrinting printing, PrinterActivity printerActivity, PaperWidth paper,
                           ServiceClock serviceClock, CardKeeper cardWritten, ApplicationForms applicationForms) {
        public Services {
            Objects.requireNonNull(applicationForms);
            Objects.requireNonNull(openings);
            Objects.requireNonNull(confirmations);
            Objects.requireNonNull(reader);
            Objects.requireNonNull(printing);
            Objects.requireNonNull(printerActivity);
            Objects.requireNonNull(paper);
            Objects.requireNonNull(serviceClock);
            Objects.requireNonNull(cardWritten);
        }
    }

    /** Told when a first card was written (demo mode keeps it as the new customer's demo card). */
    @FunctionalInterface
    public interface CardKeeper {
        CardKeeper NONE = (accountNo, holderName, meterNo) -> { };

        void written(String accountNo, String holderName, String meterNo);
    }

    /** A field that does not read, and what to tell the cashier. */
    private record Problem(Field field, String message) {
    }

    private final TaskExecutor executor;
    private final Services services;
    private final Operator cashier;

    private final ReadOnlyObjectWrapper<State> state = state();
    private final ObjectProperty<AccountKind> kind = new SimpleObjectProperty<>(AccountKind.RESIDENTIAL);
    private final ObjectProperty<MeterKind> meterKind = new SimpleObjectProperty<>(MeterKind.ORDINARY);
    private final ObjectProperty<IdType> idType = new SimpleObjectProperty<>(IdType.RESIDENT_ID);
    private final ObjectProperty<FeeMode> feeMode = new SimpleObjectProperty<>(FeeMode.MULTI_STOREY);
    private final ObjectProperty<GasPurpose> purpose = new SimpleObjectProperty<>(GasPurpose.KITCHEN);
    private final ObjectProperty<UnitNature> nature = new SimpleObjectProperty<>(UnitNature.BUSINESS);
    private final ObjectProperty<Bank> bank = new SimpleObjectProperty<>(Bank.ICBC);
    private final BooleanProperty proxy = new SimpleBooleanProperty(false);
    private final BooleanProperty debit = new SimpleBooleanProperty(false);
    private final BooleanProperty debitByCard = new SimpleBooleanProperty(true);

    private final ReadOnlyStringWrapper fee = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper deposit = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper due = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper accountNo = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");

    private OpeningRules rules;
    private OpeningApplication confirmedApp;
    private PaymentInput confirmedTenders;
    private OpeningResult opened;

    public OpeningViewModel(TaskExecutor executor, Services services, Operator cashier) {
        super(Field.class, Field.DOCUMENTS, State.LOADING, executor,
                new ReceiptRun(executor, services.printing(), services.printerActivity(),
                        new PreviewRenderer(services.paper()), cashier),
                services.serviceClock().start(CounterBusiness.OPENING));
        this.executor = Objects.requireNonNull(executor);
        this.services = Objects.requireNonNull(services);
        this.cashier = Objects.requireNonNull(cashier);
        whenEdited(this::changed);
        for (ObservableValue<?> choice : List.of(kind, meterKind, idType, feeMode, purpose, nature, bank, proxy, debit,
                debitByCard)) {
            choice.addListener((obs, was, now) -> changed());
        }
        kind.addListener((obs, was, now) -> switchIdType(now == AccountKind.NON_RESIDENTIAL ? IdType.CREDIT_CODE
                : IdType.RESIDENT_ID));
        meterKind.addListener((obs, was, now) -> timing().changeTo(now == MeterKind.IC ? CounterBusiness.IC_OPENING
                : CounterBusiness.OPENING));
        updateRequired();
    }

    /**
     * The holder's document follows the account's kind (a household: resident ID; an organisation:
     * credit code). A number typed for the other kind is not read as this one: it is cleared, and the
     * message says so.
     */
    private void switchIdType(IdType wanted) {
        IdType before = idType.get();
        String typed = value(Field.HOLDER_ID);
        boolean fitsBefore = !typed.isEmpty() && fits(before, typed);
        idType.set(wanted);
        if (before != wanted && fitsBefore && !fits(wanted, typed)) {
            text(Field.HOLDER_ID).set("");
            show(MessageKind.INFO, I18n.text("ui.opening.idCleared", I18n.text("account.idType." + before.name()),
                    typed, I18n.text("account.idType." + wanted.name())), null);
        }
    }

    private static boolean fits(IdType type, String number) {
        try {
            type.validate(number);
            return true;
        } catch (BusinessException wrong) {
            return false;
        }
    }

    /** Reads the fees in force (background); the form can be typed meanwhile. */
    public void load() {
        BackgroundTask.of(() -> services.openings().rules())
                .onSuccess(read -> {
                    rules = read;
                    if (state.get() == State.LOADING) {
                        state.set(State.EDITING);
                    }
                    changed();
                })
                .onFailure(error -> {
                    state.set(State.EDITING);
                    show(MessageKind.ERROR, UiErrors.text(error), null);
                })
                .executeWith(executor);
    }

    // ---- live checking ----

    private void changed() {
        if (disposed()) {
            return;
        }
        updateRequired();
        State s = state.get();
        if (s != State.EDITING && s != State.LOADING) {
            return;
        }
        check(false);
    }

    private void updateRequired() {
        boolean residential = kind.get() == AccountKind.RESIDENTIAL;
        Set<Document> docs = OpeningRules.required(residential, residential && feeMode.get() == FeeMode.COLLECTIVE,
                proxy.get(), debit.get());
        requireDocuments(docs);
    }

    /**
     * Checks the form: each typed field (every field when {@code all}), then the documents and the
     * money. Shows the first problem, or the figures. Returns the application and tenders when whole.
     */
    private Optional<PaymentInput> check(boolean all) {
        List<Problem> problems = new ArrayList<>();
        OpeningApplication app = application(all, problems);
        PaymentInput tenders = tenders(problems);
        fee.set("");
        deposit.set("");
        due.set("");
        clearChange();
        if (app != null && rules != null) {
            Money feeAmount = rules.fee(app);
            Money depositAmount = rules.deposit(app);
            fee.set(feeAmount.format());
            deposit.set(depositAmount.isZero() ? I18n.text("ui.none") : depositAmount.format());
            due.set(feeAmount.plus(depositAmount).format());
            if (all && !OpeningRules.missing(app).isEmpty()) {
                try {
                    OpeningRules.requireDocuments(app);
                } catch (BusinessException missing) {
                    problems.add(new Problem(Field.DOCUMENTS, missing.getMessage()));
                }
            }
            if (tenders != null && problems.isEmpty()) {
                try {
                    Optional<PaymentPlan> plan = AccountOpeningService.quote(rules, app, tenders);
                    plan.ifPresent(this::showPlan);
                } catch (BusinessException refused) {
                    if (all || tenders.cashReceived().isPositive() || !tenders.bankTenders().isEmpty()) {
                        problems.add(new Problem(Field.CASH, refused.getMessage()));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            Problem first = problems.get(0);
            show(MessageKind.ERROR, first.message(), first.field());
            return Optional.empty();
        }
        clearError();
        if (app == null || tenders == null) {
            return Optional.empty();
        }
        confirmedApp = app;
        return Optional.of(tenders);
    }

    private void showPlan(PaymentPlan plan) {
        due.set(plan.totalDue().format());
        showReceived(plan.moneyReceived().format());
        showChange(plan.change());
    }

    /** The application as typed, or null (with the problems found, in screen order) while it is not whole. */
    private OpeningApplication application(boolean all, List<Problem> problems) {
        boolean residential = kind.get() == AccountKind.RESIDENTIAL;
        String meterNo = value(Field.METER_NO);
        require(all, Field.METER_NO, "opening.meter.format", problems);
        checkField(problems, Field.METER_NO, () -> meterNo.isEmpty() || meterNo.matches("[0-9A-Za-z-]{4,30}")
                ? meterNo : fail("opening.meter.format"));

        require(all, Field.HOLDER_NAME, "account.holder.nameRequired", problems);
        // a name the holder's rules refuse is blamed on the name, not on the ID beside it
        checkField(problems, Field.HOLDER_NAME, () -> value(Field.HOLDER_NAME).isEmpty() ? null
                : Holder.cleanName(value(Field.HOLDER_NAME)));
        String id = value(Field.HOLDER_ID);
        require(all, Field.HOLDER_ID, "ui.opening.error.idNumber", problems);
        checkField(problems, Field.HOLDER_ID, () -> id.isEmpty() ? null : idType.get().validate(id));
        String phone = value(Field.PHONE);
        require(all, Field.PHONE, "ui.opening.error.phone", problems);
        checkField(problems, Field.PHONE, () -> {
            if (!phone.isEmpty()) {
                io.counterdesk.shared.PhoneNumber.validate(phone);
            }
            return phone;
        });
        Holder holder = filled(Field.HOLDER_NAME, Field.HOLDER_ID, Field.PHONE) && problems.isEmpty()
                ? part(problems, Field.HOLDER_ID, () -> new Holder(value(Field.HOLDER_NAME), idType.get(), id, phone))
                : null;

        List<Field> addressFields = List.of(Field.DISTRICT, Field.STREET, Field.COMMUNITY, Field.BUILDING, Field.ROOM);
        for (Field f : addressFields) {
            require(all, f, "account.address." + f.name().toLowerCase(java.util.Locale.ROOT), problems);
        }
        Address typedAddress = null;
        if (filled(addressFields.toArray(Field[]::new))) {
            try {
                typedAddress = new Address(value(Field.DISTRICT), value(Field.STREET), value(Field.COMMUNITY),
                        value(Field.BUILDING), value(Field.UNIT), value(Field.ROOM));
            } catch (BusinessException refused) {
                problems.add(new Problem(addressField(refused), refused.getMessage()));
            }
        }
        Address address = typedAddress;

        OpeningApplication.Residential household = null;
        OpeningApplication.NonResidential business = null;
        if (residential) {
            if (feeMode.get() == FeeMode.COLLECTIVE) {
                require(all, Field.INVOICE, "ui.opening.error.invoice", problems);
                household = value(Field.INVOICE).isEmpty() ? null : part(problems, Field.INVOICE,
                        () -> OpeningApplication.Residential.paidCollectively(value(Field.INVOICE)));
            } else {
                household = OpeningApplication.Residential.paying(feeMode.get().buildingType());
            }
        } else {
            require(all, Field.KW, "ui.opening.error.kw", problems);
            BigDecimal kw = value(Field.KW).isEmpty() ? null
                    : part(problems, Field.KW, () -> ApplianceKw.parse(value(Field.KW)));
            Person rep = person(all, problems, Field.LEGAL_NAME, Field.LEGAL_ID);
            if (kw != null && rep != null) {
                business = new OpeningApplication.NonResidential(purpose.get(), nature.get(), kw, rep);
            }
        }
        Person proxyPerson = proxy.get() ? person(all, problems, Field.PROXY_NAME, Field.PROXY_ID) : null;
        BankDebit bankDebit = null;
        if (debit.get()) {
            require(all, Field.DEBIT_NUMBER, "ui.opening.error.debitNumber", problems);
            checkField(problems, Field.DEBIT_NUMBER, this::checkDebitNumber);
            require(all, Field.DEBIT_NAME, "opening.debit.nameRequired", problems);
            if (filled(Field.DEBIT_NUMBER, Field.DEBIT_NAME)) {
                bankDebit = part(problems, Field.DEBIT_NUMBER, () -> new BankDebit(bank.get(), debitByCard.get(),
                        value(Field.DEBIT_NUMBER), value(Field.DEBIT_NAME)));
            }
        }
        boolean whole = holder != null && address != null && !meterNo.isEmpty() && problems.isEmpty()
                && (residential ? household != null : business != null) && (!proxy.get() || proxyPerson != null)
                && (!debit.get() || bankDebit != null);
        if (!whole) {
            return null;
        }
        Set<Document> docs = tickedRequired();
        OpeningApplication.Residential h = household;
        OpeningApplication.NonResidential b = business;
        BankDebit bd = bankDebit;
        return part(problems, Field.HOLDER_ID,
                () -> new OpeningApplication(holder, address, meterKind.get(), meterNo, h, b, proxyPerson, bd, docs));
    }

    /** The part of the address a refusal names (by its label, or its own "please type" text); else the district. */
    private static Field addressField(BusinessException refused) {
        for (Field f : List.of(Field.DISTRICT, Field.STREET, Field.COMMUNITY, Field.BUILDING, Field.UNIT, Field.ROOM)) {
            String key = "account.address." + f.name().toLowerCase(java.util.Locale.ROOT);
            if (refused.key().equals(key) || List.of(refused.args()).contains(I18n.text(key + "Label"))) {
                return f;
            }
        }
        return Field.DISTRICT;
    }

    private boolean filled(Field... fields) {
        for (Field f : fields) {
            if (value(f).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** A typed bank number checked on its own, before the account name is there. */
    private Object checkDebitNumber() {
        String number = value(Field.DEBIT_NUMBER);
        if (!number.isEmpty()) {
            if (debitByCard.get()) {
                io.counterdesk.shared.BankCardNumber.validateCard(number);
            } else {
                io.counterdesk.shared.BankCardNumber.validateAccount(number);
            }
        }
        return null;
    }

    private Person person(boolean all, List<Problem> problems, Field nameField, Field idField) {
        require(all, nameField, "opening.person.nameRequired", problems);
        require(all, idField, "ui.opening.error.idNumber", problems);
        String id = value(idField);
        checkField(problems, idField, () -> id.isEmpty() ? null : IdType.RESIDENT_ID.validate(id));
        if (!filled(nameField, idField) || problems.stream().anyMatch(p -> p.field() == idField)) {
            return null;
        }
        return part(problems, idField, () -> new Person(value(nameField), IdType.RESIDENT_ID, id));
    }

    private PaymentInput tenders(List<Problem> problems) {
        try {
            return TypedTenders.read(value(Field.CASH), value(Field.CARD_AMOUNT), value(Field.CARD_REFERENCE),
                    PaymentInput.Bills.NONE);
        } catch (Tenders.Invalid invalid) {
            Field field = switch (invalid.field()) {
                case CARD_AMOUNT -> Field.CARD_AMOUNT;
                case CARD_REFERENCE -> Field.CARD_REFERENCE;
                default -> Field.CASH;
            };
            problems.add(new Problem(field, invalid.getMessage()));
            return null;
        } catch (BusinessException refused) {
            problems.add(new Problem(Field.CARD_REFERENCE, refused.getMessage()));
            return null;
        }
    }

    private <T> T part(List<Problem> problems, Field field, Supplier<T> build) {
        try {
            return build.get();
        } catch (BusinessException refused) {
            problems.add(new Problem(field, refused.getMessage()));
            return null;
        }
    }

    private void checkField(List<Problem> problems, Field field, Supplier<Object> check) {
        if (problems.stream().anyMatch(p -> p.field() == field)) {
            return;
        }
        part(problems, field, check);
    }

    private void require(boolean all, Field field, String key, List<Problem> problems) {
        if (all && value(field).isEmpty() && problems.stream().noneMatch(p -> p.field() == field)) {
            problems.add(new Problem(field, I18n.text(key, "")));
        }
    }

    private static <T> T fail(String key) {
        throw new BusinessException(key);
    }

    // ---- summary, open, print ----

    /** F12: checks everything and shows the summary; nothing is written. */
    public void confirm() {
        if (state.get() != State.EDITING) {
            return;
        }
        if (rules == null) {
            show(MessageKind.ERROR, I18n.text("ui.opening.loading"), null);
            return;
        }
        Optional<PaymentInput> tenders = check(true);
        if (tenders.isEmpty() || confirmedApp == null) {
            refuseIncomplete();
            return;
        }
        confirmedTenders = tenders.get();
        Optional<PaymentPlan> plan = AccountOpeningService.quote(rules, confirmedApp, confirmedTenders);
        confirmSummary(summaryLines(confirmedApp, plan), plan.orElse(null), confirmedTenders);
    }

    private List<String> summaryLines(OpeningApplication app, Optional<PaymentPlan> plan) {
        List<String> lines = new ArrayList<>();
        Holder h = app.holder();
        lines.add(I18n.text("ui.opening.summary.holder", h.name(), I18n.text("account.idType." + h.idType().name()),
                Masking.idNumber(h.idNumber()), h.phone()));
        lines.add(I18n.text("ui.opening.summary.address", app.address().text()));
        lines.add(I18n.text("ui.opening.summary.kind", I18n.text("account.kind." + app.kind().name())
                + (app.useType() == null ? "" : " · " + I18n.text("account.use." + app.useType().name())),
                I18n.text("account.meter." + app.meterKind().name()), app.meterNo()));
        if (app.residential() != null && app.residential().paidCollectively()) {
            lines.add(I18n.text("ui.opening.summary.invoice", app.residential().feeInvoiceNo()));
        } else {
            lines.add(I18n.text("ui.opening.summary.fee", rules.feeLabel(app), rules.fee(app).format()));
        }
        if (rules.deposit(app).isPositive()) {
            lines.add(I18n.text("ui.opening.summary.deposit", rules.deposit(app).format()));
        }
        app.proxyOpt().ifPresent(p -> lines.add(I18n.text("ui.opening.summary.proxy", p.name(), p.maskedIdNumber())));
        app.bankDebitOpt().ifPresent(d -> lines.add(I18n.text("ui.opening.summary.debit",
                I18n.text("opening.bank." + d.bank().name()), d.maskedNumber(), d.accountName())));
        lines.add(I18n.text("ui.opening.summary.documents", String.join(I18n.text("opening.listSeparator"),
                app.ticked().stream().sorted().map(d -> I18n.text("opening.document." + d.name())).toList())));
        plan.ifPresentOrElse(p -> lines.add(I18n.text("ui.opening.summary.money", p.totalDue().format(),
                p.moneyReceived().format(), p.change().format())),
                () -> lines.add(I18n.text("ui.opening.summary.noMoney")));
        if (app.meterKind() == MeterKind.IC) {
            lines.add(I18n.text("ui.opening.summary.card"));
        }
        return lines;
    }

    /**
     * Enter in the summary: opens exactly what was summarised, through the shared checkout; then the
     * receipts, the business confirmation and the application form.
     */
    public void commit() {
        if (confirmedApp == null) {
            return;
        }
        OpeningApplication app = confirmedApp;
        PaymentInput tenders = confirmedTenders;
        take("ui.opening.committing",
                confirmed -> services.openings().open(cashier, app, tenders, services.reader(), timing().timer()),
                OpeningResult::payment, this::opened, "ui.opening.refused", this::printConfirmation);
    }

    private void opened(OpeningResult done) {
        timing().recorded();
        opened = done;
        accountNo.set(done.accountNo());
        OpeningApplication app = confirmedApp;
        done.cardSerial().ifPresent(s -> services.cardWritten().written(done.accountNo(), app.holder().name(),
                app.meterNo()));
        show(MessageKind.INFO, I18n.text("ui.opening.printing", done.accountNo()), null);
    }

    /** After the receipts (again on F9): the business confirmation, and the application form into the archive. */
    private void printConfirmation(ReceiptRun.Printed receipts, boolean again, Runnable done) {
        String receiptText = receiptText(receipts, again, I18n.text("ui.opening.noReceipt"));
        long accountId = opened.accountId();
        services.printerActivity().printingStarted();
        BackgroundTask.of(() -> {
                    String formText;
                    boolean formFailed = false;
                    try {
                        formText = I18n.text("ui.opening.formArchived", services.applicationForms()
                                .archive(services.openings().record(cashier, accountId), cashier).getFileName());
                    } catch (RuntimeException e) {
                        formText = I18n.text("ui.opening.formNotArchived", UiErrors.text(e));
                        formFailed = true;
                    }
                    try {
                        services.confirmations().print(cashier, accountId);
                        return new Papers(formText, formFailed, null);
                    } catch (RuntimeException e) {
                        return new Papers(formText, formFailed, e);
                    }
                })
                .onSuccess(papers -> {
                    services.printerActivity().printingFinished();
                    boolean printFailed = papers.printError() != null;
                    finish(receiptText, printFailed
                            ? I18n.text("ui.opening.confirmationNotPrinted", UiErrors.text(papers.printError()))
                            : I18n.text("ui.opening.confirmationPrinted"), papers.formText(),
                            printFailed || papers.formFailed() || !receiptsPrinted(receipts));
                    done.run();
                })
                .onFailure(error -> {
                    services.printerActivity().printingFinished();
                    finish(receiptText, I18n.text("ui.opening.confirmationNotPrinted", UiErrors.text(error)), "", true);
                    done.run();
                })
                .executeWith(executor);
    }

    private void finish(String receiptText, String confirmationText, String formText, boolean printFailed) {
        String card = cardText();
        result.set(String.join("\n", List.of(I18n.text("ui.opening.opened", opened.accountNo()), card, receiptText,
                confirmationText, formText).stream().filter(s -> !s.isEmpty()).toList()));
        boolean allWell = !opened.cardPending() && !printFailed;
        show(allWell ? MessageKind.INFO : MessageKind.ERROR, result.get(), null);
    }

    private String cardText() {
        if (opened.cardSerial().isPresent()) {
            return I18n.text("ui.opening.cardWritten", opened.cardSerial().get());
        }
        return opened.cardError().map(e -> I18n.text("ui.opening.cardNotWritten", UiErrors.text(e))).orElse("");
    }

    /** Whether F8 (write the card again) applies: an IC account whose first card was not written. */
    public boolean canWriteCard() {
        return state.get() == State.DONE && opened != null && opened.cardPending();
    }

    /** F8: writes the first card onto the blank card now in the reader. */
    public void writeCard() {
        if (!canWriteCard()) {
            return;
        }
        OpeningResult before = opened;
        state.set(State.WRITING_CARD);
        show(MessageKind.INFO, I18n.text("ui.opening.writingCard"), null);
        BackgroundTask.of(() -> services.openings().issueCard(cashier, services.reader(), before.accountId()))
                .onSuccess(serial -> {
                    opened = new OpeningResult(before.accountId(), before.accountNo(), before.payment(),
                            Optional.of(serial), Optional.empty());
                    services.cardWritten().written(before.accountNo(), confirmedApp.holder().name(),
                            confirmedApp.meterNo());
                    state.set(State.DONE);
                    show(MessageKind.INFO, I18n.text("ui.opening.cardWritten", serial) + "\n"
                            + I18n.text("ui.opening.reprintHint"), null);
                })
                .onFailure(error -> {
                    state.set(State.DONE);
                    show(MessageKind.ERROR, I18n.text("ui.opening.cardNotWritten", UiErrors.text(error)), null);
                })
                .executeWith(executor);
    }

    /** True while Esc must not leave the screen. */
    public boolean busy() {
        return checkout().busy() || state.get() == State.WRITING_CARD;
    }

    // ---- properties ----

    public ObjectProperty<AccountKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<MeterKind> meterKindProperty() {
        return meterKind;
    }

    public ObjectProperty<IdType> idTypeProperty() {
        return idType;
    }

    public ObjectProperty<FeeMode> feeModeProperty() {
        return feeMode;
    }

    public ObjectProperty<GasPurpose> purposeProperty() {
        return purpose;
    }

    public ObjectProperty<UnitNature> natureProperty() {
        return nature;
    }

    public ObjectProperty<Bank> bankProperty() {
        return bank;
    }

    public BooleanProperty proxyProperty() {
        return proxy;
    }

    public BooleanProperty debitProperty() {
        return debit;
    }

    /** Auto-debit from a bank card (Luhn-checked) rather than a passbook or corporate account. */
    public BooleanProperty debitByCardProperty() {
        return debitByCard;
    }

    public ReadOnlyStringProperty feeProperty() {
        return fee.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty depositProperty() {
        return deposit.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dueProperty() {
        return due.getReadOnlyProperty();
    }

    /** The new account number once opened. */
    public ReadOnlyStringProperty accountNoProperty() {
        return accountNo.getReadOnlyProperty();
    }

    /** The opening as it ended, for tests. */
    Optional<OpeningResult> opened() {
        return Optional.ofNullable(opened);
    }
}
