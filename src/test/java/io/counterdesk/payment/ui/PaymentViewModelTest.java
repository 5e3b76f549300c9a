package io.counterdesk.payment.ui;

import io.counterdesk.checkout.ui.Confirmation;
import io.counterdesk.checkout.ui.DraftView;
import io.counterdesk.checkout.ui.Outcome;
import io.counterdesk.checkout.ui.ReceiptView;
import io.counterdesk.checkout.CheckoutField;
import io.counterdesk.checkout.Hall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.counterdesk.app.CounterDesk;
import io.counterdesk.payment.FeeItem;
import io.counterdesk.payment.MoneyTender;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentPlan;
import io.counterdesk.payment.PaymentResult;
import io.counterdesk.payment.TenderKind;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.printing.Alignment;
import io.counterdesk.printing.CapturePrinter;
import io.counterdesk.printing.CapturedJob;
import io.counterdesk.printing.PaperWidth;
import io.counterdesk.printing.PrintDocument;
import io.counterdesk.printing.PrinterStatus;
import io.counterdesk.receipt.IssuedReceipt;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import io.counterdesk.ui.CurrentThreadTaskExecutor;
import io.counterdesk.ui.MessageKind;
import io.counterdesk.ui.PrinterActivity;
import io.counterdesk.ui.TestBackend;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The payment screen's logic on the real back end (H2 with the demo hall, the capture printer),
 * every background task run at once on the test's thread.
 */
class PaymentViewModelTest {

    @TempDir
    Path directory;

    private CounterDesk desk;
    private Operator cashier;
    private CapturePrinter capture;
    private final List<PaymentResult> paid = new ArrayList<>();
    private final List<String> printerActivity = new ArrayList<>();

    @BeforeEach
    void openTheCounter() {
        desk = TestBackend.start(directory);
        cashier = TestBackend.login(desk, "1001");
        desk.tills().open(cashier, Money.ofYuan(500));
        capture = desk.printer().capturePrinter().orElseThrow();
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void showsTheUnpaidBillsOldestFirstAllChosenAndTheServicesFiguresAsTheCashierTypes() {
        TestBackend.Owing account = firstOwing(2);
        PaymentViewModel model = open(account);

        assertThat(model.stateProperty().get()).isEqualTo(PaymentViewModel.State.EDITING);
        assertThat(model.accountNoProperty().get()).isEqualTo(account.accountNo());
        assertThat(model.bills()).extracting(BillItem::billId)
                .containsExactlyElementsOf(account.bills().stream().map(b -> b.billId()).toList());
        assertThat(model.bills()).allMatch(BillItem::isSelected);
        Money owed = owed(account);
        Money cash = owed.plus(Money.ofYuan(100));
        assertThat(model.totalDueProperty().get()).isEqualTo(owed.format());
        assertThat(model.changeProperty().get()).as("nothing received yet").isEqualTo("—");
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.NONE);

        model.cashProperty().set(cash.toPlainString());

        PaymentPlan expected = desk.payments().quote(cashier, account.accountId(),
                new PaymentInput(PaymentInput.Bills.only(ids(account)), List.of(), cash, List.of(), List.of(), Money.ZERO, false, List.of()));
        assertThat(model.planProperty().get()).isEqualTo(expected);
        assertThat(model.moneyDueProperty().get()).isEqualTo(expected.totalDue().format());
        assertThat(model.receivedProperty().get()).isEqualTo(cash.format());
        assertThat(model.changeProperty().get()).isEqualTo(expected.change().format()).isEqualTo("¥100.00");

        model.changeToCreditProperty().set(true);
        assertThat(model.changeProperty().get()).isEqualTo("¥0.00");
        assertThat(model.creditAddedProperty().get()).isEqualTo(expected.change().format());
    }

    @Test
    void aPartialPaymentShowsWhatIsStillOwed() {
        TestBackend.Owing account = firstOwing(2);
        PaymentViewModel model = open(account);

        model.cashProperty().set("1.00");

        assertThat(model.changeProperty().get()).isEqualTo("¥0.00");
        assertThat(model.stillOwedProperty().get()).isEqualTo(model.planProperty().get().stillOwed().format())
                .isNotEmpty();
    }

