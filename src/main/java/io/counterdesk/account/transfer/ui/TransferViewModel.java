package io.counterdesk.account.transfer.ui;

import io.counterdesk.checkout.CheckoutField;
import io.counterdesk.checkout.Tenders;
import io.counterdesk.account.AccountKind;
import io.counterdesk.account.Holder;
import io.counterdesk.account.IdType;
import io.counterdesk.account.opening.Document;
import io.counterdesk.account.opening.Person;
import io.counterdesk.account.transfer.TransferApplication;
import io.counterdesk.account.transfer.TransferConfirmations;
import io.counterdesk.account.transfer.TransferResult;
import io.counterdesk.account.transfer.TransferService;
import io.counterdesk.payment.MoneyTender;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.account.opening.ui.AccountFormModel;
import io.counterdesk.checkout.TypedTenders;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The transfer form (过户, Ctrl+T): the account (Enter reads its holder and what it owes), the new
 * holder, who acts for them, the documents, and the tenders for the arrears. Checked as typed; F12
 * shows the summary; Enter there pays the arrears and transfers in one commit, then the receipt and
 * the business confirmation (过户业务回执) print (F9 prints them again). A refusal keeps everything typed.
 */
public final class TransferViewModel extends AccountFormModel<TransferViewModel.Field, TransferViewModel.State> {

    /** Where the screen is: the transfer's own steps and the checkout's ({@code CheckoutFlow.Step}). */
    public enum State {
        /** The account number is typed (Enter reads it). */
        ACCOUNT,
        READING,
        EDITING,
        /** Not used: the summary is made at once from the account read. */
        CHECKING,
        /** The summary is shown; Enter transfers. */
        CONFIRMING,
        COMMITTING,
        /** The arrears' receipts, then the business confirmation. */
        PRINTING,
        DONE
    }

    /** The inputs. */
    public enum Field {
        ACCOUNT_NO, NAME, ID_NUMBER, PHONE, PROXY_NAME, PROXY_ID, DOCUMENTS, CASH, CARD_AMOUNT, CARD_REFERENCE
    }

    /** What the screen works with, wired by the application. */
    public record Services(TransferService transfers, TransferConfirmations confirmations, ReceiptPrinting printing,
                           PrinterActivity printerActivity, PaperWidth paper, ServiceClock serviceClock) {
        public Services {
            Objects.requireNonNull(transfers);
            Objects.requireNonNull(confirmations);
            Objects.requireNonNull(printing);
            Objects.requireNonNull(printerActivity);
            Objects.requireNonNull(paper);
            Objects.requireNonNull(serviceClock);
        }
    }

    private final TaskExecutor executor;
    private final Services services;
    private final Operator cashier;

    private final ReadOnlyObjectWrapper<State> state = state();
    private final ObjectProperty<IdType> idType = new SimpleObjectProperty<>(IdType.RESIDENT_ID);
    private final BooleanProperty proxy = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper currentHolder = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper card = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper arrears = new ReadOnlyStringWrapper("");

    private TransferService.Standing standing;
    private TransferResult done;
    private TransferApplication confirmed;
    private PaymentInput confirmedTenders;

    public TransferViewModel(TaskExecutor executor, Services services, Operator cashier) {
        super(Field.class, Field.DOCUMENTS, State.ACCOUNT, executor,
                new ReceiptRun(executor, services.printing(), services.printerActivity(),
                        new PreviewRenderer(services.paper()), cashier),
                services.serviceClock().start(CounterBusiness.TRANSFER));
        this.executor = Objects.requireNonNull(executor);
        this.services = Objects.requireNonNull(services);
        this.cashier = Objects.requireNonNull(cashier);
        whenEdited(this::changed, Field.ACCOUNT_NO);
        idType.addListener((obs, was, now) -> changed());
        proxy.addListener((obs, was, now) -> changed());
    }

    /** Enter on the account number: reads the account, its holder and what it owes. */
    public void findAccount() {
        State s = state.get();
        if (s != State.ACCOUNT && s != State.EDITING) {
            return;
        }
        String accountNo = value(Field.ACCOUNT_NO);
        if (accountNo.isEmpty()) {
            show(MessageKind.ERROR, I18n.text("account.no.invalid"), Field.ACCOUNT_NO);
            return;
        }
        state.set(State.READING);
        BackgroundTask.of(() -> services.transfers().standing(cashier, accountNo))
                .onSuccess(found -> {
                    standing = found;
                    currentHolder.set(Masking.name(found.account().holder().name()) + " "
                            + found.account().holder().maskedIdNumber());
                    address.set(found.account().address().text());
                    card.set(found.account().cardSerial() == null ? I18n.text("ui.none")
                            : I18n.text("ui.transfer.cardStays", found.account().cardSerial()));
                    arrears.set(found.arrears().format());
                    idType.set(found.account().kind() == AccountKind.NON_RESIDENTIAL ? IdType.CREDIT_CODE
                            : IdType.RESIDENT_ID);
                    state.set(State.EDITING);
                    show(found.arrears().isPositive() ? MessageKind.INFO : MessageKind.NONE,
                            found.arrears().isPositive() ? I18n.text("ui.transfer.arrearsFirst",
                                    found.bills().size(), found.arrears().format()) : "", null);
                    changed();
                })
                .onFailure(error -> {
                    standing = null;
                    state.set(State.ACCOUNT);
                    show(MessageKind.ERROR, UiErrors.text(error), Field.ACCOUNT_NO);
                })
                .executeWith(executor);
    }

