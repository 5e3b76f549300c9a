package io.counterdesk.card.ui;

import io.counterdesk.security.ui.Approval;
import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.account.Account;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.opening.Applications;
import io.counterdesk.account.opening.BuildingType;
import io.counterdesk.account.opening.OpeningResult;
import io.counterdesk.app.CounterDesk;
import io.counterdesk.card.CardImage;
import io.counterdesk.card.CardRepository;
import io.counterdesk.card.CardServiceRecord;
import io.counterdesk.card.CardServiceRecord.Business;
import io.counterdesk.card.TopUpService;
import io.counterdesk.card.virtual.DemoCards;
import io.counterdesk.card.virtual.VirtualCard;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.printing.CapturePrinter;
import io.counterdesk.printing.EscPosDecoder;
import io.counterdesk.printing.PrinterStatus;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.Masking;
import io.counterdesk.shared.Money;
import io.counterdesk.ui.CurrentThreadTaskExecutor;
import io.counterdesk.ui.MessageKind;
import io.counterdesk.ui.PrinterActivity;
import io.counterdesk.ui.TestBackend;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The card service screen's logic (补卡 / 补气 / 转移卡) on the real back end: H2 with the demo
 * hall, the demo cards in the in-process simulated reader, the capture printer; every background
 * task runs at once. Each business is played through, and each refusal leaves everything as it was.
 */
class CardServiceViewModelTest {

    private static final String ACCOUNT = "3390000001";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path directory;

    private CounterDesk desk;
    private Operator cashier;
    private DemoCards demo;
    private CapturePrinter capture;
    private CardServiceViewModel model;

    @BeforeEach
    void openTheCounter() {
        desk = TestBackend.start(directory);
        cashier = TestBackend.login(desk, "1001");
        desk.tills().open(cashier, Money.ofYuan(500));
        capture = desk.printer().capturePrinter().orElseThrow();
        demo = desk.demoCards().orElseThrow();
        model = new CardServiceViewModel(new CurrentThreadTaskExecutor(), new CardServiceViewModel.Services(
                desk.cardIssue(), desk.topUps(), desk.cardRecords(), desk.cardReader(), PrinterActivity.NONE,
                this::keepIssued, Clock.systemDefaultZone()), cashier);
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void anUnusedLostCardIsReissuedOntoABlankCardTheOldOneBlacklistedAndTheRecordPrintedAndReprinted() throws Exception {
        String oldSerial = currentSerial();
        demo.insertBlank();
        model.businessProperty().set(Business.LOST_UNUSED);
        assertThat(model.promptProperty().get()).isEqualTo("请放入空白新卡");
        model.accountNoProperty().set(ACCOUNT);
        model.findAccount();
        assertThat(model.holderProperty().get()).isEqualTo(Masking.name("王建国"));
        assertThat(model.currentCardProperty().get()).isEqualTo(oldSerial);
        model.reasonProperty().set(" 客户丢失，未用卡 ");

        model.confirm();

        assertThat(model.stateProperty().get()).isEqualTo(CardServiceViewModel.State.CONFIRMING);
        assertThat(model.messageProperty().get()).as("no stale \"checking\" under the summary").isEmpty();
        CardServiceViewModel.Summary summary = model.summaryProperty().get();
        assertThat(summary.needsApproval()).isFalse();
        assertThat(summary.volumeM3()).isZero();
        assertThat(summary.lines()).contains("旧卡 " + oldSerial + " → 列入黑名单", "补气：0 m³",
                "原因：客户丢失，未用卡");
        assertThat(capture.jobs()).isEmpty();

        model.commit(null);

        assertThat(model.stateProperty().get()).isEqualTo(CardServiceViewModel.State.DONE);
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.INFO);
        CardImage newCard = desk.cardReader().read().issued();
        assertThat(newCard.serial()).isNotEqualTo(oldSerial).isEqualTo(currentSerial());
        assertThat(newCard.accountNo()).isEqualTo(ACCOUNT);
        assertThat(model.currentCardProperty().get()).as("the screen shows the account's new card")
                .isEqualTo(newCard.serial());
        assertThat(blacklisted(oldSerial)).hasValue("LOST");
        CardServiceRecord record = model.recordProperty().get();
        assertThat(record.reason()).as("free text kept as typed, trimmed").isEqualTo("客户丢失，未用卡");
        assertThat(record.printCount()).isEqualTo(1);
        assertThat(record.newSerial()).isEqualTo(newCard.serial());
        assertThat(record.approverStaffNo()).isEmpty();

        List<String> printed = EscPosDecoder.lines(capture.awaitJobs(1, WAIT).get(0).bytes());
        assertThat(printed).contains("补卡记录");
        String text = String.join("\n", printed);
        assertThat(text).contains(desk.terminal().hallName(), "1001", ACCOUNT, Masking.name("王建国"),
                "补卡（未用卡丢失）", oldSerial, newCard.serial(), "0 m3", "客户丢失，未用卡", "无需批准",
                "客户签字", "值班经理签字");

        model.printAgain();

        List<String> copy = EscPosDecoder.lines(capture.awaitJobs(2, WAIT).get(1).bytes());
        assertThat(copy.get(0)).isEqualTo("重打");
        assertThat(copy).contains("补卡记录");
        assertThat(desk.cardRecords().find(cashier, record.id()).printCount()).isEqualTo(2);
        assertThat(model.messageProperty().get()).contains("记录已重打");

        demo.putIntoMeter(ACCOUNT);
        assertThat(demo.cards().get(0).card()).as("the demo keeps the new card").isNotNull();
        demo.insert(ACCOUNT);
        assertThat(desk.cardReader().read().issued().serial()).isEqualTo(newCard.serial());
    }

