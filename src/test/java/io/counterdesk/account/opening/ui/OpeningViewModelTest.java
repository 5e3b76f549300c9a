package io.counterdesk.account.opening.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.account.AccountKind;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.opening.Applications;
import io.counterdesk.account.opening.Document;
import io.counterdesk.account.opening.ui.OpeningViewModel.Field;
import io.counterdesk.account.opening.ui.OpeningViewModel.State;
import io.counterdesk.app.CounterDesk;
import io.counterdesk.card.virtual.DemoCards;
import io.counterdesk.printing.CapturePrinter;
import io.counterdesk.printing.PrinterStatus;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.Money;
import io.counterdesk.ui.CurrentThreadTaskExecutor;
import io.counterdesk.ui.MessageKind;
import io.counterdesk.ui.PrinterActivity;
import io.counterdesk.ui.ServiceClock;
import io.counterdesk.ui.TestBackend;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The opening form on the real back end (demo hall, simulated reader, capture printer): checked as
 * typed, nothing written before Enter in the summary, and whatever fails — the database refusing, the
 * card, the printer — everything typed stays or the business finishes later.
 */
class OpeningViewModelTest {

    @TempDir
    Path directory;

    private CounterDesk desk;
    private Operator cashier;
    private DemoCards demo;
    private CapturePrinter capture;
    private OpeningViewModel model;

    @BeforeEach
    void openTheCounter() {
        desk = TestBackend.start(directory);
        cashier = TestBackend.login(desk, "1001");
        desk.tills().open(cashier, Money.ofYuan(500));
        capture = desk.printer().capturePrinter().orElseThrow();
        demo = desk.demoCards().orElseThrow();
        model = new OpeningViewModel(new CurrentThreadTaskExecutor(), new OpeningViewModel.Services(desk.openings(),
                desk.openingConfirmations(), desk.cardReader(), desk.receiptPrinting(), PrinterActivity.NONE,
                io.counterdesk.printing.PaperWidth.MM80, ServiceClock.NONE, OpeningViewModel.CardKeeper.NONE,
                (opening, who) -> desk.reportPdfs().archiveApplication(opening, who, desk.reportArchive())),
                cashier);
        model.load();
    }

    @AfterEach
    void close() {
        desk.close();
    }

    /** Issue 15 §1: Esc on a half-filled form asks before the input is thrown away (the shell's one rule). */
    @Test
    void escOnAHalfFilledFormAsksFirstAndASecondEscLeaves() {
        io.counterdesk.ui.LeaveAsk esc = new io.counterdesk.ui.LeaveAsk();
        assertThat(model.typedInput(true)).as("nothing typed").isEmpty();
        assertThat(esc.stay(model, model.typedInput(true))).as("nothing typed: Esc leaves at once").isFalse();
        model.text(Field.HOLDER_NAME).set("李明");
        assertThat(esc.stay(model, model.typedInput(true))).as("something typed: the first Esc stays").isTrue();
        assertThat(io.counterdesk.ui.LeaveAsk.question())
                .isEqualTo("已填写的内容会丢失：再按一次 Esc 放弃并离开；要继续填写，接着输入即可");
        assertThat(model.text(Field.HOLDER_NAME).get()).as("nothing thrown away").isEqualTo("李明");
        model.text(Field.PHONE).set("13912345678");
        assertThat(esc.stay(model, model.typedInput(true))).as("typing in between asks again").isTrue();
        assertThat(esc.stay(model, model.typedInput(true))).as("the second Esc leaves").isFalse();
        model.text(Field.PHONE).set("");
        model.ticked(io.counterdesk.account.opening.Document.values()[0]).set(true);
        assertThat(model.typedInput(true)).as("a ticked document counts").contains(
                io.counterdesk.account.opening.Document.values()[0].name());
        assertThat(model.typedInput(false)).as("not editing (done, summary): no question").isEmpty();
    }