    private void changed() {
        if (disposed()) {
            return;
        }
        boolean business = standing != null && standing.account().kind() == AccountKind.NON_RESIDENTIAL;
        List<Document> docs = List.copyOf(TransferApplication.required(business ? AccountKind.NON_RESIDENTIAL
                : AccountKind.RESIDENTIAL, proxy.get()));
        requireDocuments(docs);
        if (state.get() == State.EDITING) {
            check(false);
        }
    }

    /** Checks the form; shows the first problem or the money figures. Returns the application when whole. */
    private TransferApplication check(boolean all) {
        List<Object[]> problems = new ArrayList<>();
        Holder holder = null;
        for (Field f : List.of(Field.NAME, Field.ID_NUMBER, Field.PHONE)) {
            if (all && value(f).isEmpty()) {
                problems.add(new Object[] {f, I18n.text(f == Field.NAME ? "account.holder.nameRequired"
                        : f == Field.PHONE ? "ui.opening.error.phone" : "ui.opening.error.idNumber")});
            }
        }
        // a name the holder's rules refuse is blamed on the name, not on the ID beside it
        attempt(problems, Field.NAME, () -> value(Field.NAME).isEmpty() ? null : Holder.cleanName(value(Field.NAME)));
        attempt(problems, Field.ID_NUMBER, () -> value(Field.ID_NUMBER).isEmpty() ? null
                : idType.get().validate(value(Field.ID_NUMBER)));
        attempt(problems, Field.PHONE, () -> {
            if (!value(Field.PHONE).isEmpty()) {
                io.counterdesk.shared.PhoneNumber.validate(value(Field.PHONE));
            }
            return null;
        });
        if (problems.isEmpty() && !value(Field.NAME).isEmpty() && !value(Field.ID_NUMBER).isEmpty()
                && !value(Field.PHONE).isEmpty()) {
            holder = (Holder) attempt(problems, Field.ID_NUMBER, () -> new Holder(value(Field.NAME), idType.get(),
                    value(Field.ID_NUMBER), value(Field.PHONE)));
        }
        Person proxyPerson = null;
        if (proxy.get()) {
            if (all && (value(Field.PROXY_NAME).isEmpty() || value(Field.PROXY_ID).isEmpty())) {
                problems.add(new Object[] {value(Field.PROXY_NAME).isEmpty() ? Field.PROXY_NAME : Field.PROXY_ID,
                        I18n.text(value(Field.PROXY_NAME).isEmpty() ? "opening.person.nameRequired"
                                : "ui.opening.error.idNumber")});
            }
            if (!value(Field.PROXY_ID).isEmpty()) {
                attempt(problems, Field.PROXY_ID, () -> IdType.RESIDENT_ID.validate(value(Field.PROXY_ID)));
            }
            if (!value(Field.PROXY_NAME).isEmpty() && !value(Field.PROXY_ID).isEmpty()) {
                proxyPerson = (Person) attempt(problems, Field.PROXY_ID, () -> new Person(value(Field.PROXY_NAME),
                        IdType.RESIDENT_ID, value(Field.PROXY_ID)));
            }
        }
        PaymentInput tenders = tenders(problems);
        showReceived("");
        clearChange();
        if (tenders != null && standing != null) {
            Money got = tenders.bankTenders().stream().map(MoneyTender::amount).reduce(tenders.cashReceived(),
                    Money::plus);
            showReceived(got.format());
            Money back = got.minus(standing.arrears());
            if (back.isNegative()) {
                if (all) {
                    problems.add(new Object[] {Field.CASH, I18n.text("opening.transfer.arrears.unpaid",
                            back.negate().format())});
                }
            } else {
                showChange(back.min(tenders.cashReceived()));
            }
        }
        TransferApplication app = null;
        if (holder != null && (!proxy.get() || proxyPerson != null) && problems.isEmpty()) {
            app = new TransferApplication(holder, proxyPerson, tickedRequired());
            if (all && standing != null) {
                TransferApplication checked = app;
                attempt(problems, Field.DOCUMENTS, () -> {
                    checked.check(standing.account().kind());
                    return null;
                });
            }
        }
        if (!problems.isEmpty()) {
            show(MessageKind.ERROR, (String) problems.get(0)[1], (Field) problems.get(0)[0]);
            return null;
        }
        clearError();
        confirmedTenders = tenders;
        return app;
    }

