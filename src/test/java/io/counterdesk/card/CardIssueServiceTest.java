package io.counterdesk.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.card.virtual.SimulatedMeter;
import io.counterdesk.card.virtual.VirtualCard;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.shared.BusinessException;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reissue (补卡), re-credit (补气) and transfer cards, every case of DESIGN 2.5, on the simulated reader. */
class CardIssueServiceTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private IcCardDesk desk;
    private VirtualCard firstCard;
    private SimulatedMeter meter;
    private long recordsBefore;
    private int recordEventsBefore;

    @BeforeEach
    void setUp() {
        desk = new IcCardDesk(db);
        firstCard = desk.issuedCard();
        meter = desk.meter();
    }

    @Test
    void anAccountHasOneCardAtATimeAndOnlyBlankCardsAreIssued() {
        desk.insertBlank();
        assertThatThrownBy(() -> desk.issuing.issueFirst(desk.cashier, desk.card, desk.accountId))
                .hasMessageContaining("已有在用的卡");
        desk.insert(firstCard);
        assertThatThrownBy(() -> desk.issuing.reissue(desk.cashier, desk.card, desk.accountId,
                CardIssueService.ReissueCase.LOST_UNUSED, null, "挂失", null)).hasMessageContaining("不是空白卡");
        assertThat(desk.count("SELECT COUNT(*) FROM card_blacklist")).as("a refusal changes nothing").isZero();
    }

    @Test
    void aLostUnusedCardIsReissuedWithoutGasAndReCreditedWhenItTurnsUpUnused() {
        buy(20);                                                   // on the first card, never loaded
        desk.insertBlank();
        VirtualCard newCard = desk.readers.card(IcCardDesk.READER).orElseThrow();

        CardIssueService.IssueResult reissued = desk.issuing.reissue(desk.cashier, desk.card, desk.accountId,
                CardIssueService.ReissueCase.LOST_UNUSED, null, "顾客挂失", null);

        assertThat(reissued.recredit()).isEmpty();
        assertThat(reissued.record()).hasValueSatisfying(r -> {
            assertThat(r.business()).isEqualTo(CardServiceRecord.Business.LOST_UNUSED);
            assertThat(r.oldSerial()).isNotEmpty().isNotEqualTo(reissued.serial());
            assertThat(r.newSerial()).isEqualTo(reissued.serial());
            assertThat(r.volumeM3()).isZero();
            assertThat(r.approverStaffNo()).as("no re-credit, no approval").isEmpty();
        });
        assertThat(reissued.image().purchaseCount()).isEqualTo(1);
        assertThat(reissued.image().unloadedM3()).isZero();
        assertThat(reissued.image().reissueCount()).isEqualTo(1);
        assertThat(desk.count("SELECT COUNT(*) FROM card_blacklist WHERE reason = 'LOST'")).isEqualTo(1);

        // the old card turns up with its 20 m³ unloaded: cleared, and the gas goes onto the new card
        desk.insert(firstCard);
        assertThatThrownBy(() -> desk.issuing.clearFoundCard(desk.cashier, desk.card, "旧卡找回", null))
                .isInstanceOf(BusinessException.class);
        CardIssueService.ServiceResult found = desk.issuing.clearFoundCard(desk.cashier, desk.card, "旧卡找回，核实未使用",
                desk.managerApproves());
        GasPurchase recredit = found.write().orElseThrow();
        assertThat(found.record()).satisfies(r -> {
            assertThat(r.business()).isEqualTo(CardServiceRecord.Business.FOUND_CARD);
            assertThat(r.volumeM3()).isEqualTo(20);
            assertThat(r.writeId()).isEqualTo(recredit.id());
            assertThat(r.approverStaffNo()).isEqualTo("2001");
        });
        assertThat(desk.card.read().issued().state()).isEqualTo(CardState.CLEARED);
        assertThat(meter.insert(firstCard).outcome()).as("a cleared card loads nothing")
                .isEqualTo(SimulatedMeter.Outcome.CLEARED_CARD);

        desk.insert(newCard);
        assertThat(desk.topUps.resolve(desk.cashier, desk.card, recredit.id()))
                .isEqualTo(TopUpService.Resolution.NOT_WRITTEN);
        desk.topUps.rewrite(desk.cashier, desk.card, recredit.id());
        assertThat(meter.insert(newCard).loadedM3()).isEqualTo(20);
        assertThat(desk.count("SELECT COUNT(*) FROM gas_purchase WHERE kind = 'RECREDIT' AND amount_fen = 0"))
                .isEqualTo(1);
    }

    @Test
    void aCardLostInUseIsReCreditedWithWhatTheFieldCheckProvesWasNotLoaded() {
        buy(20);
        meter.insert(firstCard);
        desk.insert(firstCard);
        buy(30);                                                   // bought, then the card was lost
        desk.insertBlank();
        FieldCheck check = new FieldCheck(desk.accountId, LocalDate.of(2025, 3, 10), "现场员 赵强", 1, 20, 850,
                "表内剩余 8.5 m³，表上购气次数 1");

        assertThatThrownBy(() -> desk.issuing.reissue(desk.cashier, desk.card, desk.accountId,
                CardIssueService.ReissueCase.LOST_IN_USE, check, "在用卡丢失", null))
                .as("a re-credit needs the manager").isInstanceOf(BusinessException.class);
        assertThat(desk.count("SELECT COUNT(*) FROM ic_card WHERE status = 'ACTIVE'")).isEqualTo(1);

        desk.insertBlank();
        CardIssueService.IssueResult reissued = desk.issuing.reissue(desk.cashier, desk.card, desk.accountId,
                CardIssueService.ReissueCase.LOST_IN_USE, check, "在用卡丢失，现场核查第 2 次购气未输入", desk.managerApproves());

        assertThat(reissued.recredit()).hasValueSatisfying(r -> {
            assertThat(r.volumeM3()).isEqualTo(30);
            assertThat(r.status()).isEqualTo(GasPurchase.Status.COMPLETED);
        });
        assertThat(reissued.record()).hasValueSatisfying(r -> {
            assertThat(r.volumeM3()).isEqualTo(30);
            assertThat(r.writeId()).isEqualTo(reissued.recredit().orElseThrow().id());
            assertThat(r.fieldCheck()).isPresent();
            assertThat(r.approverStaffNo()).isEqualTo("2001");
        });
        CardImage image = desk.card.read().issued();
        assertThat(image.purchaseCount()).isEqualTo(3);
        assertThat(image.unloadedM3()).isEqualTo(30);
        assertThat(desk.count("SELECT COUNT(*) FROM field_check")).isEqualTo(1);
        assertThat(db.events("APPROVAL")).hasSize(1);
    }

    @Test
    void aReplacedMeterGetsATransferCardWithTheGasLeftInTheOldOne() {
        buy(20);
        meter.insert(firstCard);
        meter.use(1_150);                                          // 11.5 m³ used, 8.5 m³ left
        desk.insert(firstCard);
        FieldCheck check = new FieldCheck(desk.accountId, LocalDate.of(2025, 3, 10), "现场员 赵强", 1, 20,
                meter.remainingCentiM3(), "旧表拆除，表内剩余 8.5 m³");

        CardIssueService.ServiceResult replaced = desk.issuing.meterReplaced(desk.cashier, desk.card, desk.accountId,
                "8000000999", check, "表具更换", desk.managerApproves());
        GasPurchase transfer = replaced.write().orElseThrow();
        assertThat(transfer.status()).isEqualTo(GasPurchase.Status.COMPLETED);
        assertThat(replaced.record()).satisfies(r -> {
            assertThat(r.oldMeterNo()).isEqualTo(IcCardDesk.METER_NO);
            assertThat(r.newMeterNo()).isEqualTo("8000000999");
            assertThat(r.volumeM3()).isEqualTo(8);
        });

        assertThat(transfer.kind()).isEqualTo(GasPurchase.Kind.TRANSFER);
        assertThat(transfer.volumeM3()).as("whole cubic metres").isEqualTo(8);
        CardImage image = desk.card.read().issued();
        assertThat(image.state()).isEqualTo(CardState.TRANSFER);
        assertThat(image.meterNo()).isEqualTo("8000000999");
        assertThat(new SimulatedMeter(IcCardDesk.METER_NO, desk.keys).insert(firstCard).outcome())
                .isEqualTo(SimulatedMeter.Outcome.OTHER_METER);
        SimulatedMeter newMeter = new SimulatedMeter("8000000999", desk.keys);
        desk.insert(firstCard);
        assertThat(newMeter.insert(firstCard).loadedM3()).isEqualTo(8);
        desk.insert(firstCard);
        assertThat(desk.card.read().issued().state()).isEqualTo(CardState.USER);
        assertThat(desk.count("SELECT COUNT(*) FROM account WHERE meter_no = '8000000999'")).isEqualTo(1);
    }

    @Test
    void aReCreditWaitsUntilTheGasAlreadyOnTheCardIsInTheMeter() {
        buy(20);                                                   // on the first card, never loaded
        VirtualCard newCard = desk.insertBlank();
        desk.issuing.reissue(desk.cashier, desk.card, desk.accountId, CardIssueService.ReissueCase.LOST_UNUSED, null,
                "顾客挂失", null);
        buy(5);                                                    // on the new card, not loaded yet
        desk.insert(firstCard);
        GasPurchase recredit = desk.issuing.clearFoundCard(desk.cashier, desk.card, "旧卡找回，核实未使用",
                desk.managerApproves()).write().orElseThrow();
        desk.insert(newCard);

        assertThatThrownBy(() -> desk.topUps.rewrite(desk.cashier, desk.card, recredit.id()))
                .hasMessageContaining("请先将卡插入燃气表");
        assertThat(desk.card.read().issued().unloadedM3()).as("the 5 m³ are still on the card").isEqualTo(5);

        assertThat(meter.insert(newCard).loadedM3()).isEqualTo(5);
        desk.insert(newCard);
        desk.topUps.rewrite(desk.cashier, desk.card, recredit.id());
        assertThat(meter.insert(newCard).loadedM3()).isEqualTo(20);
    }

    @Test
    void anInterruptedTransferIsWrittenLaterForTheNewMeter() {
        buy(20);
        meter.insert(firstCard);
        desk.insert(firstCard);
        FieldCheck check = new FieldCheck(desk.accountId, LocalDate.of(2025, 3, 10), "现场员 赵强", 1, 20,
                meter.remainingCentiM3(), "旧表拆除");
        firstCard.tearUpdate(1, 3);                               // the first memory update is cut short

        CardIssueService.ServiceResult replaced = desk.issuing.meterReplaced(desk.cashier, desk.card, desk.accountId,
                "8000000999", check, "表具更换", desk.managerApproves());
        GasPurchase open = replaced.write().orElseThrow();
        assertThat(open.status()).as("left open for the card").isEqualTo(GasPurchase.Status.PENDING);
        assertThat(desk.topUps.openWrites(desk.cashier)).extracting(GasPurchase::id).containsExactly(open.id());
        assertThat(replaced.record().writeId()).as("the record is stored with the business").isEqualTo(open.id());
        desk.insert(firstCard);
        assertThat(desk.topUps.resolve(desk.cashier, desk.card, open.id()))
                .isEqualTo(TopUpService.Resolution.NOT_WRITTEN);
        desk.topUps.rewrite(desk.cashier, desk.card, open.id());

        CardImage image = desk.card.read().issued();
        assertThat(image.meterNo()).isEqualTo("8000000999");
        assertThat(image.unloadedM3()).isEqualTo(20);
        assertThat(new SimulatedMeter("8000000999", desk.keys).insert(firstCard).loadedM3()).isEqualTo(20);
    }

    // ---- a reissue cut between writing its new card and its commit is finished, never done twice ----

    @Test
    void aReissueWhoseNewCardWasWrittenButNotActivatedIsFinishedWithThatCard() {
        String oldSerial = lostInUseWithThirtyNotLoaded();
        VirtualCard newCard = desk.insertBlank();
        FieldCheck check = fieldCheck();
        refuseRecords();                                          // the commit after the card write fails
        assertThatThrownBy(() -> desk.issuing.reissue(desk.cashier, desk.card, desk.accountId,
                CardIssueService.ReissueCase.LOST_IN_USE, check, "在用卡丢失", desk.managerApproves()))
                .hasMessageContaining("NO_RECORDS");
        CardIssueService.UnfinishedReissue open = desk.issuing.unfinishedReissue(desk.cashier, desk.accountId)
                .orElseThrow();
        assertThat(open.oldSerial()).isEqualTo(oldSerial);
        assertThat(open.recreditM3()).isEqualTo(30);
        assertThat(open.newSerial()).as("the new card holds it").isEqualTo(desk.card.read().issued().serial());
        assertThatThrownBy(() -> desk.issuing.reissue(desk.cashier, desk.card, desk.accountId,
                CardIssueService.ReissueCase.LOST_IN_USE, check, "再办一次", desk.managerApproves()))
                .as("not started twice").hasMessageContaining("未完成");
        db.database().inTransaction(tx -> tx.handle().execute("ALTER TABLE card_service_record DROP CONSTRAINT NO_RECORDS"));

        desk.insert(newCard);
        CardIssueService.IssueResult finished = desk.issuing.finishReissue(desk.cashier, desk.card, desk.accountId);

        assertThat(finished.serial()).isEqualTo(open.newSerial());
        assertThat(finished.recredit()).hasValueSatisfying(r -> assertThat(r.status())
                .isEqualTo(GasPurchase.Status.COMPLETED));
        assertThat(finished.record()).hasValueSatisfying(r -> {
            assertThat(r.oldSerial()).isEqualTo(oldSerial);
            assertThat(r.volumeM3()).isEqualTo(30);
            assertThat(r.approverStaffNo()).isEqualTo("2001");
            assertThat(r.fieldCheck()).isPresent();
        });
        assertExactlyOneReissue(oldSerial, open.newSerial());
        assertThatThrownBy(() -> desk.issuing.finishReissue(desk.cashier, desk.card, desk.accountId))
                .as("finished once").hasMessageContaining("没有未完成的补卡");
        assertThat(meter.insert(newCard).loadedM3()).isEqualTo(30);
    }

    @Test
    void aFoundCardIsNotClearedWhileAReissueIsUnfinished() {
        buy(20);                                                   // on the first card, never loaded
        desk.insertBlank();
        desk.issuing.reissue(desk.cashier, desk.card, desk.accountId, CardIssueService.ReissueCase.LOST_UNUSED, null,
                "顾客挂失", null);
        desk.insertBlank();
        refuseRecords();                                          // the second card is lost too; its reissue is cut
        assertThatThrownBy(() -> desk.issuing.reissue(desk.cashier, desk.card, desk.accountId,
                CardIssueService.ReissueCase.LOST_UNUSED, null, "又丢了", null)).hasMessageContaining("NO_RECORDS");

        desk.insert(firstCard);
        assertThatThrownBy(() -> desk.issuing.clearFoundCard(desk.cashier, desk.card, "旧卡找回，核实未使用",
                desk.managerApproves())).as("its gas would go onto a blacklisted card").hasMessageContaining("未完成");
        assertThat(desk.count("SELECT COUNT(*) FROM gas_purchase WHERE kind = 'RECREDIT'")).isZero();
        assertThat(desk.card.read().issued().state()).as("the found card is not cleared").isNotEqualTo(CardState.CLEARED);
    }

    @ParameterizedTest(name = "the new card loses contact at memory update {0}")
    @ValueSource(ints = {1, 2, 3})   // the new card is written in three memory updates
    void aReissueCutWhileWritingTheNewCardIsDoneAgainOnABlankCard(int update) {
        String oldSerial = lostInUseWithThirtyNotLoaded();
        VirtualCard torn = desk.insertBlank();
        torn.tearUpdate(update, 2);
        assertThatThrownBy(() -> desk.issuing.reissue(desk.cashier, desk.card, desk.accountId,
                CardIssueService.ReissueCase.LOST_IN_USE, fieldCheck(), "在用卡丢失", desk.managerApproves()))
                .isInstanceOf(CardException.class);
        String voided = desk.issuing.unfinishedReissue(desk.cashier, desk.accountId).orElseThrow().newSerial();
        assertThat(desk.count("SELECT COUNT(*) FROM account WHERE card_serial = '" + oldSerial + "'")).isEqualTo(1);

        desk.insert(torn);
        boolean tornStillBlank = tornReadsBlank();
        // updates 1 and 2 leave it blank (with the new serial's PSC after the first); 3 spoils it
        VirtualCard newCard = tornStillBlank ? torn : desk.insertBlank();
        CardIssueService.IssueResult finished = desk.issuing.finishReissue(desk.cashier, desk.card, desk.accountId);

        assertThat(finished.serial()).isEqualTo(voided);
        assertThat(finished.image().reissueCount()).as("still the first reissue").isEqualTo(1);
        assertExactlyOneReissue(oldSerial, finished.serial());
        assertThatThrownBy(() -> desk.issuing.finishReissue(desk.cashier, desk.card, desk.accountId))
                .hasMessageContaining("没有未完成的补卡");
        assertThat(meter.insert(newCard).loadedM3()).isEqualTo(30);
    }

    private boolean tornReadsBlank() {
        try {
            return desk.card.read().blank();
        } catch (CardException e) {
            return false;
        }
    }

    @Test
    void aMeterReplacedWithNoGasLeftWhoseCardWriteFailedIsAnOpenWriteFinishedOnTheNextInsert() {
        buy(20);
        meter.insert(firstCard);
        meter.use(2_000);                                          // the old meter is empty
        desk.insert(firstCard);
        int countBefore = desk.card.read().issued().purchaseCount();
        FieldCheck check = new FieldCheck(desk.accountId, LocalDate.of(2025, 3, 10), "现场员 赵强", 1, 20, 40,
                "旧表拆除，表内剩余 0.4 m³");
        firstCard.tearUpdate(1, 3);

        CardIssueService.ServiceResult replaced = desk.issuing.meterReplaced(desk.cashier, desk.card, desk.accountId,
                "8000000999", check, "表具更换", desk.managerApproves());

        GasPurchase open = replaced.write().orElseThrow();
        assertThat(open.kind()).isEqualTo(GasPurchase.Kind.TRANSFER);
        assertThat(open.volumeM3()).isZero();
        assertThat(open.status()).isEqualTo(GasPurchase.Status.PENDING);
        assertThat(desk.topUps.openWrites(desk.cashier)).extracting(GasPurchase::id).containsExactly(open.id());
        assertThat(replaced.record().writeId()).isEqualTo(open.id());
        desk.insert(firstCard);
        assertThat(desk.topUps.inspect(desk.cashier, desk.card).refusal()).contains(TopUpService.Refusal.OPEN_WRITE);
        assertThat(desk.topUps.resolve(desk.cashier, desk.card, open.id()))
                .isEqualTo(TopUpService.Resolution.NOT_WRITTEN);
        desk.topUps.rewrite(desk.cashier, desk.card, open.id());

        CardImage image = desk.card.read().issued();
        assertThat(image.meterNo()).isEqualTo("8000000999");
        assertThat(image.purchaseCount()).as("the rebinding is a write of its own").isEqualTo(countBefore + 1);
        assertThat(image.unloadedM3()).isZero();
        assertThat(desk.topUps.openWrites(desk.cashier)).isEmpty();
        assertThatThrownBy(() -> desk.topUps.rewrite(desk.cashier, desk.card, open.id()))
                .isInstanceOf(BusinessException.class);
        SimulatedMeter newMeter = new SimulatedMeter("8000000999", desk.keys);
        assertThat(newMeter.insert(firstCard).outcome()).isEqualTo(SimulatedMeter.Outcome.NOTHING_TO_LOAD);
        desk.insert(firstCard);
        assertThat(desk.card.read().issued().state()).isEqualTo(CardState.USER);
        buy(10);                                                   // the account buys again on the new meter
        assertThat(newMeter.insert(firstCard).loadedM3()).isEqualTo(10);
    }

    /** 20 m³ loaded, then 30 m³ bought and the card lost before the meter took them; the old serial. */
    private String lostInUseWithThirtyNotLoaded() {
        buy(20);
        meter.insert(firstCard);
        desk.insert(firstCard);
        buy(30);
        return desk.card.read().issued().serial();
    }

    private FieldCheck fieldCheck() {
        return new FieldCheck(desk.accountId, LocalDate.of(2025, 3, 10), "现场员 赵强", 1, 20, 850, "表上购气次数 1");
    }

    private void assertExactlyOneReissue(String oldSerial, String newSerial) {
        assertThat(desk.count("SELECT COUNT(*) FROM ic_card WHERE status = 'ACTIVE'")).isEqualTo(1);
        assertThat(desk.count("SELECT COUNT(*) FROM account WHERE card_serial = '" + newSerial + "'")).isEqualTo(1);
        assertThat(desk.count("SELECT COUNT(*) FROM ic_card WHERE status = 'ISSUING'")).isZero();
        assertThat(desk.count("SELECT COUNT(*) FROM card_blacklist WHERE serial = '" + oldSerial + "'")).isEqualTo(1);
        assertThat(desk.count("SELECT COUNT(*) FROM gas_purchase WHERE kind = 'RECREDIT'")).as("one re-credit")
                .isEqualTo(1);
        assertThat(desk.count("SELECT COUNT(*) FROM gas_purchase WHERE kind = 'RECREDIT' AND status = 'COMPLETED'"
                + " AND volume_m3 = 30 AND card_serial = '" + newSerial + "'")).isEqualTo(1);
        assertThat(desk.count("SELECT COUNT(*) FROM approval")).as("approved once").isEqualTo(1);
        assertThat(desk.count("SELECT COUNT(*) FROM field_check")).isEqualTo(1);
        assertThat(desk.count("SELECT COUNT(*) FROM card_service_record")).isEqualTo(1);
        assertThat(db.events("CARD_REISSUED")).hasSize(1);
        CardImage image = desk.card.read().issued();
        assertThat(image.serial()).isEqualTo(newSerial);
        assertThat(image.purchaseCount()).isEqualTo(3);
        assertThat(image.unloadedM3()).isEqualTo(30);
        assertThat(db.verifyChain().isIntact()).isTrue();
    }

    // ---- the record commits with its business, or neither does ----

    @Test
    void aReissueWhoseRecordCannotBeStoredIsNotDone() {
        buy(20);
        meter.insert(firstCard);
        desk.insert(firstCard);
        buy(30);                                                   // bought, then the card was lost
        String oldSerial = desk.card.read().issued().serial();
        desk.insertBlank();
        FieldCheck check = new FieldCheck(desk.accountId, LocalDate.of(2025, 3, 10), "现场员 赵强", 1, 20, 850,
                "表上购气次数 1");
        refuseRecords();

        assertThatThrownBy(() -> desk.issuing.reissue(desk.cashier, desk.card, desk.accountId,
                CardIssueService.ReissueCase.LOST_IN_USE, check, "在用卡丢失", desk.managerApproves()))
                .hasMessageContaining("NO_RECORDS");

        assertThat(desk.count("SELECT COUNT(*) FROM account WHERE card_serial = '" + oldSerial + "'"))
                .as("the account keeps its card").isEqualTo(1);
        assertThat(desk.count("SELECT COUNT(*) FROM ic_card WHERE status = 'ACTIVE' AND serial <> '" + oldSerial + "'"))
                .as("the new card is not activated").isZero();
        assertThat(desk.count("SELECT COUNT(*) FROM gas_purchase WHERE kind = 'RECREDIT'")).as("no re-credit").isZero();
        assertThat(db.events("CARD_REISSUED")).isEmpty();
        assertThat(db.events("GAS_RECREDIT_PENDING")).isEmpty();
        assertNoRecord();
    }

    @Test
    void aFoundCardWhoseRecordCannotBeStoredIsNotReCredited() {
        buy(20);
        desk.insertBlank();
        desk.issuing.reissue(desk.cashier, desk.card, desk.accountId, CardIssueService.ReissueCase.LOST_UNUSED, null,
                "顾客挂失", null);
        desk.insert(firstCard);
        refuseRecords();

        assertThatThrownBy(() -> desk.issuing.clearFoundCard(desk.cashier, desk.card, "旧卡找回，核实未使用",
                desk.managerApproves())).hasMessageContaining("NO_RECORDS");

        assertThat(desk.count("SELECT COUNT(*) FROM gas_purchase WHERE kind = 'RECREDIT'")).as("no re-credit").isZero();
        assertThat(desk.count("SELECT COUNT(*) FROM ic_card WHERE status = 'CLEARED'")).isZero();
        assertThat(db.events("CARD_CLEAR_STARTED")).as("the clearing began: the card was written").hasSize(1);
        assertNoRecord();

        // the cleared card still proves its gas: once records can be stored, the business is done again
        db.database().inTransaction(tx -> tx.handle().execute("ALTER TABLE card_service_record DROP CONSTRAINT NO_RECORDS"));
        CardIssueService.ServiceResult found = desk.issuing.clearFoundCard(desk.cashier, desk.card, "旧卡找回，核实未使用",
                desk.managerApproves());
        assertThat(found.write()).hasValueSatisfying(w -> assertThat(w.volumeM3()).isEqualTo(20));
        assertThat(found.record().volumeM3()).isEqualTo(20);
    }

    @Test
    void aMeterReplacementWhoseRecordCannotBeStoredChangesNothing() {
        buy(20);
        meter.insert(firstCard);
        desk.insert(firstCard);
        CardImage before = desk.card.read().issued();
        FieldCheck check = new FieldCheck(desk.accountId, LocalDate.of(2025, 3, 10), "现场员 赵强", 1, 20,
                meter.remainingCentiM3(), "旧表拆除");
        long approvalsBefore = desk.count("SELECT COUNT(*) FROM approval");
        refuseRecords();

        assertThatThrownBy(() -> desk.issuing.meterReplaced(desk.cashier, desk.card, desk.accountId, "8000000999",
                check, "表具更换", desk.managerApproves())).hasMessageContaining("NO_RECORDS");

        assertThat(desk.count("SELECT COUNT(*) FROM account WHERE meter_no = '" + IcCardDesk.METER_NO + "'"))
                .as("the meter is not changed").isEqualTo(1);
        assertThat(desk.count("SELECT COUNT(*) FROM approval")).isEqualTo(approvalsBefore);
        assertThat(desk.count("SELECT COUNT(*) FROM field_check")).isZero();
        assertThat(desk.count("SELECT COUNT(*) FROM gas_purchase WHERE kind = 'TRANSFER'")).isZero();
        assertThat(db.events("METER_REPLACED")).isEmpty();
        assertThat(desk.card.read().issued()).as("the card is not written").isEqualTo(before);
        assertNoRecord();
    }

    /** From now on storing a new card service record fails in the database, as a full disk or a bug would. */
    private void refuseRecords() {
        recordsBefore = desk.count("SELECT COUNT(*) FROM card_service_record");
        recordEventsBefore = db.events("CARD_SERVICE_RECORDED").size();
        long lastId = desk.count("SELECT COALESCE(MAX(id), 0) FROM card_service_record");
        db.database().inTransaction(tx -> tx.handle().execute(
                "ALTER TABLE card_service_record ADD CONSTRAINT NO_RECORDS CHECK (id <= " + lastId + ")"));
    }

    private void assertNoRecord() {
        assertThat(desk.count("SELECT COUNT(*) FROM card_service_record")).isEqualTo(recordsBefore);
        assertThat(db.events("CARD_SERVICE_RECORDED")).hasSize(recordEventsBefore);
        assertThat(db.verifyChain().isIntact()).as("the journal chain survives the rollback").isTrue();
    }

    private void buy(long m3) {
        TopUpService.CardCheck check = desk.topUps.inspect(desk.cashier, desk.card);
        assertThat(check.canBuy()).as(check.refusalText()).isTrue();
        assertThat(desk.topUps.purchase(desk.cashier, desk.card, check, m3,
                IcCardDesk.cash(check.tariff().cost(check.yearVolumeM3(), m3).toPlainString())).written()).isTrue();
    }
}
