package io.counterdesk.card.ui;

import io.counterdesk.security.ui.Approval;
import io.counterdesk.checkout.Tenders;
import io.counterdesk.checkout.Hall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.account.MeterKind;
import io.counterdesk.account.opening.Applications;
import io.counterdesk.account.opening.BuildingType;
import io.counterdesk.account.opening.OpeningResult;
import io.counterdesk.app.CounterDesk;
import io.counterdesk.card.CardImage;
import io.counterdesk.card.CardIssueService;
import io.counterdesk.card.GasPurchase;
import io.counterdesk.card.virtual.DemoCards;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentResult;
import io.counterdesk.payment.ui.PaymentViewModel;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.printing.CapturePrinter;
import io.counterdesk.printing.PaperWidth;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The top-up screen's logic on the real back end (H2 with the demo hall, the demo cards in the
 * in-process simulated reader, the capture printer), every background task run at once.
 */
class TopUpViewModelTest {

    private static final String ACCOUNT = "3390000001";

    @TempDir
    Path directory;

    private CounterDesk desk;
    private Operator cashier;
    private DemoCards demo;
    private CapturePrinter capture;
    private final List<PaymentResult> paid = new ArrayList<>();
    private TopUpViewModel model;

    @BeforeEach
    void openTheCounter() {
        desk = TestBackend.start(directory);
        cashier = TestBackend.login(desk, "1001");
        desk.tills().open(cashier, Money.ofYuan(500));
        capture = desk.printer().capturePrinter().orElseThrow();
        demo = desk.demoCards().orElseThrow();
        demo.insert(ACCOUNT);
        TerminalIdentity t = desk.terminal();
        model = new TopUpViewModel(new CurrentThreadTaskExecutor(), new TopUpViewModel.Services(desk.topUps(),
                desk.cardReader(), desk.receiptPrinting(), desk.receiptStock(), desk.auth(),
                new Hall(t.hallName(), t.hallCode(), t.terminalCode(), t.hotline(), null),
                PaperWidth.MM80, new PrinterActivity() {
                    @Override
                    public void printingStarted() {
                    }

                    @Override
                    public void printingFinished() {
                    }
                }, Clock.systemDefaultZone()), cashier, paid::add);
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void readsTheCardAndPricesTheVolumeTierByTierAsTyped() {
        model.read();

        assertThat(model.stateProperty().get()).isEqualTo(TopUpViewModel.State.EDITING);
        assertThat(model.accountNoProperty().get()).isEqualTo(ACCOUNT);
        assertThat(model.holderNameProperty().get()).isEqualTo("王**");
        assertThat(model.cardSerialProperty().get()).isEqualTo(card().serial());
        assertThat(model.meterProperty().get()).isEqualTo(I18n.text("ui.topup.meter.none"));
        assertThat(model.tariffProperty().get()).contains("第1阶 0–400 m³", "第3阶 1200 m³ 以上");

        model.volumeProperty().set("450");

        assertThat(model.tierLines()).hasSize(2);
        assertThat(model.tierLines().get(0)).contains("400 m³");
        assertThat(model.tierLines().get(1)).contains("50 m³");
        assertThat(model.gasProperty().get()).isEqualTo("450 m³");

        model.amountProperty().set("29");
        assertThat(model.volumeProperty().get()).as("the amount replaces the volume").isEmpty();
        assertThat(model.gasProperty().get()).isEqualTo("10 m³");
    }

    @Test
    void buysForAnAmountWithCashThenTheCardHoldsItAndIsRefusedUntilTheMeterLoadsIt() throws Exception {
        model.read();
        model.amountProperty().set("100");
        model.cashProperty().set("100");
        String due = model.dueProperty().get();
        String change = model.changeProperty().get();
        assertThat(Money.ofYuan(100).minus(Money.parse(due.replace("¥", "")))).isEqualTo(
                Money.parse(change.replace("¥", "")));

        model.confirm();
        assertThat(model.stateProperty().get()).isEqualTo(TopUpViewModel.State.CONFIRMING);
        assertThat(capture.jobs()).isEmpty();
        model.commit();

        assertThat(model.stateProperty().get()).isEqualTo(TopUpViewModel.State.DONE);
        assertThat(model.writtenProperty().get()).isTrue();
        assertThat(paid).hasSize(1);
        assertThat(capture.awaitJobs(1, Duration.ofSeconds(10)).get(0).text()).contains("购气", ACCOUNT);
        assertThat(model.outcomeProperty().get().allPrinted()).isTrue();
        CardImage card = card();
        assertThat(card.purchaseCount()).isEqualTo(1);
        assertThat(card.loaded()).isFalse();

        model.read();
        assertThat(model.stateProperty().get()).isEqualTo(TopUpViewModel.State.REFUSED);
        assertThat(model.messageProperty().get()).contains("请先将卡插入燃气表");
        assertThat(model.volumeProperty().get()).as("a new read after a purchase starts a clean form").isEmpty();
        assertThat(model.canReverse()).isTrue();

        demo.putIntoMeter(ACCOUNT);
        demo.insert(ACCOUNT);
        model.read();
        assertThat(model.stateProperty().get()).isEqualTo(TopUpViewModel.State.EDITING);
        assertThat(model.meterProperty().get()).contains("阀门开");
    }

    @Test
    void aCardPulledBeforeTheWriteKeepsTheMoneyAndTheWriteOpenAndReadingItAgainOffersTheRewrite() throws Exception {
        model.read();
        model.volumeProperty().set("10");
        model.cashProperty().set("50");
        model.confirm();
        demo.takeOut();
        model.commit();

        assertThat(model.stateProperty().get()).isEqualTo(TopUpViewModel.State.DONE);
        assertThat(model.writtenProperty().get()).isFalse();
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        assertThat(model.messageProperty().get()).contains("款已收", "F5");
        assertThat(capture.awaitJobs(1, Duration.ofSeconds(10))).as("the money is receipted").hasSize(1);
        assertThat(desk.topUps().openWrites(cashier)).singleElement()
                .satisfies(w -> assertThat(w.status()).isEqualTo(GasPurchase.Status.PENDING));

        demo.insert(ACCOUNT);
        model.read();
        assertThat(model.stateProperty().get()).isEqualTo(TopUpViewModel.State.OPEN_WRITE);
        assertThat(model.canRefund()).isTrue();
        model.rewrite();

        assertThat(card().purchaseCount()).isEqualTo(1);
        assertThat(card().lastPurchaseM3()).isEqualTo(10);
        assertThat(desk.topUps().openWrites(cashier)).isEmpty();
        assertThat(model.messageProperty().get()).contains(I18n.text("ui.topup.rewritten", 1, 10));
    }

    @Test
    void anOpenWriteIsRefundedWithAManagersApprovalAndItsOwnReceipt() throws Exception {
        model.read();
        model.volumeProperty().set("10");
        model.cashProperty().set("50");
        model.confirm();
        demo.takeOut();
        model.commit();
        demo.insert(ACCOUNT);
        model.read();

        model.refund(new Approval("客户不要了", desk.auth().authoriseApprover(cashier, "2001",
                "demo2001".toCharArray())));

        assertThat(desk.topUps().openWrites(cashier)).isEmpty();
        assertThat(paid).hasSize(2);
        assertThat(paid.get(1).plan().totalDue()).isEqualTo(paid.get(0).plan().totalDue().negate());
        assertThat(card().purchaseCount()).isZero();
        assertThat(model.stateProperty().get()).isEqualTo(TopUpViewModel.State.EDITING);
        assertThat(model.messageProperty().get()).contains("已退款");
        assertThat(capture.awaitJobs(2, Duration.ofSeconds(10))).hasSize(2);
    }

    @Test
    void theLastPurchaseStillOnTheCardIsReversedWithApproval() {
        model.read();
        model.volumeProperty().set("10");
        model.cashProperty().set("30");
        model.confirm();
        model.commit();
        model.read();
        assertThat(model.canReverse()).isTrue();

        model.reverse(new Approval("输错气量", desk.auth().authoriseApprover(cashier, "2001",
                "demo2001".toCharArray())));

        assertThat(card().lastPurchaseM3()).isZero();
        assertThat(card().purchaseCount()).as("counts only grow").isEqualTo(1);
        assertThat(paid).hasSize(2);
        assertThat(model.stateProperty().get()).isEqualTo(TopUpViewModel.State.EDITING);
        assertThat(model.messageProperty().get()).contains("已冲正");
    }

    @Test
    void vouchersPayingPartOfThePurchaseShowTheirM3TheRestAtItsTiersAndTheirFaceValueOnThePriceLine() {
        model.read();
        model.volumeProperty().set("20");
        assertThat(model.tierLines()).containsExactly("第1阶 ¥2.90/m³ × 20 m³ = ¥58.00");

        vouchers("3", "1.00");

        // by hand: 15 m³ by voucher; 5 m³ × 2.90 = 14.50 and 3 × 1.00 face value = 17.50 due
        assertThat(model.tierLines()).containsExactly("燃气票 3 张 × 5 m³ = 15 m³", "第1阶 ¥2.90/m³ × 5 m³ = ¥14.50",
                "燃气票面值现金 ¥3.00");
        assertThat(model.dueProperty().get()).isEqualTo("¥17.50");
        assertThat(model.gasProperty().get()).isEqualTo("20 m³（燃气票 15 m³）");

        model.cashProperty().set("20");
        assertThat(model.tierLines()).as("typing the cash keeps the split").containsExactly("燃气票 3 张 × 5 m³ = 15 m³",
                "第1阶 ¥2.90/m³ × 5 m³ = ¥14.50", "燃气票面值现金 ¥3.00");
        assertThat(model.dueProperty().get()).isEqualTo("¥17.50");
        assertThat(model.changeProperty().get()).isEqualTo("¥2.50");

        model.voucherCountProperty().set("");
        model.voucherFaceProperty().set("");
        model.voucherValidThroughProperty().set("");
        assertThat(model.tierLines()).as("without vouchers the whole volume again")
                .containsExactly("第1阶 ¥2.90/m³ × 20 m³ = ¥58.00");
        assertThat(model.dueProperty().get()).isEqualTo("¥58.00");
    }

    @Test
    void vouchersSettleTheFirstTierFirstAndTheRestIsChargedTierByTier() {
        model.read();
        model.volumeProperty().set("410");

        vouchers("3", "0");

        // 400 m³ at 2.90 and 10 m³ at 3.46; the vouchers' 15 m³ come off the first tier
        assertThat(model.tierLines()).containsExactly("燃气票 3 张 × 5 m³ = 15 m³",
                "第1阶 ¥2.90/m³ × 385 m³ = ¥1,116.50", "第2阶 ¥3.46/m³ × 10 m³ = ¥34.60");
        assertThat(model.dueProperty().get()).isEqualTo("¥1,151.10");
    }

    @Test
    void aVoucherPurchaseStillOnTheCardIsNotOfferedForReversal() {
        model.read();
        model.volumeProperty().set("10");
        vouchers("2", "0");
        model.confirm();
        model.commit();
        assertThat(model.writtenProperty().get()).isTrue();

        model.read();

        assertThat(model.stateProperty().get()).isEqualTo(TopUpViewModel.State.REFUSED);
        assertThat(model.messageProperty().get()).contains("请先将卡插入燃气表");
        assertThat(model.canReverse()).as("F7 would only be refused: not offered").isFalse();
        assertThat(model.reversibleProperty().get()).isFalse();
    }

    @Test
    void aVoucherPurchaseThatMissedTheCardIsOfferedTheRewriteOnlyNotARefund() {
        model.read();
        model.volumeProperty().set("10");
        vouchers("2", "0");
        model.confirm();
        demo.takeOut();
        model.commit();
        assertThat(model.writtenProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).contains("款已收", "F6").doesNotContain("F8");

        demo.insert(ACCOUNT);
        model.read();

        assertThat(model.stateProperty().get()).isEqualTo(TopUpViewModel.State.OPEN_WRITE);
        assertThat(model.canRefund()).as("F8 would only be refused: not offered").isFalse();
        assertThat(model.messageProperty().get()).contains("F6").doesNotContain("F8");
        model.refund(new Approval("写卡失败", desk.auth().authoriseApprover(cashier, "2001",
                "demo2001".toCharArray())));
        assertThat(paid).as("nothing paid out").hasSize(1);
        model.rewrite();
        assertThat(card().lastPurchaseM3()).isEqualTo(10);
        assertThat(desk.topUps().openWrites(cashier)).isEmpty();
    }

    @Test
    void noCardInTheReaderIsSaidInChineseAndNothingCanBeBought() {
        demo.takeOut();

        model.read();

        assertThat(model.stateProperty().get()).isEqualTo(TopUpViewModel.State.REFUSED);
        assertThat(model.messageProperty().get()).contains("读卡器里没有卡");
        model.confirm();
        assertThat(model.stateProperty().get()).isEqualTo(TopUpViewModel.State.REFUSED);
    }

    @Test
    void theNewCardOfAReissueCutBeforeItsCommitSendsTheCashierToTheCardServiceScreen() {
        long accountId = desk.cardIssue().account(cashier, ACCOUNT).id();
        demo.insertBlank();
        long lastRecord = desk.database().read(tx -> tx.handle()
                .createQuery("SELECT COALESCE(MAX(id), 0) FROM card_service_record").mapTo(Long.class).one());
        // storing the reissue's record fails after its new card is written, as a full disk would
        desk.database().inTransaction(tx -> tx.handle().execute(
                "ALTER TABLE card_service_record ADD CONSTRAINT NO_RECORDS CHECK (id <= " + lastRecord + ")"));
        assertThatThrownBy(() -> desk.cardIssue().reissue(cashier, desk.cardReader(), accountId,
                CardIssueService.ReissueCase.LOST_UNUSED, null, "顾客挂失", null)).hasMessageContaining("NO_RECORDS");
        String newSerial = card().serial();

        model.read();

        assertThat(model.stateProperty().get()).isEqualTo(TopUpViewModel.State.REFUSED);
        assertThat(model.messageProperty().get()).isEqualTo("此卡（卡号 " + newSerial
                + "）是该户补卡的新卡，补卡还没有完成：请按 Ctrl+B 打开补卡/补气界面，放入此卡完成补卡后再购气");

        desk.database().inTransaction(tx -> tx.handle().execute(
                "ALTER TABLE card_service_record DROP CONSTRAINT NO_RECORDS"));
        desk.cardIssue().finishReissue(cashier, desk.cardReader(), accountId);
        model.read();
        assertThat(model.stateProperty().get()).as("finished there, the card buys gas").isEqualTo(
                TopUpViewModel.State.EDITING);
    }

    @Test
    void aBlankCardAndAFirstCardLeftUnfinishedSendTheCashierToWriteTheFirstCardNotToAReissue() {
        demo.insertBlank();

        model.read();

        assertThat(model.stateProperty().get()).isEqualTo(TopUpViewModel.State.REFUSED);
        assertThat(model.messageProperty().get()).isEqualTo("这是一张空白卡（未发行），不能购气。开户时没有写成 IC 卡的用户："
                + "请按 Ctrl+B 选“补写首张卡”，在这张卡上写卡");

        // an opening whose card was written but not activated (the commit after the write failed)
        long lastAccount = desk.database().read(tx -> tx.handle().createQuery("SELECT MAX(id) FROM account")
                .mapTo(Long.class).one());
        desk.database().inTransaction(tx -> tx.handle().execute("ALTER TABLE ic_card ADD CONSTRAINT NO_ACTIVE "
                + "CHECK (status <> 'ACTIVE' OR account_id <= " + lastAccount + ")"));
        OpeningResult opened = desk.openings().open(cashier, Applications.household(BuildingType.HIGH_RISE,
                MeterKind.IC, "M-FC-0003"), PaymentInput.cash(Money.ofYuan(2850)), desk.cardReader(), null);
        assertThat(opened.cardPending()).isTrue();
        desk.database().inTransaction(tx -> tx.handle().execute("ALTER TABLE ic_card DROP CONSTRAINT NO_ACTIVE"));
        String serial = card().serial();

        model.read();

        assertThat(model.stateProperty().get()).isEqualTo(TopUpViewModel.State.REFUSED);
        assertThat(model.messageProperty().get()).isEqualTo("此卡（卡号 " + serial + "）是该户开户时的首张卡，写卡没有完成："
                + "请按 Ctrl+B 打开补卡/补气界面，选“补写首张卡”，放入此卡写好后再购气");

        desk.cardIssue().issueFirst(cashier, desk.cardReader(), opened.accountId());
        model.read();
        assertThat(model.stateProperty().get()).as("written there, the card buys gas").isEqualTo(
                TopUpViewModel.State.EDITING);
    }

    /** Ctrl+4: {@code count} vouchers of this quarter, {@code face} yuan each in cash. */
    private void vouchers(String count, String face) {
        model.voucherCountProperty().set(count);
        model.voucherFaceProperty().set(face);
        model.voucherValidThroughProperty().set(Tenders.endOfQuarter(LocalDate.now()).toString());
    }

    private CardImage card() {
        return desk.cardReader().read().issued();
    }
}
