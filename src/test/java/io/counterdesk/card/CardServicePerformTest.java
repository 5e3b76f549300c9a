package io.counterdesk.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.card.virtual.VirtualCard;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.BusinessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link CardIssueService#perform}: the card service screen's businesses (was the view model's use-case
 * switch, issue 15 §4) run directly against the service, on the simulated reader and a real H2 file.
 */
class CardServicePerformTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private IcCardDesk desk;
    private VirtualCard firstCard;

    @BeforeEach
    void setUp() {
        desk = new IcCardDesk(db);
        firstCard = desk.issuedCard();
    }

    @Test
    void aDamagedCardIsReissuedWithItsRecordAndTheAccountReadAfterwardsNamesTheNewCard() {
        VirtualCard blank = desk.insertBlank();

        CardIssueService.Performed done = desk.issuing.perform(desk.cashier, desk.card, request(
                CardServiceRecord.Business.DAMAGED, null, "卡片损坏", null));

        CardServiceRecord record = done.record().orElseThrow();
        assertThat(record.business()).isEqualTo(CardServiceRecord.Business.DAMAGED);
        assertThat(record.newSerial()).isNotEmpty().isNotEqualTo(record.oldSerial());
        assertThat(done.after().cardSerial()).as("the account as the reissue left it").isEqualTo(record.newSerial());
        assertThat(done.openWrite()).as("nothing to re-credit").isEmpty();
        assertThat(blank).isNotSameAs(firstCard);
        assertThat(db.events("CARD_SERVICE_RECORDED")).hasSize(1);
    }

    @Test
    void aFoundCardsGasIsAnOpenWriteUntilTheNewCardIsIn() {
        TopUpService.CardCheck check = desk.topUps.inspect(desk.cashier, desk.card);
        desk.topUps.purchase(desk.cashier, desk.card, check, 20,
                IcCardDesk.cash(check.tariff().cost(check.yearVolumeM3(), 20).toPlainString()));
        desk.insertBlank();
        desk.issuing.perform(desk.cashier, desk.card, request(CardServiceRecord.Business.LOST_UNUSED, null, "挂失",
                null));
        desk.insert(firstCard);

        CardIssueService.Performed found = desk.issuing.perform(desk.cashier, desk.card, request(
                CardServiceRecord.Business.FOUND_CARD, null, "旧卡找回，核实未使用", desk.managerApproves()));

        assertThat(found.record()).hasValueSatisfying(r -> {
            assertThat(r.business()).isEqualTo(CardServiceRecord.Business.FOUND_CARD);
            assertThat(r.volumeM3()).isEqualTo(20);
        });
        assertThat(found.openWrite()).hasValueSatisfying(w -> {
            assertThat(w.volumeM3()).isEqualTo(20);
            assertThat(w.status()).isEqualTo(GasPurchase.Status.PENDING);
        });
    }

    @Test
    void aBlankCardIsNoFoundCardAndIsRefusedWithNothingChanged() {
        desk.insertBlank();
        long recordsBefore = desk.count("SELECT COUNT(*) FROM card_service_record");

        assertThatThrownBy(() -> desk.issuing.perform(desk.cashier, desk.card, request(
                CardServiceRecord.Business.FOUND_CARD, null, "旧卡找回", desk.managerApproves())))
                .isInstanceOf(BusinessException.class);
        assertThat(desk.count("SELECT COUNT(*) FROM card_service_record")).isEqualTo(recordsBefore);
        assertThat(db.events("CARD_SERVICE_RECORDED")).isEmpty();
    }

    @Test
    void aLoggedOutOperatorIsRefusedBeforeAnyCardWork() {
        desk.insertBlank();
        Operator gone = db.auth().login("1001", "demo1001".toCharArray());
        db.auth().logout(gone);

        assertThatThrownBy(() -> desk.issuing.perform(gone, desk.card, request(CardServiceRecord.Business.DAMAGED,
                null, "卡片损坏", null))).isInstanceOf(BusinessException.class);
        assertThat(desk.count("SELECT COUNT(*) FROM card_service_record")).isZero();
    }

    private CardIssueService.ServiceRequest request(CardServiceRecord.Business business, FieldCheck check,
                                                    String reason, io.counterdesk.security.ApprovalGrant grant) {
        return new CardIssueService.ServiceRequest(business, desk.accountId, false, check, null, reason,
                grant);
    }
}
