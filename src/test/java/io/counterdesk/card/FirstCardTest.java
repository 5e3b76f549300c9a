package io.counterdesk.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.card.virtual.SimulatedMeter;
import io.counterdesk.card.virtual.VirtualCard;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.shared.BusinessException;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The first card of an IC account written after the opening left it (补写首张卡, the card service
 * screen's case): on a real H2 file with the simulated reader. The account of {@link IcCardDesk}
 * has never had a card, as after an opening whose card write failed.
 */
class FirstCardTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private IcCardDesk desk;

    @BeforeEach
    void setUp() {
        desk = new IcCardDesk(db);
    }

    @ParameterizedTest(name = "cut on {0}, written on {1}")
    @CsvSource({"sle4442, cpu", "cpu, sle4442"})
    void aRetryOnAnotherKindOfBlankCardIsRecordedWithTheChipItWasWrittenOn(String first, String second) {
        VirtualCard cut = blank(first);
        cut.tearUpdate(1, 0);                                     // the first memory update never reaches it
        assertThatThrownBy(() -> desk.issuing.issueFirst(desk.cashier, desk.card, desk.accountId))
                .isInstanceOf(CardException.class);
        assertThat(profiles()).as("the attempt is on record with its chip").isEqualTo(first + " ISSUING");

        blank(second);
        CardIssueService.IssueResult issued = desk.issuing.issueFirst(desk.cashier, desk.card, desk.accountId);

        assertThat(desk.card.read().profileId()).isEqualTo(second);
        assertThat(profiles()).as("the record names the card actually written").isEqualTo(second + " ACTIVE");
        assertThat(issued.serial()).isEqualTo(desk.card.read().issued().serial());
    }

    @Test
    void aFirstCardWrittenButNotActivatedIsRefusedAtTheTopUpWithThePointerToItsCaseThenFinishedOnce() {
        desk.insertBlank();
        db.database().inTransaction(tx -> tx.handle().execute(
                "ALTER TABLE ic_card ADD CONSTRAINT NO_ACTIVE CHECK (status <> 'ACTIVE')"));
        assertThatThrownBy(() -> desk.issuing.issueFirst(desk.cashier, desk.card, desk.accountId))
                .as("written, then the activation failed").hasMessageContaining("NO_ACTIVE");
        db.database().inTransaction(tx -> tx.handle().execute("ALTER TABLE ic_card DROP CONSTRAINT NO_ACTIVE"));
        String serial = desk.card.read().issued().serial();

        TopUpService.CardCheck check = desk.topUps.inspect(desk.cashier, desk.card);
        assertThat(check.refusal()).contains(TopUpService.Refusal.FIRST_CARD_UNFINISHED);
        assertThat(check.refusalText()).contains(serial, "Ctrl+B", "补写首张卡").doesNotContain("办理补卡");
        CardIssueService.FirstCard due = desk.issuing.firstCard(desk.cashier, desk.accountId);
        assertThat(due.interruptedSerial()).hasValue(serial);
        assertThat(due.purchaseCount()).isZero();
        assertThat(due.cumulativeM3()).isZero();

        CardIssueService.IssueResult issued = desk.issuing.issueFirst(desk.cashier, desk.card, desk.accountId);

        assertThat(issued.serial()).as("activated as it is").isEqualTo(serial);
        assertThat(db.events("CARD_ISSUED")).hasSize(1);
        assertThatThrownBy(() -> desk.issuing.issueFirst(desk.cashier, desk.card, desk.accountId))
                .as("issued once").hasMessageContaining("已有在用的卡");
        assertThatThrownBy(() -> desk.issuing.firstCard(desk.cashier, desk.accountId))
                .hasMessageContaining("已有在用的卡");
        assertThat(desk.topUps.inspect(desk.cashier, desk.card).canBuy()).isTrue();
    }

    @Test
    void theFirstCardStartsWithTheSystemsCountsAndItsFirstPurchaseLandsOnItOnce() {
        VirtualCard cut = desk.insertBlank();
        cut.tearUpdate(2, 5);                                     // cut inside the record: the card reads blank
        assertThatThrownBy(() -> desk.issuing.issueFirst(desk.cashier, desk.card, desk.accountId))
                .isInstanceOf(CardException.class);
        assertThat(desk.count("SELECT COUNT(*) FROM gas_purchase")).as("an opening buys no gas").isZero();
        desk.insert(cut);
        assertThat(desk.card.read().blank()).isTrue();

        CardImage first = desk.issuing.issueFirst(desk.cashier, desk.card, desk.accountId).image();

        assertThat(first.purchaseCount()).isZero();
        assertThat(first.cumulativePurchasedM3()).isZero();
        assertThat(first.state()).isEqualTo(CardState.OPENING);
        TopUpService.CardCheck check = desk.topUps.inspect(desk.cashier, desk.card);
        assertThat(check.canBuy()).as(check.refusalText()).isTrue();
        TopUpService.TopUpResult bought = desk.topUps.purchase(desk.cashier, desk.card, check, 20,
                IcCardDesk.cash(check.tariff().cost(check.yearVolumeM3(), 20).toPlainString()));
        assertThat(bought.written()).isTrue();
        CardImage after = desk.card.read().issued();
        assertThat(after.state()).as("the opening card carries the first purchase").isEqualTo(CardState.OPENING);
        assertThat(after.purchaseCount()).isEqualTo(1);
        assertThat(after.lastPurchaseM3()).isEqualTo(20);
        assertThat(after.cumulativePurchasedM3()).isEqualTo(20);
        assertThat(desk.count("SELECT COUNT(*) FROM gas_purchase WHERE status = 'COMPLETED' AND volume_m3 = 20"))
                .isEqualTo(1);
        SimulatedMeter meter = desk.meter();
        assertThat(meter.insert(cut).loadedM3()).as("the meter takes it once").isEqualTo(20);
        assertThat(meter.insert(cut).loadedM3()).isZero();
        desk.insert(cut);
        assertThat(desk.card.read().issued().state()).isEqualTo(CardState.USER);
    }

    @Test
    void anAccountThatNeverGotACardIsNotReissuedAndNothingChanges() {
        desk.insertBlank().tearUpdate(1, 0);
        assertThatThrownBy(() -> desk.issuing.issueFirst(desk.cashier, desk.card, desk.accountId))
                .isInstanceOf(CardException.class);
        long cards = desk.count("SELECT COUNT(*) FROM ic_card");
        desk.insertBlank();

        assertThatThrownBy(() -> desk.issuing.reissue(desk.cashier, desk.card, desk.accountId,
                CardIssueService.ReissueCase.LOST_UNUSED, null, "挂失", null))
                .isInstanceOf(BusinessException.class).hasMessageContaining("还没有写成首张卡", "补写首张卡");

        assertThat(desk.count("SELECT COUNT(*) FROM ic_card")).isEqualTo(cards);
        assertThat(desk.count("SELECT COUNT(*) FROM card_blacklist")).isZero();
        assertThat(db.events("CARD_REISSUE_STARTED")).isEmpty();
        assertThat(desk.card.read().blank()).as("nothing written").isTrue();
    }

    @Test
    void anUnfinishedReissueIsNeverActivatedAsAFirstCard() {
        desk.issuedCard();
        desk.insertBlank();
        long lastId = desk.count("SELECT COALESCE(MAX(id), 0) FROM card_service_record");
        db.database().inTransaction(tx -> tx.handle().execute(
                "ALTER TABLE card_service_record ADD CONSTRAINT NO_RECORDS CHECK (id <= " + lastId + ")"));
        assertThatThrownBy(() -> desk.issuing.reissue(desk.cashier, desk.card, desk.accountId,
                CardIssueService.ReissueCase.LOST_UNUSED, null, "挂失", null)).hasMessageContaining("NO_RECORDS");
        db.database().inTransaction(tx -> tx.handle().execute(
                "ALTER TABLE card_service_record DROP CONSTRAINT NO_RECORDS"));

        assertThatThrownBy(() -> desk.issuing.issueFirst(desk.cashier, desk.card, desk.accountId))
                .as("the reissue is finished as a reissue, with its record").hasMessageContaining("上次补卡未完成");
        assertThatThrownBy(() -> desk.issuing.firstCard(desk.cashier, desk.accountId))
                .hasMessageContaining("上次补卡未完成");
        assertThat(db.events("CARD_ISSUED")).hasSize(1);
        assertThat(desk.issuing.unfinishedReissue(desk.cashier, desk.accountId)).isPresent();
    }

    private VirtualCard blank(String profile) {
        Supplier<VirtualCard> make = profile.equals("cpu") ? VirtualCard::cpu : VirtualCard::sle4442;
        VirtualCard card = make.get();
        desk.insert(card);
        return card;
    }

    /** The account's one card row: its profile and status. */
    private String profiles() {
        return db.database().read(tx -> tx.handle().createQuery("SELECT profile || ' ' || status FROM ic_card")
                .mapTo(String.class).one());
    }
}
