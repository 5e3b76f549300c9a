package io.counterdesk.account.transfer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.account.opening.Applications;
import io.counterdesk.account.opening.Document;
import io.counterdesk.account.transfer.ui.TransferViewModel.Field;
import io.counterdesk.account.transfer.ui.TransferViewModel.State;
import io.counterdesk.app.CounterDesk;
import io.counterdesk.payment.DueBill;
import io.counterdesk.printing.PaperWidth;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.ChineseAmount;
import io.counterdesk.shared.Money;
import io.counterdesk.ui.CounterServiceClock;
import io.counterdesk.ui.CurrentThreadTaskExecutor;
import io.counterdesk.ui.MessageKind;
import io.counterdesk.ui.PrinterActivity;
import io.counterdesk.ui.ServiceClock;
import io.counterdesk.ui.StatusBarModel;
import io.counterdesk.ui.TestBackend;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transfer form on the real back end: the account read, checked as typed, short money refused with the form kept,
 * the change worked out, only the documents the case needs taken, and its service time abandoned when it is left.
 */
class TransferViewModelTest {

    @TempDir
    Path directory;

    private CounterDesk desk;
    private Operator cashier;
    private TransferViewModel model;
    private TestBackend.Owing owing;
    private Money arrears;

    @BeforeEach
    void openTheCounter() {
        desk = TestBackend.start(directory);
        cashier = TestBackend.login(desk, "1001");
        desk.tills().open(cashier, Money.ofYuan(500));
        owing = TestBackend.owing(desk, cashier, o -> true).get(0);
        arrears = owing.bills().stream().map(DueBill::total).reduce(Money.ZERO, Money::plus);
        model = form(ServiceClock.NONE);
    }