    @Test
    void aCardThatIsNotBlankIsRefusedAndNothingChanges() throws Exception {
        String oldSerial = currentSerial();
        demo.insert(ACCOUNT);
        model.businessProperty().set(Business.LOST_UNUSED);
        model.accountNoProperty().set(ACCOUNT);
        model.reasonProperty().set("丢失");
        model.confirm();

        model.commit(null);

        assertThat(model.stateProperty().get()).isEqualTo(CardServiceViewModel.State.EDITING);
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        assertThat(model.messageProperty().get()).contains("不是空白卡");
        assertThat(currentSerial()).isEqualTo(oldSerial);
        assertThat(blacklisted(oldSerial)).isEmpty();
        assertThat(model.reasonProperty().get()).as("what was typed stays").isEqualTo("丢失");
        assertThat(capture.jobs()).isEmpty();
    }

    @Test
    void aCardLostInUseNeedsTheFieldCheckAndItsFiguresAreCheckedAsTyped() throws Exception {
        model.businessProperty().set(Business.LOST_IN_USE);
        model.accountNoProperty().set(ACCOUNT);
        model.reasonProperty().set("在用卡丢失");

        model.confirm();

        assertThat(model.stateProperty().get()).isEqualTo(CardServiceViewModel.State.EDITING);
        assertThat(model.invalidFieldProperty().get()).isEqualTo(CardServiceViewModel.Field.CHECKER);
        assertThat(model.messageProperty().get()).isEqualTo("请输入核查人");

        model.remainingProperty().set("12.345");
        assertThat(model.invalidFieldProperty().get()).isEqualTo(CardServiceViewModel.Field.REMAINING);
        assertThat(model.messageProperty().get()).contains("最多两位小数");
        model.remainingProperty().set("12.34");
        assertThat(model.invalidFieldProperty().get()).isNull();

        model.checkDateProperty().set(LocalDate.now().plusDays(1).toString());
        assertThat(model.invalidFieldProperty().get()).isEqualTo(CardServiceViewModel.Field.CHECK_DATE);
        model.checkDateProperty().set("2026/01/01");
        assertThat(model.messageProperty().get()).contains("2026-07-01");
        model.meterCountProperty().set("x");
        assertThat(model.invalidFieldProperty().get()).isEqualTo(CardServiceViewModel.Field.METER_COUNT);
        assertThat(capture.jobs()).isEmpty();
    }