    @Test
    void eachFieldIsCheckedAsItIsTypedAndTheFiguresFollow() {
        assertThat(model.stateProperty().get()).isEqualTo(State.EDITING);
        model.text(Field.HOLDER_ID).set("110105194912310022");
        assertThat(model.invalidFieldProperty().get()).isEqualTo(Field.HOLDER_ID);
        assertThat(model.messageProperty().get()).contains("校验位");
        model.text(Field.HOLDER_ID).set(Applications.RESIDENT_ID);
        assertThat(model.messageKindProperty().get()).isNotEqualTo(MessageKind.ERROR);

        household("M-VM-0001", "3000");
        assertThat(model.feeProperty().get()).isEqualTo("¥2,400.00");
        assertThat(model.changeProperty().get()).isEqualTo("¥600.00");
        model.feeModeProperty().set(OpeningViewModel.FeeMode.VILLA);
        assertThat(model.dueProperty().get()).isEqualTo("¥4,000.00");
        assertThat(model.messageProperty().get()).contains("报装费（别墅）")          // 3000 does not pay 4000
                .endsWith("实收还差 ¥1,000.00");

        model.kindProperty().set(AccountKind.NON_RESIDENTIAL);
        assertThat(model.idTypeProperty().get()).as("an organisation shows its credit code")
                .hasToString("CREDIT_CODE");
        assertThat(model.requiredDocuments()).containsExactly(Document.BUSINESS_LICENCE, Document.LEGAL_REP_ID,
                Document.APPLICATION_FORM);
        // issue 15: the resident ID typed for the household is not read as a credit code: it goes, and the screen says so
        assertThat(model.text(Field.HOLDER_ID).get()).isEmpty();
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.INFO);
        assertThat(model.messageProperty().get()).isEqualTo("证件类型改为统一社会信用代码：已清除原居民身份证号码 "
                + Applications.RESIDENT_ID + "，请输入统一社会信用代码");
        model.text(Field.HOLDER_ID).set(Applications.CREDIT_CODE);
        model.text(Field.KW).set("12.5x");
        assertThat(model.invalidFieldProperty().get()).isEqualTo(Field.KW);
        model.debitProperty().set(true);
        model.text(Field.DEBIT_NUMBER).set("6222021234567890129");
        assertThat(model.messageProperty().get()).as("the kW first").contains("燃气具功率");
        model.text(Field.KW).set("12.5");
        assertThat(model.messageProperty().get()).as("a Luhn slip is caught as typed").contains("银行卡号校验位");
        model.text(Field.DEBIT_NUMBER).set(Applications.BANK_CARD);
        model.text(Field.LEGAL_NAME).set("赵强");
        model.text(Field.LEGAL_ID).set(Applications.LEGAL_REP_ID);
        model.text(Field.DEBIT_NAME).set("杭州味道餐饮有限公司");
        model.text(Field.CASH).set("4500");
        assertThat(model.feeProperty().get()).isEqualTo("¥3,500.00");
        assertThat(model.depositProperty().get()).isEqualTo("¥1,000.00");
        assertThat(model.changeProperty().get()).isEqualTo("¥0.00");
    }

    /**
     * Issue 15 §1: a name or an address part the rules refuse is blamed on its own field (it was blamed
     * on the ID number and the district), and no fee is quoted meanwhile. A tender typed wrong does not
     * change the fee: it stays quoted, the change does not.
     */
    @Test
    void aRefusedNameOrAddressPartIsBlamedOnItsOwnFieldAndNoFeeIsQuotedMeanwhile() {
        household("M-VM-0002", "3000");
        assertThat(model.feeProperty().get()).isEqualTo("¥2,400.00");
        model.text(Field.HOLDER_NAME).set("李".repeat(101));
        assertThat(model.invalidFieldProperty().get()).isEqualTo(Field.HOLDER_NAME);
        assertThat(model.messageProperty().get()).contains("户主姓名");
        assertThat(model.feeProperty().get()).isEmpty();
        assertThat(model.dueProperty().get()).isEmpty();
        model.text(Field.HOLDER_NAME).set("李明");
        model.text(Field.ROOM).set("12345678901");
        assertThat(model.invalidFieldProperty().get()).isEqualTo(Field.ROOM);
        assertThat(model.messageProperty().get()).contains("室号");
        assertThat(model.feeProperty().get()).isEmpty();
        model.text(Field.ROOM).set("1201");
        assertThat(model.invalidFieldProperty().get()).isNull();
        assertThat(model.feeProperty().get()).isEqualTo("¥2,400.00");
        model.text(Field.CASH).set("abc");
        assertThat(model.invalidFieldProperty().get()).isEqualTo(Field.CASH);
        assertThat(model.feeProperty().get()).isEqualTo("¥2,400.00");
        assertThat(model.changeProperty().get()).isEmpty();
    }

    @Test
    void theSummaryNeedsEveryDocumentAndARefusalAtTheCommitKeepsEverythingTyped() throws Exception {
        household("8000000001", "3000");                                   // a demo account's meter
        model.ticked(Document.PROPERTY_PROOF).set(false);
        model.confirm();
        assertThat(model.stateProperty().get()).isEqualTo(State.EDITING);
        assertThat(model.invalidFieldProperty().get()).isEqualTo(Field.DOCUMENTS);
        assertThat(model.messageProperty().get()).contains("房屋产权证或购房合同");

        model.ticked(Document.PROPERTY_PROOF).set(true);
        model.confirm();
        assertThat(model.stateProperty().get()).isEqualTo(State.CONFIRMING);
        assertThat(model.summaryLines()).contains("应收 ¥2,400.00 · 实收 ¥3,000.00 · 找零 ¥600.00");
        model.commit();

        assertThat(model.stateProperty().get()).isEqualTo(State.EDITING);
        assertThat(model.messageProperty().get()).contains("未开户", "已属于户号");
        assertThat(model.text(Field.HOLDER_NAME).get()).isEqualTo("李明");
        assertThat(model.text(Field.CASH).get()).isEqualTo("3000");
        assertThat(capture.jobs()).isEmpty();

        model.text(Field.METER_NO).set("M-VM-0002");
        model.confirm();
        model.commit();
        assertThat(model.stateProperty().get()).isEqualTo(State.DONE);
        assertThat(model.accountNoProperty().get()).matches("33[0-9]{8}");

        // the gas application form (用气申请书) went into the day's archive folder
        String accountNo = model.accountNoProperty().get();
        // the archive's days are the hall's (hall.time_zone), not the machine's: 17:00 UTC is already tomorrow in Hangzhou
        java.nio.file.Path form = desk.reportArchive().day(java.time.LocalDate.now(desk.config().clock()
                        .withZone(desk.hallZone())))
                .resolve("application-" + accountNo + ".pdf");
        assertThat(model.messageProperty().get()).contains("用气申请书已存档（application-" + accountNo + ".pdf）");
        byte[] pdf = java.nio.file.Files.readAllBytes(form);
        assertThat(io.counterdesk.report.pdf.PdfFiles.text(pdf)).contains("用气申请书", accountNo, "李明", "M-VM-0002",
                "¥2,400.00", "房屋产权证或购房合同", "申请人声明");
        assertThat(io.counterdesk.report.pdf.PdfFiles.pdfA2bFailures(pdf)).isEmpty();
        io.counterdesk.report.pdf.PdfFiles.keep("application-form.pdf", pdf);
    }

    @Test
    void aCardThatDidNotTakeIsWrittenAgainWithF8AndAPrinterOutOfPaperPrintsLaterWithF9() throws Exception {
        demo.insertBlank().tearUpdate(1, 0);
        model.meterKindProperty().set(MeterKind.IC);
        household("M-VM-0003", "2400");
        capture.simulate(PrinterStatus.PAPER_OUT);
        model.confirm();
        model.commit();

        assertThat(model.stateProperty().get()).isEqualTo(State.DONE);
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        assertThat(model.messageProperty().get()).contains("IC 卡没有写成", "F8", "业务回执没有打印出来");
        assertThat(model.canWriteCard()).isTrue();

        demo.insertBlank();
        model.writeCard();
        assertThat(model.canWriteCard()).isFalse();
        assertThat(model.messageProperty().get()).contains("IC 卡已写好");
        assertThat(desk.cardReader().read().issued().accountNo()).isEqualTo(model.accountNoProperty().get());

        capture.simulate(PrinterStatus.ONLINE);
        model.printAgain();
        assertThat(model.stateProperty().get()).isEqualTo(State.DONE);
        assertThat(model.messageProperty().get()).contains("业务回执已打印");
        assertThat(capture.jobs()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void theOpeningTakesItsFeeThroughTheSharedCheckoutAndF9PrintsCopiesAndTheConfirmationAgain() throws Exception {
        household("M-VM-0004", "2400");
        model.confirm();
        assertThat(model.stateProperty().get()).isEqualTo(State.CONFIRMING);
        assertThat(model.checkout().confirmationProperty().get().plan().totalDue()).isEqualTo(Money.ofYuan(2400));
        model.commit();

        assertThat(model.stateProperty().get()).isEqualTo(State.DONE);
        io.counterdesk.checkout.ui.Outcome outcome = model.checkout().outcomeProperty().get();
        assertThat(outcome.result().accountNo()).as("the fee's payment is the shared flow's outcome")
                .isEqualTo(model.accountNoProperty().get());
        int receipts = outcome.receipts().size();
        int printed = capture.awaitJobs(receipts + 1, java.time.Duration.ofSeconds(10)).size();  // and the confirmation

        assertThat(model.checkout().canPrintAgain()).isTrue();
        model.printAgain();
        java.util.List<io.counterdesk.printing.CapturedJob> jobs = capture.awaitJobs(printed + receipts + 1,
                java.time.Duration.ofSeconds(10));
        assertThat(jobs.get(printed).text()).as("a marked copy of the receipt").contains("重打",
                outcome.receipts().get(0).receipt().formattedNumber());
        assertThat(jobs).hasSize(printed + receipts + 1);
        assertThat(model.messageProperty().get()).contains(
                io.counterdesk.shared.I18n.text("ui.pay.reprinted", io.counterdesk.checkout.ui.ReceiptRun.labels(
                        outcome.receipts())), "业务回执已打印");
        assertThat(model.busy()).isFalse();
        assertThat(model.stateProperty().get()).isEqualTo(State.DONE);
    }

    private void household(String meterNo, String cash) {
        Map<Field, String> typed = new HashMap<>(Map.of(Field.METER_NO, meterNo, Field.HOLDER_NAME, "李明",
                Field.HOLDER_ID, Applications.RESIDENT_ID, Field.PHONE, "13912345678", Field.DISTRICT, "西湖区",
                Field.STREET, "文一路", Field.COMMUNITY, "翠苑小区", Field.BUILDING, "12", Field.ROOM, "1201"));
        typed.put(Field.CASH, cash);
        typed.forEach((f, v) -> model.text(f).set(v));
        model.ticked(Document.HOLDER_ID).set(true);
        model.ticked(Document.PROPERTY_PROOF).set(true);
    }
}
