package io.counterdesk.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.billing.Tariff;
import io.counterdesk.card.virtual.SimulatedMeter;
import io.counterdesk.card.virtual.VirtualCard;
import io.counterdesk.payment.PaymentPlan;
import io.counterdesk.payment.PaymentResult;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Card purchases, their two-phase writes, refunds and reversals on a real H2 file and the simulated reader. */
class TopUpServiceTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private IcCardDesk desk;
    private VirtualCard userCard;

    @BeforeEach
    void setUp() {
        desk = new IcCardDesk(db);
        userCard = desk.issuedCard();
    }

    @Test
    void theFirstCardIsAnOpeningCardOfTheAccountWithNothingToLoad() {
        CardImage image = desk.card.read().issued();

        assertThat(image.accountNo()).isEqualTo("3300000001");
        assertThat(image.meterNo()).isEqualTo(IcCardDesk.METER_NO);
        assertThat(image.state()).isEqualTo(CardState.OPENING);
        assertThat(image.purchaseCount()).isZero();
        assertThat(image.loaded()).isTrue();
        assertThat(image.serial()).startsWith("3301");
        assertThat(desk.count("SELECT COUNT(*) FROM account WHERE card_serial = '" + image.serial() + "'")).isEqualTo(1);
        assertThat(db.events("CARD_ISSUED")).hasSize(1);
    }

    @Test
    void aPurchaseTakesTheMoneyWritesTheCardAndCompletes() {
        TopUpService.CardCheck check = desk.topUps.inspect(desk.cashier, desk.card);
        assertThat(check.canBuy()).isTrue();

        TopUpService.TopUpResult result = desk.topUps.purchase(desk.cashier, desk.card, check, 20,
                IcCardDesk.cash("60"));

        assertThat(result.written()).isTrue();
        assertThat(result.purchase().status()).isEqualTo(GasPurchase.Status.COMPLETED);
        assertThat(result.purchase().purchaseNo()).isEqualTo(1);
        PaymentPlan plan = result.payment().plan();
        assertThat(plan.totalDue()).isEqualTo(Money.ofYuan(50));
        assertThat(plan.change()).isEqualTo(Money.ofYuan(10));
        assertThat(plan.lines()).singleElement().satisfies(l -> {
            assertThat(l.kind()).isEqualTo(PaymentPlan.LineKind.GAS_PURCHASE);
            assertThat(l.volumeM3()).isEqualTo(20);
        });
        CardImage image = desk.card.read().issued();
        assertThat(image.purchaseCount()).isEqualTo(1);
        assertThat(image.lastPurchaseM3()).isEqualTo(20);
        assertThat(image.loaded()).isFalse();
        assertThat(db.events("GAS_PURCHASE_PENDING")).hasSize(1);
        assertThat(db.events("GAS_PURCHASE_COMPLETED")).hasSize(1);
        assertThat(db.verifyChain().isIntact()).isTrue();
    }

    @Test
    void aSecondPurchaseWaitsUntilTheMeterLoadedTheFirst() {
        buy(20);

        TopUpService.CardCheck check = desk.topUps.inspect(desk.cashier, desk.card);
        assertThat(check.refusal()).contains(TopUpService.Refusal.NOT_LOADED);
        assertThat(check.refusalText()).contains("请先将卡插入燃气表").contains("20 m³");
        assertThatThrownBy(() -> desk.topUps.purchase(desk.cashier, desk.card, check, 5, IcCardDesk.cash("20")))
                .isInstanceOf(BusinessException.class);
        assertThat(desk.count("SELECT COUNT(*) FROM payment")).as("no money without gas").isEqualTo(1);

        SimulatedMeter meter = desk.meter();
        assertThat(meter.insert(userCard).loadedM3()).isEqualTo(20);
        desk.insert(userCard);
        TopUpService.CardCheck after = desk.topUps.inspect(desk.cashier, desk.card);
        assertThat(after.canBuy()).isTrue();
        assertThat(desk.count("SELECT COUNT(*) FROM meter_card_read")).as("the meter's figures are recorded")
                .isEqualTo(1);
    }

    @Test
    void tiersCountTheGasBoughtThisYear() {
        buyAndLoad(290);
        TopUpService.CardCheck check = desk.topUps.inspect(desk.cashier, desk.card);
        assertThat(check.yearVolumeM3()).isEqualTo(290);

        GasPricing.GasQuote quote = desk.topUps.quoteVolume(check, 20);

        assertThat(quote.tiers()).extracting(Tariff.TierCharge::tierNo, Tariff.TierCharge::volumeM3)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 10L), org.assertj.core.groups.Tuple.tuple(2, 10L));
        assertThat(quote.amount()).isEqualTo(Money.parse("55.00"));
        TopUpService.TopUpResult result = desk.topUps.purchase(desk.cashier, desk.card, check, 20,
                IcCardDesk.cash("55"));
        assertThat(result.payment().plan().lines()).extracting(PaymentPlan.Line::volumeM3).containsExactly(10L, 10L);
    }

    @Test
    void moneyBuysTheMostWholeCubicMetresItPaysFor() {
        TopUpService.CardCheck check = desk.topUps.inspect(desk.cashier, desk.card);

        assertThat(desk.topUps.quoteMoney(check, Money.ofYuan(100)).volumeM3()).isEqualTo(40);
        GasPricing.GasQuote odd = desk.topUps.quoteMoney(check, Money.parse("101.99"));
        assertThat(odd.volumeM3()).isEqualTo(40);
        assertThat(odd.amount()).isEqualTo(Money.ofYuan(100));
        assertThatThrownBy(() -> desk.topUps.quoteMoney(check, Money.parse("2.49")))
                .hasMessageContaining("不够购买 1 m³");
    }

    @Test
    void aCardPulledBeforeTheWriteLeavesThePurchaseOpenAndARewriteFinishesItOnce() {
        TopUpService.CardCheck check = desk.topUps.inspect(desk.cashier, desk.card);
        desk.readers.remove(IcCardDesk.READER);

        TopUpService.TopUpResult result = desk.topUps.purchase(desk.cashier, desk.card, check, 20,
                IcCardDesk.cash("50"));

        assertThat(result.written()).isFalse();
        assertThat(result.cardError()).isNotNull();
        assertThat(result.purchase().status()).isEqualTo(GasPurchase.Status.PENDING);
        assertThat(desk.topUps.openWrites(desk.cashier)).singleElement()
                .satisfies(w -> assertThat(w.volumeM3()).isEqualTo(20));

        desk.insert(userCard);
        assertThat(desk.topUps.inspect(desk.cashier, desk.card).refusal()).contains(TopUpService.Refusal.OPEN_WRITE);
        assertThat(desk.topUps.resolve(desk.cashier, desk.card, result.purchase().id()))
                .isEqualTo(TopUpService.Resolution.NOT_WRITTEN);
        desk.topUps.rewrite(desk.cashier, desk.card, result.purchase().id());

        assertThat(desk.card.read().issued().purchaseCount()).isEqualTo(1);
        assertThat(desk.topUps.openWrites(desk.cashier)).isEmpty();
        assertThatThrownBy(() -> desk.topUps.rewrite(desk.cashier, desk.card, result.purchase().id()))
                .as("never written twice").isInstanceOf(BusinessException.class);
        assertThat(desk.card.read().issued().purchaseCount()).isEqualTo(1);
    }

    @Test
    void whereverTheContactIsLostDuringTheWriteReadingTheCardFinishesThePurchaseExactlyOnce() {
        // cut the card's contact at each command in turn, and tear each memory update after each byte
        // count: finishing the open write (resolve, rewrite) must always leave exactly one more purchase
        // on the card and in the system. A planned cut the write did not reach fires on a later command;
        // the card is then simply inserted again, as a cashier would.
        int lost = 0;
        SimulatedMeter meter = desk.meter();
        for (int at = 1; at <= 60; at++) {
            int purchaseNo = at;
            TopUpService.CardCheck check = retrying(() -> desk.topUps.inspect(desk.cashier, desk.card));
            assertThat(check.canBuy()).as("cut %d: %s", at, check.refusalText()).isTrue();
            if (at % 2 == 0) {
                userCard.loseContactAtCommand(at / 2);
            } else {
                userCard.tearUpdate(1 + at / 12, at % 12);
            }

            TopUpService.TopUpResult result = desk.topUps.purchase(desk.cashier, desk.card, check, 1,
                    IcCardDesk.cash("2.50"));
            if (!result.written()) {
                lost++;
                long id = result.purchase().id();
                retrying(() -> {
                    if (desk.topUps.resolve(desk.cashier, desk.card, id) == TopUpService.Resolution.NOT_WRITTEN) {
                        desk.topUps.rewrite(desk.cashier, desk.card, id);
                    }
                    return null;
                });
            }
            CardImage image = retrying(() -> desk.card.read().issued());
            assertThat(image.purchaseCount()).as("cut %d", at).isEqualTo(purchaseNo);
            assertThat(image.cumulativePurchasedM3()).as("cut %d", at).isEqualTo(purchaseNo);
            assertThat(desk.count("SELECT COUNT(*) FROM gas_purchase WHERE status = 'COMPLETED'")).isEqualTo(purchaseNo);
            assertThat(desk.topUps.openWrites(desk.cashier)).isEmpty();
            retrying(() -> meter.insert(userCard));
            desk.insert(userCard);
            assertThat(meter.lastLoadedPurchase()).as("cut %d", at).isEqualTo(purchaseNo);
        }
        assertThat(meter.remainingCentiM3()).as("each cubic metre went into the meter once").isEqualTo(6_000);
        assertThat(lost).as("most cuts hit the write").isGreaterThan(30);
        assertThat(desk.count("SELECT COUNT(*) FROM payment")).isEqualTo(60);
    }

    /** Runs {@code action}, inserting the card again after each card error (up to 5 times). */
    private <T> T retrying(java.util.function.Supplier<T> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (CardException e) {
                if (attempt == 5) {
                    throw e;
                }
                desk.insert(userCard);
            }
        }
    }

    @Test
    void aPurchaseThatNeverReachedTheCardIsRefundedWithTheManagersApproval() {
        TopUpService.CardCheck check = desk.topUps.inspect(desk.cashier, desk.card);
        desk.readers.remove(IcCardDesk.READER);
        TopUpService.TopUpResult result = desk.topUps.purchase(desk.cashier, desk.card, check, 20,
                IcCardDesk.cash("50"));
        desk.insert(userCard);

        assertThatThrownBy(() -> desk.topUps.refund(desk.cashier, desk.card, result.purchase().id(), "写卡失败", null))
                .isInstanceOf(BusinessException.class);
        PaymentResult refund = desk.topUps.refund(desk.cashier, desk.card, result.purchase().id(), "写卡失败，顾客要求退款",
                desk.managerApproves());

        assertThat(refund.plan().change()).isEqualTo(Money.ofYuan(50));
        assertThat(refund.plan().lines()).allMatch(l -> l.volumeM3() < 0 && l.amount().isNegative());
        assertThat(desk.count("SELECT status = 'REFUNDED' FROM gas_purchase")).isEqualTo(1);
        assertThat(desk.count("SELECT SUM(amount_fen) FROM till_posting WHERE kind = 'CASH_OUT'")).isEqualTo(5_000);
        TopUpService.CardCheck again = desk.topUps.inspect(desk.cashier, desk.card);
        assertThat(again.canBuy()).as("the refunded write left no count behind").isTrue();
        assertThat(again.systemCount()).isZero();
    }

    /**
     * Issue 14: a reader that refuses the write outright (here {@code 6D 00}, as an ACS reader answers
     * the old {@code FF D6}) leaves the card provably unchanged: the purchase is paid back at once,
     * without a manager, instead of staying pending until a refund with approval.
     */
    @Test
    void aWriteTheReaderRefusesIsPaidBackAtOnceWithoutAManager() {
        TopUpService.CardCheck check = desk.topUps.inspect(desk.cashier, desk.card);
        byte[] before = userCard.userArea();
        userCard.refuse(0xD0, 0x6D00);

        TopUpService.TopUpResult result = desk.topUps.purchase(desk.cashier, desk.card, check, 20,
                IcCardDesk.cash("50"));

        assertThat(result.written()).isFalse();
        assertThat(result.cardError().reason()).isEqualTo(CardException.Reason.NOT_WRITTEN);
        assertThat(result.cardError().getMessage()).contains("6D00").contains("没有改动");
        assertThat(result.refund()).hasValueSatisfying(refund ->
                assertThat(refund.plan().change()).isEqualTo(Money.ofYuan(50)));
        assertThat(result.purchase().status()).isEqualTo(GasPurchase.Status.REFUNDED);
        assertThat(userCard.userArea()).isEqualTo(before);
        assertThat(desk.count("SELECT COUNT(*) FROM approval")).as("no manager").isZero();
        assertThat(desk.count("SELECT SUM(amount_fen) FROM till_posting WHERE kind = 'CASH_OUT'")).isEqualTo(5_000);
        assertThat(db.events("GAS_PURCHASE_REFUNDED")).singleElement()
                .satisfies(event -> assertThat(event.toString()).contains("NOT_WRITTEN"));
        assertThat(desk.topUps.openWrites(desk.cashier)).isEmpty();
        assertThat(db.verifyChain().isIntact()).isTrue();
    }

    @Test
    void aWriteCutByALostCardStaysPendingAndIsNotToldToStayInTheReader() {
        TopUpService.CardCheck check = desk.topUps.inspect(desk.cashier, desk.card);
        userCard.tearUpdate(1, 2);

        TopUpService.TopUpResult result = desk.topUps.purchase(desk.cashier, desk.card, check, 20,
                IcCardDesk.cash("50"));

        assertThat(result.cardError().reason()).isEqualTo(CardException.Reason.WRITE_UNCERTAIN);
        assertThat(result.cardError().getMessage()).doesNotContain("请不要拔卡").contains("重新插入");
        assertThat(result.refund()).isEmpty();
        assertThat(result.purchase().status()).isEqualTo(GasPurchase.Status.PENDING);
    }

    @Test
    void aPurchaseStillOnTheCardIsReversedWithApprovalAndPaidBack() {
        GasPurchase purchase = buy(20);

        PaymentResult refund = desk.topUps.reverse(desk.cashier, desk.card, purchase.id(), "顾客买错气量",
                desk.managerApproves());

        assertThat(refund.plan().change()).isEqualTo(Money.ofYuan(50));
        CardImage image = desk.card.read().issued();
        assertThat(image.unloadedM3()).isZero();
        assertThat(image.purchaseCount()).as("counts only grow").isEqualTo(1);
        assertThat(desk.count("SELECT COUNT(*) FROM gas_purchase WHERE status = 'REVERSED'")).isEqualTo(1);
        assertThat(desk.count("SELECT COUNT(*) FROM receipt")).as("purchase and reversal both receipted").isEqualTo(2);
        TopUpService.CardCheck again = desk.topUps.inspect(desk.cashier, desk.card);
        assertThat(again.canBuy()).isTrue();
        assertThat(again.yearVolumeM3()).isZero();
        assertThat(desk.topUps.purchase(desk.cashier, desk.card, again, 10, IcCardDesk.cash("25")).purchase()
                .purchaseNo()).isEqualTo(2);
    }

    @Test
    void gasAlreadyInTheMeterCannotBeReversed() {
        GasPurchase purchase = buy(20);
        desk.meter().insert(userCard);
        desk.insert(userCard);

        assertThatThrownBy(() -> desk.topUps.reverse(desk.cashier, desk.card, purchase.id(), "顾客买错气量",
                desk.managerApproves())).hasMessageContaining("已输入燃气表");
        assertThat(desk.count("SELECT COUNT(*) FROM gas_purchase WHERE status = 'COMPLETED'")).isEqualTo(1);
        assertThat(desk.count("SELECT COUNT(*) FROM approval")).as("nothing recorded for a refused reversal").isZero();
    }

    @Test
    void aForgedCardIsRefusedAndNothingIsSold() {
        userCard.poke(40, (byte) 0x7f);

        assertThatThrownBy(() -> desk.topUps.inspect(desk.cashier, desk.card)).isInstanceOf(CardException.class);
        assertThat(desk.count("SELECT COUNT(*) FROM payment")).isZero();
    }

    @Test
    void aBlacklistedCardIsRefusedWithWhatToDo() {
        desk.insertBlank();
        desk.issuing.reissue(desk.cashier, desk.card, desk.accountId, CardIssueService.ReissueCase.LOST_UNUSED, null,
                "顾客挂失", null);
        desk.insert(userCard);

        TopUpService.CardCheck check = desk.topUps.inspect(desk.cashier, desk.card);

        assertThat(check.refusal()).contains(TopUpService.Refusal.BLACKLISTED);
        assertThat(check.refusalText()).contains("黑名单").contains("挂失");
    }

    private GasPurchase buy(long m3) {
        desk.insert(userCard);
        TopUpService.CardCheck check = desk.topUps.inspect(desk.cashier, desk.card);
        TopUpService.TopUpResult result = desk.topUps.purchase(desk.cashier, desk.card, check, m3,
                IcCardDesk.cash(check.tariff().cost(check.yearVolumeM3(), m3).toPlainString()));
        assertThat(result.written()).isTrue();
        return result.purchase();
    }

    private void buyAndLoad(long m3) {
        buy(m3);
        desk.meter().insert(userCard);
        desk.insert(userCard);
    }
}