    @Test
    void aCardLostInUseReCreditsOnlyWhatTheMeterNeverLoadedAndOnlyWithApproval() throws Exception {
        String oldSerial = tenLoadedThenTwentyBoughtAndTheCardLost();
        demo.insertBlank();
        model.businessProperty().set(Business.LOST_IN_USE);
        model.accountNoProperty().set(ACCOUNT);
        fieldCheck("1", "10", "3.50");
        model.reasonProperty().set("在用卡丢失，表内只输入了第 1 次");
        model.confirm();
        assertThat(model.summaryProperty().get().volumeM3()).isEqualTo(20);
        assertThat(model.summaryProperty().get().needsApproval()).isTrue();

        model.commit(null);

        assertThat(model.stateProperty().get()).isEqualTo(CardServiceViewModel.State.CONFIRMING);
        assertThat(model.messageProperty().get()).isEqualTo("此业务需值班经理批准");
        assertThat(blacklisted(oldSerial)).isEmpty();

        model.commit(approval("在用卡丢失，现场核查"));

        assertThat(model.stateProperty().get()).isEqualTo(CardServiceViewModel.State.DONE);
        CardImage newCard = desk.cardReader().read().issued();
        assertThat(newCard.lastPurchaseM3()).isEqualTo(20);
        assertThat(newCard.loaded()).isFalse();
        assertThat(blacklisted(oldSerial)).hasValue("LOST");
        assertThat(desk.topUps().openWrites(cashier)).isEmpty();
        String text = capture.awaitJobs(1, WAIT).get(0).text();
        assertThat(text).contains("补气记录", "2001", "现场核查", "核查员张", "3.50 m3", "20 m3");
    }

    @Test
    void aReissueCutWhileWritingTheNewCardIsFinishedOnTheScreenOnceEvenAfterARestart() throws Exception {
        String oldSerial = tenLoadedThenTwentyBoughtAndTheCardLost();
        demo.insertBlank().tearUpdate(3, 2);                       // the new card is spoilt by the cut
        model.businessProperty().set(Business.LOST_IN_USE);
        model.accountNoProperty().set(ACCOUNT);
        fieldCheck("1", "10", "3.50");
        model.reasonProperty().set("在用卡丢失");
        model.confirm();
        model.commit(approval("在用卡丢失，现场核查"));

        assertThat(model.stateProperty().get()).isEqualTo(CardServiceViewModel.State.EDITING);
        String newSerial = desk.cardIssue().unfinishedReissue(cashier, accountId()).orElseThrow().newSerial();
        assertThat(model.messageProperty().get()).contains("补卡未完成", newSerial, "F12");
        assertThat(model.promptProperty().get()).isEqualTo("请放入新卡 " + newSerial + " 或另一张空白卡");
        assertThat(blacklisted(oldSerial)).hasValue("LOST");

        // another blank card goes in: the summary to finish it, nothing to approve again
        demo.insertBlank();
        model.cardInserted();
        assertThat(model.stateProperty().get()).isEqualTo(CardServiceViewModel.State.CONFIRMING);
        assertThat(model.summaryProperty().get().finishing()).isTrue();
        assertThat(model.summaryProperty().get().needsApproval()).isFalse();

        // the program was closed meanwhile: a new screen finds the account and finishes the reissue
        CardServiceViewModel later = new CardServiceViewModel(new CurrentThreadTaskExecutor(),
                new CardServiceViewModel.Services(desk.cardIssue(), desk.topUps(), desk.cardRecords(),
                        desk.cardReader(), PrinterActivity.NONE, demo::keepInReader, Clock.systemDefaultZone()), cashier);
        later.accountNoProperty().set(ACCOUNT);
        later.findAccount();
        assertThat(later.businessProperty().get()).isEqualTo(Business.LOST_IN_USE);
        assertThat(later.messageProperty().get()).contains("上次补卡未完成", oldSerial, newSerial);
        later.confirm();                                           // F12: no field check or reason to type again
        CardServiceViewModel.Summary summary = later.summaryProperty().get();
        assertThat(summary.finishing()).isTrue();
        assertThat(summary.volumeM3()).isEqualTo(20);
        assertThat(summary.lines()).contains("补气：20 m³（开始时已由 2001 批准）");
        later.commit(null);

        assertThat(later.stateProperty().get()).isEqualTo(CardServiceViewModel.State.DONE);
        CardImage card = desk.cardReader().read().issued();
        assertThat(card.serial()).isEqualTo(newSerial).isEqualTo(currentSerial());
        assertThat(card.unloadedM3()).isEqualTo(20);
        assertThat(desk.cardIssue().unfinishedReissue(cashier, accountId())).isEmpty();
        long recredits = desk.database().<Long>read(tx -> tx.handle().createQuery(
                "SELECT COUNT(*) FROM gas_purchase WHERE kind = 'RECREDIT'").mapTo(Long.class).one());
        assertThat(recredits).as("one re-credit").isEqualTo(1);
        assertThat(later.recordProperty().get().volumeM3()).isEqualTo(20);
        assertThat(capture.awaitJobs(1, WAIT).get(0).text()).contains("补气记录", "20 m3");
    }