    private PaymentInput tenders(List<Object[]> problems) {
        try {
            return TypedTenders.read(value(Field.CASH), value(Field.CARD_AMOUNT), value(Field.CARD_REFERENCE),
                    PaymentInput.Bills.ALL);
        } catch (Tenders.Invalid invalid) {
            problems.add(new Object[] {invalid.field() == CheckoutField.CASH ? Field.CASH
                    : invalid.field() == CheckoutField.CARD_AMOUNT ? Field.CARD_AMOUNT : Field.CARD_REFERENCE,
                    invalid.getMessage()});
            return null;
        } catch (BusinessException refused) {
            problems.add(new Object[] {Field.CARD_REFERENCE, refused.getMessage()});
            return null;
        }
    }

    private Object attempt(List<Object[]> problems, Field field, java.util.function.Supplier<Object> work) {
        try {
            return work.get();
        } catch (BusinessException refused) {
            problems.add(new Object[] {field, refused.getMessage()});
            return null;
        }
    }

    /** F12: checks everything and shows the summary; nothing is written. */
    public void confirm() {
        if (state.get() != State.EDITING || standing == null) {
            return;
        }
        TransferApplication app = check(true);
        if (app == null) {
            refuseIncomplete();
            return;
        }
        confirmed = app;
        List<String> lines = new ArrayList<>();
        lines.add(I18n.text("ui.transfer.summary.account", standing.account().accountNo(), address.get()));
        lines.add(I18n.text("ui.transfer.summary.from", currentHolder.get()));
        lines.add(I18n.text("ui.transfer.summary.to", app.newHolder().name(),
                I18n.text("account.idType." + app.newHolder().idType().name()), app.newHolder().maskedIdNumber(),
                app.newHolder().phone()));
        if (app.proxy() != null) {
            lines.add(I18n.text("ui.opening.summary.proxy", app.proxy().name(), app.proxy().maskedIdNumber()));
        }
        lines.add(standing.arrears().isPositive()
                ? I18n.text("ui.transfer.summary.arrears", standing.arrears().format(),
                        receivedProperty().get(), changeProperty().get())
                : I18n.text("ui.transfer.summary.noArrears"));
        lines.add(I18n.text("ui.opening.summary.documents", String.join(I18n.text("opening.listSeparator"),
                app.ticked().stream().sorted().map(d -> I18n.text("opening.document." + d.name())).toList())));
        if (standing.account().cardSerial() != null) {
            lines.add(card.get());
        }
        confirmSummary(lines, null, confirmedTenders);
    }

    /**
     * Enter in the summary: pays the arrears and transfers, in one commit, through the shared checkout;
     * then the arrears' receipts and the business confirmation print.
     */
    public void commit() {
        if (confirmed == null) {
            return;
        }
        TransferApplication app = confirmed;
        PaymentInput tenders = confirmedTenders;
        long accountId = standing.account().id();
        take("ui.transfer.committing",
                taken -> services.transfers().transfer(cashier, accountId, app, tenders, timing().timer()),
                TransferResult::arrearsPayment, this::transferred, "ui.transfer.refused", this::printConfirmation);
    }

    private void transferred(TransferResult result) {
        timing().recorded();
        done = result;
    }

    /** After the arrears' receipts (none when nothing was owed; again on F9): the business confirmation (过户业务回执). */
    private void printConfirmation(ReceiptRun.Printed receipts, boolean again, Runnable finished) {
        String receiptText = receiptText(receipts, again, "");
        long transferId = done.transferId();
        services.printerActivity().printingStarted();
        BackgroundTask.of(() -> services.confirmations().print(cashier, transferId))
                .onSuccess(printed -> {
                    services.printerActivity().printingFinished();
                    finish(receiptText, receiptsPrinted(receipts), null);
                    finished.run();
                })
                .onFailure(error -> {
                    services.printerActivity().printingFinished();
                    finish(receiptText, receiptsPrinted(receipts), error);
                    finished.run();
                })
                .executeWith(executor);
    }

    private void finish(String receiptText, boolean receiptsPrinted, Throwable printError) {
        String confirmation = printError == null ? I18n.text("ui.opening.confirmationPrinted")
                : I18n.text("ui.opening.confirmationNotPrinted", UiErrors.text(printError));
        boolean allWell = printError == null && receiptsPrinted;
        show(allWell ? MessageKind.INFO : MessageKind.ERROR, String.join("\n", List.of(
                I18n.text("ui.transfer.done", done.accountNo(), confirmed.newHolder().name()), receiptText,
                confirmation).stream().filter(t -> !t.isEmpty()).toList()), null);
    }

    public boolean busy() {
        return checkout().busy() || state.get() == State.READING;
    }

    // ---- properties ----

    public ObjectProperty<IdType> idTypeProperty() {
        return idType;
    }

    public BooleanProperty proxyProperty() {
        return proxy;
    }

    /** The current holder, masked name and ID. */
    public ReadOnlyStringProperty currentHolderProperty() {
        return currentHolder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty addressProperty() {
        return address.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cardProperty() {
        return card.getReadOnlyProperty();
    }

    /** 欠费（含滞纳金）: what must be paid before the transfer. */
    public ReadOnlyStringProperty arrearsProperty() {
        return arrears.getReadOnlyProperty();
    }
}