    @Test
    void billsArePaidOldestFirstSoLeavingOutAnOlderBillLeavesOutTheNewerOnesToo() {
        TestBackend.Owing account = firstOwing(2);
        PaymentViewModel model = open(account);
        BillItem older = model.bills().get(0);
        BillItem newer = model.bills().get(1);
        model.cashProperty().set("500");

        model.toggle(newer);
        assertThat(older.isSelected()).isTrue();
        assertThat(newer.isSelected()).isFalse();
        assertThat(model.planProperty().get().lines()).allMatch(l -> l.billId() != newer.billId());

        model.toggle(older);
        assertThat(newer.isSelected()).isFalse();
        assertThat(older.isSelected()).isFalse();
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        assertThat(model.messageProperty().get()).contains("要缴的账单");
        assertThat(model.invalidFieldProperty().get()).isEqualTo(CheckoutField.BILLS);

        model.toggle(newer);
        assertThat(older.isSelected()).as("choosing a newer bill chooses the older ones").isTrue();
        assertThat(newer.isSelected()).isTrue();
        assertThat(model.messageProperty().get()).contains("先欠先缴");

        model.toggle(older);
        assertThat(newer.isSelected()).as("leaving out the older leaves out the newer").isFalse();
        assertThat(older.isSelected()).isFalse();
        assertThat(model.messageProperty().get()).as("no bill left: the stronger message").contains("要缴的账单");
    }