    /** 10 m³ bought and loaded, then 20 m³ bought and the card lost before the meter took them; its serial. */
    private String tenLoadedThenTwentyBoughtAndTheCardLost() {
        demo.insert(ACCOUNT);
        buy(10);
        demo.putIntoMeter(ACCOUNT);
        demo.insert(ACCOUNT);
        buy(20);
        return currentSerial();
    }

    private long accountId() {
        return desk.cardIssue().account(cashier, ACCOUNT).id();
    }

    @Test
    void aDamagedCardWhoseGasTheMeterLoadedIsReissuedWithoutApproval() throws Exception {
        demo.insert(ACCOUNT);
        buy(10);
        demo.putIntoMeter(ACCOUNT);
        demo.insertBlank();
        model.businessProperty().set(Business.DAMAGED);
        model.accountNoProperty().set(ACCOUNT);
        fieldCheck("1", "10", "8.00");
        model.reasonProperty().set("卡损坏");
        model.confirm();
        assertThat(model.summaryProperty().get().volumeM3()).isZero();
        assertThat(model.summaryProperty().get().needsApproval()).isFalse();

        model.commit(null);

        assertThat(model.stateProperty().get()).isEqualTo(CardServiceViewModel.State.DONE);
        assertThat(desk.cardReader().read().issued().purchaseCount()).isEqualTo(1);
        assertThat(capture.awaitJobs(1, WAIT).get(0).text()).contains("补卡记录", "补卡（卡损坏）", "旧卡已列入黑名单（损坏）");
    }

    /**
     * Issue 15 §2: in demo mode the card a reissue replaced stays in the demo reader's list, marked, so
     * the old card turning up can be shown: put into the reader, the counter refuses it (blacklist).
     */
    @Test
    void theReplacedCardStaysInTheDemoListMarkedAndIsRefusedWhenItTurnsUp() throws Exception {
        demo.insert(ACCOUNT);
        VirtualCard oldCard = demo.cards().get(0).card();
        demo.insertBlank();
        model.businessProperty().set(Business.LOST_UNUSED);
        model.accountNoProperty().set(ACCOUNT);
        model.reasonProperty().set("丢失");
        model.confirm();
        model.commit(null);
        assertThat(model.stateProperty().get()).isEqualTo(CardServiceViewModel.State.DONE);
        assertThat(model.promptProperty().get()).as("the hint follows the business: no blank card wanted any more")
                .isEqualTo("已办完：取出卡交给客户；Esc 办下一笔");

        assertThat(demo.replacedCards()).singleElement().satisfies(c -> {
            assertThat(c.card()).isSameAs(oldCard);
            assertThat(c.accountNo()).isEqualTo(ACCOUNT);
        });
        DemoCardsViewModel reader = new DemoCardsViewModel(new CurrentThreadTaskExecutor(), demo, done -> { });
        reader.load();
        DemoCardsViewModel.Row old = reader.rows().stream().filter(r -> r.replaced() >= 0).findFirst().orElseThrow();
        assertThat(old.toString()).startsWith(ACCOUNT).contains("已挂失/已换卡（旧卡）");
        assertThat(reader.rows().stream().filter(r -> r.accountNo().equals(ACCOUNT))).hasSize(2);

        boolean[] closed = {false};
        reader.whenInserted(() -> closed[0] = true);
        reader.insert(old);
        assertThat(closed[0]).as("Enter closes the demo reader").isTrue();
        assertThat(demo.readers().card(demo.readerName())).containsSame(oldCard);
        assertThat(desk.topUps().inspect(cashier, desk.cardReader()).refusal())
                .hasValue(io.counterdesk.card.TopUpService.Refusal.BLACKLISTED);
    }