    private TransferViewModel form(ServiceClock serviceClock) {
        return new TransferViewModel(new CurrentThreadTaskExecutor(), new TransferViewModel.Services(desk.transfers(),
                desk.transferConfirmations(), desk.receiptPrinting(), PrinterActivity.NONE, PaperWidth.MM80, serviceClock),
                cashier);
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void anUnknownAccountIsRefusedAndAnOwingOneShowsItsArrearsFirst() {
        model.text(Field.ACCOUNT_NO).set("3399999999");
        model.findAccount();
        assertThat(model.stateProperty().get()).isEqualTo(State.ACCOUNT);
        assertThat(model.invalidFieldProperty().get()).isEqualTo(Field.ACCOUNT_NO);

        model.text(Field.ACCOUNT_NO).set(owing.accountNo());
        model.findAccount();
        assertThat(model.stateProperty().get()).isEqualTo(State.EDITING);
        assertThat(model.arrearsProperty().get()).isEqualTo(arrears.format());
        assertThat(model.messageProperty().get()).contains("须先缴清");
        assertThat(model.requiredDocuments()).containsExactly(Document.HOLDER_ID, Document.PROPERTY_PROOF,
                Document.FEE_INVOICE);
    }

    @Test
    void theNewHolderIsCheckedAsTypedAndShortMoneyKeepsTheForm() throws Exception {
        model.text(Field.ACCOUNT_NO).set(owing.accountNo());
        model.findAccount();
        model.text(Field.NAME).set("陈静");
        model.text(Field.ID_NUMBER).set("110105194912310022");
        assertThat(model.invalidFieldProperty().get()).isEqualTo(Field.ID_NUMBER);
        model.text(Field.ID_NUMBER).set(Applications.RESIDENT_ID);
        model.text(Field.PHONE).set("13700001111");
        assertThat(model.messageKindProperty().get()).isNotEqualTo(MessageKind.ERROR);
        for (Document d : model.requiredDocuments()) {
            model.ticked(d).set(true);
        }
        model.text(Field.CASH).set(arrears.minus(Money.ofFen(1)).toPlainString());
        model.confirm();
        assertThat(model.stateProperty().get()).isEqualTo(State.EDITING);
        assertThat(model.messageProperty().get()).contains("须先缴清欠费", "¥0.01");

        model.text(Field.CASH).set(arrears.toPlainString());
        model.confirm();
        assertThat(model.stateProperty().get()).isEqualTo(State.CONFIRMING);
        model.commit();
        assertThat(model.stateProperty().get()).isEqualTo(State.DONE);
        assertThat(model.messageProperty().get()).contains("已过户", "陈静");
        assertThat(desk.accounts().detail(TestBackend.login(desk, "1002"), owing.accountId()).account().holder()
                .name()).isEqualTo("陈静");

        // the arrears' payment is the shared checkout's outcome: F9 prints its copies, then the confirmation
        io.counterdesk.printing.CapturePrinter capture = desk.printer().capturePrinter().orElseThrow();
        io.counterdesk.checkout.ui.Outcome outcome = model.checkout().outcomeProperty().get();
        assertThat(outcome.result().accountNo()).isEqualTo(owing.accountNo());
        int receipts = outcome.receipts().size();
        int printed = capture.awaitJobs(receipts + 1, java.time.Duration.ofSeconds(10)).size();
        model.printAgain();
        java.util.List<io.counterdesk.printing.CapturedJob> jobs = capture.awaitJobs(printed + receipts + 1,
                java.time.Duration.ofSeconds(10));
        assertThat(jobs.get(printed).text()).contains("重打", outcome.receipts().get(0).receipt().formattedNumber());
        assertThat(model.messageProperty().get()).contains("已过户", "业务回执已打印");
    }

    @Test
    void theChangeIsWhatIsHandedOverBeyondTheArrearsButNeverMoreThanTheCash() {
        accountAndNewHolder();
        Money cash = arrears.plus(Money.parse("100.50"));
        model.text(Field.CASH).set(cash.toPlainString());
        assertThat(model.receivedProperty().get()).isEqualTo(cash.format());
        assertThat(model.changeProperty().get()).isEqualTo("¥100.50");
        assertThat(model.changeInWordsProperty().get()).isEqualTo("找零大写：" + ChineseAmount.of(Money.parse("100.50")));

        model.text(Field.CASH).set(arrears.toPlainString());
        assertThat(model.changeProperty().get()).isEqualTo("¥0.00");
        assertThat(model.changeInWordsProperty().get()).as("nothing to hand back, nothing to say").isEmpty();

        // the card pays the arrears: all the cash comes back
        model.text(Field.CASH).set("20");
        model.text(Field.CARD_AMOUNT).set(arrears.toPlainString());
        model.text(Field.CARD_REFERENCE).set("POS-0001");
        assertThat(model.receivedProperty().get()).isEqualTo(arrears.plus(Money.ofYuan(20)).format());
        assertThat(model.changeProperty().get()).isEqualTo("¥20.00");
        // more on the card than owed: no more than the cash handed over is handed back
        model.text(Field.CARD_AMOUNT).set(arrears.plus(Money.ofYuan(10)).toPlainString());
        model.text(Field.CASH).set("5");
        assertThat(model.changeProperty().get()).isEqualTo("¥5.00");

        model.text(Field.CARD_AMOUNT).set("");
        model.text(Field.CARD_REFERENCE).set("");
        model.text(Field.CASH).set(cash.toPlainString());
        tick(Document.HOLDER_ID, Document.PROPERTY_PROOF, Document.FEE_INVOICE);
        model.confirm();
        assertThat(model.stateProperty().get()).isEqualTo(State.CONFIRMING);
        assertThat(model.summaryLines()).contains("先收欠费 " + arrears.format() + " · 实收 " + cash.format()
                + " · 找零 ¥100.50");
    }

    @Test
    void onlyTheDocumentsTheTransferNeedsAreTakenAndAMissingOneIsNamed() {
        accountAndNewHolder();
        model.text(Field.CASH).set(arrears.toPlainString());
        tick(Document.HOLDER_ID, Document.FEE_INVOICE, Document.BUSINESS_LICENCE); // a licence: not a household's paper
        model.confirm();
        assertThat(model.stateProperty().get()).isEqualTo(State.EDITING);
        assertThat(model.invalidFieldProperty().get()).isEqualTo(Field.DOCUMENTS);
        assertThat(model.messageProperty().get()).isEqualTo("还缺以下过户资料，未勾选前不能过户：房屋产权证或购房合同");

        // someone acts for the new holder: his ID is needed too, and goes again when nobody does
        model.proxyProperty().set(true);
        assertThat(model.requiredDocuments()).containsExactly(Document.HOLDER_ID, Document.PROPERTY_PROOF,
                Document.FEE_INVOICE, Document.PROXY_ID);
        model.proxyProperty().set(false);
        assertThat(model.requiredDocuments()).doesNotContain(Document.PROXY_ID);

        tick(Document.PROPERTY_PROOF);
        model.confirm();
        assertThat(model.stateProperty().get()).isEqualTo(State.CONFIRMING);
        assertThat(model.summaryLines()).contains("已收资料：户主（委托人）身份证复印件、房屋产权证或购房合同、报装费发票原件");
        assertThat(String.join("\n", model.summaryLines())).doesNotContain("营业执照");
        model.commit();
        assertThat(model.stateProperty().get()).isEqualTo(State.DONE);
        long transferId = desk.database().read(tx -> tx.handle().createQuery("SELECT MAX(id) FROM account_transfer")
                .mapTo(Long.class).one());
        assertThat(desk.transfers().record(cashier, transferId).documents()).containsExactly(Document.HOLDER_ID,
                Document.PROPERTY_PROOF, Document.FEE_INVOICE);
    }

    @Test
    void leavingTheFormUnfinishedAbandonsItsServiceTimeAndChecksNothingMore() {
        StatusBarModel status = new StatusBarModel(desk.config().clock());
        CounterServiceClock serviceClock = new CounterServiceClock(new CurrentThreadTaskExecutor(), desk.serviceTimes(),
                cashier, status, desk.config().clock());
        TransferViewModel left = form(serviceClock);
        assertThat(status.serviceTimeProperty().get()).startsWith("过户 ·");
        left.text(Field.ACCOUNT_NO).set(owing.accountNo());
        left.findAccount();
        left.text(Field.NAME).set("陈静");

        left.dispose();
        assertThat(status.serviceTimeProperty().get()).as("the status bar times nothing any more").isEmpty();
        left.text(Field.PHONE).set("123");
        assertThat(left.messageKindProperty().get()).as("a left form is not checked").isNotEqualTo(MessageKind.ERROR);
        assertThat(desk.serviceTimes().day(TestBackend.login(desk, "1002"), LocalDate.now(desk.config().clock())))
                .as("an abandoned business is not stored").isEmpty();
    }

    /** The owing account found, and a new holder (陈静) typed who reads. */
    private void accountAndNewHolder() {
        model.text(Field.ACCOUNT_NO).set(owing.accountNo());
        model.findAccount();
        model.text(Field.NAME).set("陈静");
        model.text(Field.ID_NUMBER).set(Applications.RESIDENT_ID);
        model.text(Field.PHONE).set("13700001111");
        assertThat(model.messageKindProperty().get()).isNotEqualTo(MessageKind.ERROR);
    }

    private void tick(Document... documents) {
        for (Document d : documents) {
            model.ticked(d).set(true);
        }
    }
}