    @Test
    void tooManyVouchersAreRefusedAtOnceAtTheVoucherCount() {
        TestBackend.Owing account = firstOwing(1);
        PaymentViewModel model = open(account);

        typeVouchers(model, Long.toString(account.voucherCap() + 1), "0", model.thisQuarterEnds().toString());

        assertThat(model.planProperty().get()).isNull();
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        assertThat(model.messageProperty().get()).contains("超过上限").contains(Long.toString(account.voucherCap()));
        assertThat(model.invalidFieldProperty().get()).isEqualTo(CheckoutField.VOUCHER_COUNT);

        model.confirm();
        assertThat(model.stateProperty().get()).isEqualTo(PaymentViewModel.State.EDITING);

        model.voucherCountProperty().set(Long.toString(account.voucherCap()));
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.NONE);
        assertThat(model.planProperty().get().voucherM3()).isEqualTo(account.voucherCap() * 5);
    }

    @Test
    void whatTheCashierTypesIsCheckedFieldByFieldInChinese() {
        PaymentViewModel model = open(firstOwing(1));

        model.cashProperty().set("12x");
        assertThat(model.messageProperty().get()).isEqualTo("现金实收“12x”不是金额");
        assertThat(model.invalidFieldProperty().get()).isEqualTo(CheckoutField.CASH);

        model.cashProperty().set("12.");
        assertThat(model.messageKindProperty().get()).as("a point while typing is fine").isNotEqualTo(MessageKind.ERROR);

        model.cardAmountProperty().set("50");
        assertThat(model.messageProperty().get()).isEqualTo("请输入银行卡参考号");
        assertThat(model.invalidFieldProperty().get()).isEqualTo(CheckoutField.CARD_REFERENCE);
        model.cardReferenceProperty().set("12");
        assertThat(model.messageProperty().get()).contains("参考号");
        model.cardReferenceProperty().set("POS-123456");
        assertThat(model.messageKindProperty().get()).isNotEqualTo(MessageKind.ERROR);

        model.voucherCountProperty().set("2");
        assertThat(model.messageProperty().get()).contains("有效期");
        assertThat(model.invalidFieldProperty().get()).isEqualTo(CheckoutField.VOUCHER_VALID_THROUGH);
        model.voucherValidThroughProperty().set("2019Q1");
        assertThat(model.messageProperty().get()).contains("已过期");
        assertThat(model.invalidFieldProperty().get()).isEqualTo(CheckoutField.VOUCHER_VALID_THROUGH);
    }

    @Test
    void theConfirmationShowsTheReceiptsThatWillPrintAndTheyPrintSoOnlyAfterThePaymentIsTaken() throws Exception {
        TestBackend.Owing account = firstOwing(2, a -> a.voucherCap() >= 2);
        PaymentViewModel model = open(account);
        typeVouchers(model, "2", "0", model.thisQuarterEnds().toString());
        model.cashProperty().set(enough(account));

        model.confirm();

        assertThat(model.stateProperty().get()).isEqualTo(PaymentViewModel.State.CONFIRMING);
        Confirmation confirmation = model.confirmationProperty().get();
        assertThat(confirmation.drafts()).extracting(DraftView::title, DraftView::expectedNumber)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("燃气票核对单", "00010001"),
                        org.assertj.core.groups.Tuple.tuple("现金核对单", "00010002"));
        assertThat(confirmation.drafts()).allSatisfy(d -> assertThat(d.image()).isNotNull());
        assertThat(paid).as("nothing is taken by confirming").isEmpty();
        assertThat(capture.jobs()).as("nothing is printed before the payment is taken").isEmpty();

        model.commit();

        assertThat(model.stateProperty().get()).isEqualTo(PaymentViewModel.State.DONE);
        assertThat(paid).hasSize(1);
        Outcome outcome = model.outcomeProperty().get();
        assertThat(outcome.receipts()).extracting(r -> r.receipt().kind(), r -> r.receipt().formattedNumber(),
                        ReceiptView::printed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ReceiptKind.CHECK_SLIP, "00010001", true),
                        org.assertj.core.groups.Tuple.tuple(ReceiptKind.CHECK_SLIP, "00010002", true));
        assertThat(outcome.receipts()).allSatisfy(r -> assertThat(r.image()).isNotNull());
        assertThat(model.messageProperty().get()).contains("收费完成").contains("00010001").contains("00010002");
        assertThat(printerActivity).containsExactly("started", "finished");

        List<CapturedJob> jobs = capture.awaitJobs(2, Duration.ofSeconds(10));
        assertThat(jobs.get(0).text()).contains("燃气票核对单", "00010001").doesNotContain("预览");
        assertThat(jobs.get(1).text()).contains("现金核对单", "00010002", "找零");
        // the draft shown before is the receipt printed after, but for number, time and code
        for (int i = 0; i < 2; i++) {
            IssuedReceipt receipt = outcome.receipts().get(i).receipt();
            assertThat(comparable(confirmation.drafts().get(i).document()))
                    .isEqualTo(comparable(desk.receiptPrinting().document(receipt.id())));
        }
    }

    @Test
    void aMoneyOnlyPaymentPrintsOneReceiptFromTheReceiptStock() throws Exception {
        TestBackend.Owing account = firstOwing(1);
        PaymentViewModel model = open(account);
        model.cashProperty().set(enough(account));

        model.confirm();
        assertThat(model.confirmationProperty().get().drafts()).singleElement()
                .satisfies(d -> assertThat(d.title() + " " + d.expectedNumber()).isEqualTo("收款收据 00010001"));
        model.commit();

        assertThat(model.outcomeProperty().get().receipts()).singleElement()
                .satisfies(r -> assertThat(r.label()).isEqualTo("收款收据 00010001"));
        assertThat(capture.awaitJobs(1, Duration.ofSeconds(10)).get(0).text()).contains("收款收据", "00010001");
    }

    @Test
    void escapeInTheConfirmationGoesBackWithEverythingAsTyped() {
        PaymentViewModel model = open(firstOwing(1));
        model.cashProperty().set("1000");
        model.confirm();

        model.cancelConfirmation();

        assertThat(model.stateProperty().get()).isEqualTo(PaymentViewModel.State.EDITING);
        assertThat(model.cashProperty().get()).isEqualTo("1000");
        assertThat(paid).isEmpty();
    }

    @Test
    void aRefusedPaymentShowsWhyAndKeepsEverythingTyped() {
        List<TestBackend.Owing> accounts = TestBackend.owing(desk, cashier, a -> true);
        TestBackend.Owing first = accounts.get(0);
        TestBackend.Owing second = accounts.get(1);
        desk.payments().collect(cashier, first.accountId(), new PaymentInput(PaymentInput.Bills.ALL, List.of(), Money.ZERO,
                List.of(new MoneyTender(TenderKind.BANK_SLIP, Money.ofYuan(1000), "SLIP-778899")), List.of(),
                Money.ZERO, true, List.of()));
        List<IssuedReceipt> before = desk.receiptPrinting().unprinted(cashier);

        PaymentViewModel model = open(second);
        model.cashProperty().set("20");
        model.slipAmountProperty().set("1000");
        model.slipNumberProperty().set("SLIP-778899");
        model.confirm();
        assertThat(model.stateProperty().get()).isEqualTo(PaymentViewModel.State.CONFIRMING);
        model.commit();

        assertThat(model.stateProperty().get()).isEqualTo(PaymentViewModel.State.EDITING);
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        assertThat(model.messageProperty().get()).startsWith("未收费").contains("SLIP-778899").contains("已于")
                .contains("内容都保留");
        assertThat(model.invalidFieldProperty().get()).isEqualTo(CheckoutField.SLIP_NUMBER);
        assertThat(model.cashProperty().get()).isEqualTo("20");
        assertThat(model.slipAmountProperty().get()).isEqualTo("1000");
        assertThat(model.slipNumberProperty().get()).isEqualTo("SLIP-778899");
        assertThat(model.bills()).allMatch(BillItem::isSelected);
        assertThat(model.confirmationProperty().get()).isNull();
        assertThat(paid).isEmpty();
        assertThat(desk.payments().dueBills(cashier, second.accountId())).hasSameSizeAs(second.bills());
        assertThat(desk.receiptPrinting().unprinted(cashier)).isEqualTo(before);

        model.slipNumberProperty().set("SLIP-778900");
        model.confirm();
        model.commit();
        assertThat(model.stateProperty().get()).isEqualTo(PaymentViewModel.State.DONE);
    }

    @Test
    void withoutAnOpenTillThePaymentIsRefusedAndNothingIsLost() {
        Operator other = TestBackend.login(desk, "1002");
        TestBackend.Owing account = firstOwing(1);
        PaymentViewModel model = new PaymentViewModel(new CurrentThreadTaskExecutor(), services(), other,
                account.accountId(), paid::add);
        model.load();
        model.cashProperty().set("1000");
        model.confirm();
        model.commit();

        assertThat(model.stateProperty().get()).isEqualTo(PaymentViewModel.State.EDITING);
        assertThat(model.messageProperty().get()).contains("开班");
        assertThat(model.cashProperty().get()).isEqualTo("1000");
        assertThat(paid).isEmpty();
    }

    @Test
    void aPrinterOutOfPaperLeavesThePaymentDoneAndF9PrintsTheSameNumbersThenMarkedCopies() throws Exception {
        TestBackend.Owing account = firstOwing(1);
        PaymentViewModel model = open(account);
        model.cashProperty().set(enough(account));
        capture.simulate(PrinterStatus.PAPER_OUT);

        model.confirm();
        model.commit();

        assertThat(model.stateProperty().get()).isEqualTo(PaymentViewModel.State.DONE);
        assertThat(paid).as("the payment is taken whatever the printer does").hasSize(1);
        assertThat(desk.payments().dueBills(cashier, account.accountId())).isEmpty();
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        assertThat(model.messageProperty().get()).contains("收费已完成").contains("缺纸").contains("00010001")
                .contains("票号已保留").contains("F9");
        assertThat(model.outcomeProperty().get().allPrinted()).isFalse();
        assertThat(model.outcomeProperty().get().receipts().get(0).image()).as("the preview shows anyway").isNotNull();
        assertThat(capture.jobs()).isEmpty();
        assertThat(desk.receiptPrinting().unprinted(cashier)).extracting(IssuedReceipt::number).containsExactly(10_001L);

        model.printAgain();
        assertThat(model.messageProperty().get()).as("still out of paper").contains("缺纸");
        assertThat(capture.jobs()).isEmpty();

        capture.simulate(PrinterStatus.ONLINE);
        model.printAgain();

        assertThat(model.outcomeProperty().get().allPrinted()).isTrue();
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.INFO);
        assertThat(model.messageProperty().get()).contains("已打印").contains("00010001");
        String resumed = capture.awaitJobs(1, Duration.ofSeconds(10)).get(0).text();
        assertThat(resumed).contains("收款收据", "00010001").doesNotContain("重打");
        assertThat(desk.receiptPrinting().unprinted(cashier)).isEmpty();

        model.printAgain();

        assertThat(model.messageProperty().get()).contains("已重打").contains("00010001");
        String copy = capture.awaitJobs(2, Duration.ofSeconds(10)).get(1).text();
        assertThat(copy).contains("重打", "00010001").doesNotContain("[DRAWER]");
    }

    @Test
    void aLateFeeWaiverNeedsAHallManagersOwnPasswordAndOnlyChangesThePaymentBeingTyped() {
        Optional<TestBackend.Owing> withLateFee = TestBackend.owing(desk, cashier,
                a -> a.bills().get(0).lateFee().isPositive()).stream().findFirst();
        assumeThat(withLateFee).as("a demo bill with a late fee today").isPresent();
        TestBackend.Owing account = withLateFee.get();
        PaymentViewModel model = open(account);
        model.cashProperty().set(enough(account));
        BillItem bill = model.bills().get(0);
        Money ruleFee = bill.bill().lateFee();
        Money totalBefore = model.planProperty().get().totalDue();

        WaiverViewModel byCashier = model.waiverFor(bill).orElseThrow();
        byCashier.reasonProperty().set("用户不知道缴费期限");
        byCashier.managerStaffNoProperty().set("1001");
        byCashier.managerPasswordProperty().set("demo1001");
        byCashier.approve();
        assertThat(byCashier.messageProperty().get()).contains("没有授权权限");
        assertThat(bill.waiver()).isNull();

        WaiverViewModel waiver = model.waiverFor(bill).orElseThrow();
        waiver.reducedFeeProperty().set(ruleFee.toPlainString());
        waiver.reasonProperty().set("用户不知道缴费期限");
        waiver.managerStaffNoProperty().set("2001");
        waiver.managerPasswordProperty().set("demo2001");
        waiver.approve();
        assertThat(waiver.messageProperty().get()).contains("须低于");
        waiver.reducedFeeProperty().set("0");
        waiver.managerPasswordProperty().set("demo2001");
        waiver.approve();

        assertThat(waiver.approvedProperty().get()).isTrue();
        assertThat(waiver.managerPasswordProperty().get()).as("the password is not kept").isEmpty();
        assertThat(bill.chargedLateFee()).isEqualTo(Money.ZERO);
        assertThat(bill.lateFee()).contains(ruleFee.format());
        assertThat(model.planProperty().get().totalDue()).isEqualTo(totalBefore.minus(ruleFee));
        assertThat(model.messageProperty().get()).contains("2001");
        assertThat(desk.payments().dueBills(cashier, account.accountId()).get(0).lateFee())
                .as("nothing recorded before the payment").isEqualTo(ruleFee);

        model.confirm();
        model.commit();

        assertThat(paid).singleElement().satisfies(result -> assertThat(result.plan().lines())
                .noneMatch(l -> l.kind() == PaymentPlan.LineKind.LATE_FEE && l.billId() == bill.billId()));
    }

    @Test
    void aBillWithoutLateFeeCannotBeWaived() {
        Optional<TestBackend.Owing> without = TestBackend.owing(desk, cashier,
                a -> a.bills().get(a.bills().size() - 1).lateFee().isZero()).stream().findFirst();
        assumeThat(without).isPresent();
        PaymentViewModel model = open(without.get());

        assertThat(model.waiverFor(model.bills().get(model.bills().size() - 1))).isEmpty();
        assertThat(model.messageProperty().get()).contains("没有滞纳金");
    }

    @Test
    void feeItemsFromTheCatalogueAddUpAndMustBePaidInFull() {
        TestBackend.Owing account = firstOwing(1);
        PaymentViewModel model = open(account);
        FeeItem dismantling = model.catalogue().stream().filter(f -> f.code().equals("DISMANTLING")).findFirst()
                .orElseThrow();

        model.addFee(dismantling, 1);
        model.addFee(dismantling, 2);

        assertThat(model.fees()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(3));
        assertThat(model.messageProperty().get()).as("no money yet for the fee").contains("拆表费").contains("全额");
        assertThat(model.invalidFieldProperty().get()).isEqualTo(CheckoutField.CASH);

        model.cashProperty().set(owed(account).plus(Money.ofYuan(60)).toPlainString());
        assertThat(model.planProperty().get().lines()).anyMatch(l -> l.kind() == PaymentPlan.LineKind.FEE_ITEM
                && l.amount().equals(Money.ofYuan(60)));

        model.removeFee(model.fees().get(0));
        assertThat(model.fees()).isEmpty();
        assertThat(model.planProperty().get().lines()).noneMatch(l -> l.kind() == PaymentPlan.LineKind.FEE_ITEM);
    }

    @Test
    void aFeeAloneCanBeTakenWhileBillsAreOwedByLeavingOutEveryBill() {
        TestBackend.Owing account = firstOwing(1);
        PaymentViewModel model = open(account);
        FeeItem dismantling = model.catalogue().stream().filter(f -> f.code().equals("DISMANTLING")).findFirst()
                .orElseThrow();
        model.toggle(model.bills().get(0));
        model.addFee(dismantling, 1);
        model.cashProperty().set("20");

        assertThat(model.messageKindProperty().get()).isNotEqualTo(MessageKind.ERROR);
        assertThat(model.planProperty().get().lines()).extracting(PaymentPlan.Line::kind)
                .containsExactly(PaymentPlan.LineKind.FEE_ITEM);
        assertThat(model.planProperty().get().totalDue()).isEqualTo(Money.ofYuan(20));

        model.removeFee(model.fees().get(0));
        assertThat(model.messageProperty().get()).as("no bill and no fee: nothing to take").contains("要缴的账单");
    }

    @Test
    void confirmingWithNothingReceivedSaysWhatIsMissing() {
        PaymentViewModel model = open(firstOwing(1));

        model.confirm();

        assertThat(model.stateProperty().get()).isEqualTo(PaymentViewModel.State.EDITING);
        assertThat(model.messageProperty().get()).contains("请先输入收款");
        assertThat(model.invalidFieldProperty().get()).isEqualTo(CheckoutField.CASH);
    }

    // ---- helpers ----

    private PaymentViewModel open(TestBackend.Owing account) {
        PaymentViewModel model = new PaymentViewModel(new CurrentThreadTaskExecutor(), services(), cashier,
                account.accountId(), paid::add);
        model.load();
        assertThat(model.stateProperty().get()).isEqualTo(PaymentViewModel.State.EDITING);
        return model;
    }

    private PaymentViewModel.Services services() {
        TerminalIdentity t = desk.terminal();
        return new PaymentViewModel.Services(desk.payments(), desk.receiptPrinting(), desk.receiptStock(),
                desk.accounts(), desk.auth(),
                new Hall(t.hallName(), t.hallCode(), t.terminalCode(), t.hotline(), null),
                PaperWidth.MM80, new PrinterActivity() {
                    @Override
                    public void printingStarted() {
                        printerActivity.add("started");
                    }

                    @Override
                    public void printingFinished() {
                        printerActivity.add("finished");
                    }
                }, Clock.systemDefaultZone());
    }

    private TestBackend.Owing firstOwing(int bills) {
        return firstOwing(bills, a -> true);
    }

    private TestBackend.Owing firstOwing(int bills, java.util.function.Predicate<TestBackend.Owing> also) {
        return TestBackend.owing(desk, cashier, a -> a.bills().size() == bills && also.test(a)).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no demo account owing " + bills + " bill(s)"));
    }

    private static List<Long> ids(TestBackend.Owing account) {
        return account.bills().stream().map(b -> b.billId()).toList();
    }

    private static void typeVouchers(PaymentViewModel model, String count, String face, String validThrough) {
        model.voucherCountProperty().set(count);
        model.voucherFaceProperty().set(face);
        model.voucherValidThroughProperty().set(validThrough);
    }

    /** A receipt's lines without what only the commit gives: the preview mark, number, time, code, QR, cut, drawer. */
    private static List<PrintDocument.Element> comparable(PrintDocument document) {
        List<String> givenAtCommit = List.of(I18n.text("receipt.print.number"), I18n.text("receipt.print.time"),
                I18n.text("receipt.print.code"));
        return document.elements().stream()
                .filter(e -> !(e instanceof PrintDocument.QrCode || e instanceof PrintDocument.Cut
                        || e instanceof PrintDocument.DrawerKick))
                .filter(e -> !(e instanceof PrintDocument.Columns c && givenAtCommit.contains(c.left())))
                .filter(e -> !(e instanceof PrintDocument.Text t && t.alignment() == Alignment.CENTER
                        && t.text().equals(I18n.text("ui.pay.draft.mark"))))
                .toList();
    }

    /** Everything the account owes today. */
    private static Money owed(TestBackend.Owing account) {
        return account.bills().stream().map(b -> b.total()).reduce(Money.ZERO, Money::plus);
    }

    /** Cash that pays everything owed and leaves ¥100 change, as typed. */
    private static String enough(TestBackend.Owing account) {
        return owed(account).plus(Money.ofYuan(100)).toPlainString();
    }
}