    @Test
    void aFoundOldCardIsClearedWithApprovalAndItsGasWrittenWhenTheCurrentCardIsPutIn() throws Exception {
        demo.insert(ACCOUNT);
        buy(15);
        VirtualCard oldCard = demo.cards().get(0).card();
        String oldSerial = currentSerial();
        demo.insertBlank();
        model.businessProperty().set(Business.LOST_UNUSED);
        model.accountNoProperty().set(ACCOUNT);
        model.reasonProperty().set("丢失");
        model.confirm();
        model.commit(null);
        assertThat(model.stateProperty().get()).isEqualTo(CardServiceViewModel.State.DONE);
        String newSerial = currentSerial();
        model.startOver();

        demo.takeOut();
        demo.readers().insert(demo.readerName(), oldCard);
        model.businessProperty().set(Business.FOUND_CARD);
        assertThat(model.promptProperty().get()).isEqualTo("请放入找回的旧卡");
        model.reasonProperty().set("旧卡找回，未输入燃气表");
        model.confirm();
        assertThat(model.accountNoProperty().get()).isEqualTo(ACCOUNT);
        assertThat(model.summaryProperty().get().volumeM3()).isEqualTo(15);
        model.commit(null);
        assertThat(model.stateProperty().get()).as("refused without approval")
                .isEqualTo(CardServiceViewModel.State.CONFIRMING);

        model.commit(approval("旧卡找回"));

        assertThat(model.stateProperty().get()).isEqualTo(CardServiceViewModel.State.OPEN_WRITE);
        assertThat(model.promptProperty().get()).isEqualTo("请放入该户当前用卡");
        assertThat(desk.cardReader().read().issued().state()).isEqualTo(io.counterdesk.card.CardState.CLEARED);
        assertThat(capture.awaitJobs(2, WAIT).get(1).text()).contains("补气记录", oldSerial, newSerial, "15 m3",
                "旧卡已清零");

        model.finishWrite();
        assertThat(model.stateProperty().get()).as("the old card is not the right one")
                .isEqualTo(CardServiceViewModel.State.OPEN_WRITE);
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);

        demo.insert(ACCOUNT);
        model.cardInserted();

        assertThat(model.stateProperty().get()).isEqualTo(CardServiceViewModel.State.DONE);
        CardImage current = desk.cardReader().read().issued();
        assertThat(current.serial()).isEqualTo(newSerial);
        assertThat(current.lastPurchaseM3()).isEqualTo(15);
        assertThat(desk.topUps().openWrites(cashier)).isEmpty();
    }

    @Test
    void aReplacedMeterMakesTheCardATransferCardWithTheWholeM3LeftAndApproval() throws Exception {
        demo.insert(ACCOUNT);
        model.businessProperty().set(Business.METER_REPLACED);
        model.readCard();
        assertThat(model.accountNoProperty().get()).isEqualTo(ACCOUNT);
        fieldCheck("0", "0", "12.34");
        model.newMeterNoProperty().set("12");
        assertThat(model.invalidFieldProperty().get()).isEqualTo(CardServiceViewModel.Field.NEW_METER);
        model.newMeterNoProperty().set("8000000999");
        model.reasonProperty().set("旧表损坏换表");
        model.confirm();
        assertThat(model.summaryProperty().get().volumeM3()).isEqualTo(12);

        model.commit(approval("换表"));

        assertThat(model.stateProperty().get()).isEqualTo(CardServiceViewModel.State.DONE);
        CardImage card = desk.cardReader().read().issued();
        assertThat(card.meterNo()).isEqualTo("8000000999");
        assertThat(card.lastPurchaseM3()).isEqualTo(12);
        assertThat(capture.awaitJobs(1, WAIT).get(0).text()).contains("换表转移记录", "8000000999", "12.34 m3",
                "12 m3");
    }

    @ParameterizedTest(name = "{0} m³ left in the old meter")
    @CsvSource({"12.34, 12", "0.40, 0"})                           // with no whole m³ the card is still rebound
    void aTransferWhoseCardWriteFailsIsRecordedAndPrintedAndWrittenWhenTheCardIsPutInAgain(String left, long m3)
            throws Exception {
        demo.insert(ACCOUNT);
        VirtualCard card = demo.readers().card(demo.readerName()).orElseThrow();
        model.businessProperty().set(Business.METER_REPLACED);
        model.readCard();
        fieldCheck("0", "0", left);
        model.newMeterNoProperty().set("8000000999");
        model.reasonProperty().set("旧表损坏换表");
        model.confirm();
        int countBefore = desk.cardReader().read().issued().purchaseCount();
        card.tearUpdate(1, 2);                                     // the card is pulled during the write

        model.commit(approval("换表"));

        assertThat(model.stateProperty().get()).isEqualTo(CardServiceViewModel.State.OPEN_WRITE);
        assertThat(model.recordProperty().get().volumeM3()).isEqualTo(m3);
        assertThat(capture.awaitJobs(1, WAIT).get(0).text()).contains("换表转移记录", "8000000999");
        assertThat(desk.topUps().openWrites(cashier)).singleElement()
                .satisfies(w -> assertThat(w.kind()).isEqualTo(io.counterdesk.card.GasPurchase.Kind.TRANSFER));

        demo.takeOut();
        demo.readers().insert(demo.readerName(), card);
        model.cardInserted();

        assertThat(model.stateProperty().get()).isEqualTo(CardServiceViewModel.State.DONE);
        CardImage written = desk.cardReader().read().issued();
        assertThat(written.meterNo()).isEqualTo("8000000999");
        assertThat(written.lastPurchaseM3()).isEqualTo(m3);
        assertThat(written.purchaseCount()).isEqualTo(countBefore + 1);
        assertThat(desk.topUps().openWrites(cashier)).isEmpty();
    }

    @Test
    void aRecordThePrinterMissedIsPrintedWithF9AsTheOriginal() throws Exception {
        demo.insertBlank();
        capture.simulate(PrinterStatus.PAPER_OUT);
        model.businessProperty().set(Business.LOST_UNUSED);
        model.accountNoProperty().set(ACCOUNT);
        model.reasonProperty().set("丢失");
        model.confirm();
        model.commit(null);

        assertThat(model.stateProperty().get()).isEqualTo(CardServiceViewModel.State.DONE);
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        assertThat(model.messageProperty().get()).contains("记录未打印", "F9");
        assertThat(model.recordProperty().get().printCount()).isZero();

        capture.simulate(PrinterStatus.ONLINE);
        model.printAgain();

        assertThat(model.recordProperty().get().printCount()).isEqualTo(1);
        assertThat(capture.awaitJobs(1, WAIT).get(0).lines().get(0)).isNotEqualTo("重打");
    }

    @Test
    void anAccountWhoseFirstCardTheOpeningDidNotWriteGetsItHereOnceAndThenBuysGas() throws Exception {
        OpeningResult opened = openWithTheCardWriteCut("M-FC-0001");
        String attempted = issuingSerial(opened.accountId());
        long paymentsBefore = count("SELECT COUNT(*) FROM payment");
        model.businessProperty().set(Business.LOST_UNUSED);
        model.accountNoProperty().set(opened.accountNo());

        model.findAccount();

        assertThat(model.businessProperty().get()).as("no card to reissue: the form turns to the first card")
                .isEqualTo(Business.FIRST_CARD);
        assertThat(model.messageProperty().get()).contains(opened.accountNo(), "还没有首张卡", "补写首张卡");
        assertThat(model.promptProperty().get()).isEqualTo("请放入空白卡（或开户时没写成的那张卡）");
        assertThat(model.currentCardProperty().get()).isEqualTo("—");

        demo.insertBlank();
        model.readCard();                                          // F5 on a blank card: it names no account
        assertThat(model.messageProperty().get()).isEqualTo("读卡器里是一张空白卡，读不出户号：请输入户号后按 Enter");
        assertThat(model.invalidFieldProperty().get()).isEqualTo(CardServiceViewModel.Field.ACCOUNT);
        model.cardInserted();                                      // a card put in: the summary at once

        assertThat(model.stateProperty().get()).isEqualTo(CardServiceViewModel.State.CONFIRMING);
        CardServiceViewModel.Summary summary = model.summaryProperty().get();
        assertThat(summary.needsApproval()).isFalse();
        assertThat(summary.lines()).containsExactly("业务：补写首张卡",
                "户号：" + opened.accountNo() + "　户名：" + Masking.name("李明"),
                "开户时写卡没有完成：仍写卡号 " + attempted + "（那张卡已写成则直接启用）",
                "卡上购气次数 0、累计购气 0 m³（按系统记录写入）", "无需批准");

        model.commit(null);

        assertThat(model.stateProperty().get()).isEqualTo(CardServiceViewModel.State.DONE);
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.INFO);
        assertThat(model.messageProperty().get()).isEqualTo("首张卡已写好，卡号 " + attempted + "。现在可以按 Ctrl+G 购气");
        assertThat(model.currentCardProperty().get()).isEqualTo(attempted);
        assertThat(desk.cardReader().read().issued().serial()).isEqualTo(attempted);
        assertThat(model.recordProperty().get()).as("a first card stores no record, as at opening").isNull();
        assertThat(capture.jobs()).isEmpty();
        assertThat(demo.inReader()).as("the demo keeps it as the new customer's card").hasValue(opened.accountNo());
        assertThat(count("SELECT COUNT(*) FROM journal WHERE type = 'CARD_ISSUED' AND subject = 'account:"
                + opened.accountNo() + "'")).isEqualTo(1);

        buy(20);
        CardImage card = desk.cardReader().read().issued();
        assertThat(card.purchaseCount()).isEqualTo(1);
        assertThat(card.cumulativePurchasedM3()).as("the first purchase once, nothing before it").isEqualTo(20);
        assertThat(count("SELECT COUNT(*) FROM payment")).isEqualTo(paymentsBefore + 1);

        model.startOver();
        model.businessProperty().set(Business.FIRST_CARD);
        model.accountNoProperty().set(opened.accountNo());
        model.confirm();
        assertThat(model.stateProperty().get()).isEqualTo(CardServiceViewModel.State.EDITING);
        assertThat(model.messageProperty().get()).as("written once").contains("已有在用的卡", attempted);
    }

    @Test
    void aFirstCardWriteThatFailsAgainLeavesTheFormToTryOnceMore() throws Exception {
        OpeningResult opened = openWithTheCardWriteCut("M-FC-0002");
        String attempted = issuingSerial(opened.accountId());
        model.businessProperty().set(Business.FIRST_CARD);
        model.accountNoProperty().set(opened.accountNo());
        model.confirm();
        demo.readers().remove(demo.readerName());                  // the card is taken out before Enter

        model.commit(null);

        assertThat(model.stateProperty().get()).isEqualTo(CardServiceViewModel.State.EDITING);
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        assertThat(model.messageProperty().get()).startsWith("未办理：");
        assertThat(desk.cardIssue().account(cashier, opened.accountNo()).cardSerial()).isNull();

        demo.insertBlank();
        model.confirm();
        model.commit(null);

        assertThat(model.stateProperty().get()).isEqualTo(CardServiceViewModel.State.DONE);
        assertThat(desk.cardIssue().account(cashier, opened.accountNo()).cardSerial()).isEqualTo(attempted);
    }

    /** As the application wires it: the card just issued becomes the customer's demo card. */
    private void keepIssued(String accountNo) {
        Account issued = desk.cardIssue().account(cashier, accountNo);
        demo.keepIssued(accountNo, issued.holder().name(), issued.meterNo());
    }

    /** An IC household opened and paid for, its card write cut after the PSC change: no card yet. */
    private OpeningResult openWithTheCardWriteCut(String meterNo) {
        demo.insertBlank().tearUpdate(1, 0);
        OpeningResult opened = desk.openings().open(cashier, Applications.household(BuildingType.HIGH_RISE,
                MeterKind.IC, meterNo), PaymentInput.cash(Money.ofYuan(2850)), desk.cardReader(), null);
        assertThat(opened.cardPending()).isTrue();
        return opened;
    }

    private String issuingSerial(long accountId) {
        return desk.database().read(tx -> tx.handle().createQuery(
                "SELECT serial FROM ic_card WHERE account_id = :id AND status = 'ISSUING'").bind("id", accountId)
                .mapTo(String.class).one());
    }

    private long count(String sql) {
        return desk.database().read(tx -> tx.handle().createQuery(sql).mapTo(Long.class).one());
    }

    private void fieldCheck(String count, String loaded, String left) {
        model.checkerProperty().set("核查员张");
        model.checkDateProperty().set(LocalDate.now().toString());
        model.meterCountProperty().set(count);
        model.meterLoadedProperty().set(loaded);
        model.remainingProperty().set(left);
    }

    private Approval approval(String reason) {
        return new Approval(reason, desk.auth().authoriseApprover(cashier, "2001",
                "demo2001".toCharArray()));
    }

    private void buy(long m3) {
        TopUpService.CardCheck check = desk.topUps().inspect(cashier, desk.cardReader());
        assertThat(check.canBuy()).as(check.refusalText()).isTrue();
        Money cost = check.tariff().cost(check.yearVolumeM3(), m3);
        assertThat(desk.topUps().purchase(cashier, desk.cardReader(), check, m3, PaymentInput.cash(cost)).written())
                .isTrue();
    }

    private String currentSerial() {
        return desk.cardIssue().account(cashier, ACCOUNT).cardSerial();
    }

    private Optional<String> blacklisted(String serial) {
        return desk.database().read(tx -> new CardRepository().blacklisted(tx, serial));
    }
}
