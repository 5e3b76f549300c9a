package io.counterdesk.account.opening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.account.Account;
import io.counterdesk.account.AccountKind;
import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.AccountStatus;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.UseType;
import io.counterdesk.card.CardImage;
import io.counterdesk.card.virtual.VirtualCard;
import io.counterdesk.payment.MoneyTender;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentPlan;
import io.counterdesk.payment.TenderKind;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.printing.EscPosDecoder;
import io.counterdesk.servicetime.CounterBusiness;
import io.counterdesk.servicetime.ServiceTime;
import io.counterdesk.servicetime.ServiceTimer;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Masking;
import io.counterdesk.shared.Money;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Opening accounts on a real H2 file: one commit for account, money and events, then the first card. */
class AccountOpeningServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private OpeningDesk desk;

    @BeforeEach
    void setUp() {
        desk = new OpeningDesk(db);
    }

    @AfterEach
    void tearDown() {
        desk.close();
    }

    @Test
    void aHighRiseHouseholdWithAnIcMeterIsOpenedPaidAndGetsItsFirstCard() {
        desk.insertBlank();
        ServiceTimer timer = desk.serviceTimes.start(CounterBusiness.IC_OPENING);
        db.clock().advance(Duration.ofMinutes(7));

        OpeningResult result = desk.openings.open(desk.cashier,
                Applications.household(BuildingType.HIGH_RISE, MeterKind.IC, "8100000001"),
                PaymentInput.cash(Money.ofYuan(3000)), desk.card, timer);

        assertThat(result.accountNo()).isEqualTo("3300000001");
        assertThat(result.cardError()).isEmpty();
        Account account = account(result.accountId());
        assertThat(account.kind()).isEqualTo(AccountKind.RESIDENTIAL);
        assertThat(account.meterKind()).isEqualTo(MeterKind.IC);
        assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(account.cardSerial()).isEqualTo(result.cardSerial().orElseThrow());
        CardImage card = desk.card.read().issued();
        assertThat(card.accountNo()).isEqualTo("3300000001");
        assertThat(card.meterNo()).isEqualTo("8100000001");
        assertThat(card.purchaseCount()).isZero();

        PaymentPlan plan = result.payment().orElseThrow().plan();
        assertThat(plan.totalDue()).isEqualTo(Money.ofYuan(2850));
        assertThat(plan.change()).isEqualTo(Money.ofYuan(150));
        assertThat(result.payment().orElseThrow().receipts()).singleElement()
                .satisfies(r -> assertThat(r.number()).isEqualTo(10001));
        assertThat(db.events("ACCOUNT_OPENED")).hasSize(1);
        assertThat(db.events("PAYMENT")).hasSize(1);
        assertThat(db.events("CARD_ISSUED")).hasSize(1);
        assertThat(desk.count("SELECT COUNT(*) FROM holder_period WHERE reason = 'OPENING'")).isEqualTo(1);
        assertThat(db.database().<List<io.counterdesk.account.AccountSummary>>read(tx -> new AccountRepository().findByText(tx, "翠苑", 10)))
                .as("found by address at once").hasSize(1);

        List<ServiceTime> times = desk.serviceTimes.day(desk.cashier, LocalDate.of(2025, 3, 10));
        assertThat(times).singleElement().satisfies(t -> {
            assertThat(t.business()).isEqualTo(CounterBusiness.IC_OPENING);
            assertThat(t.taken()).isEqualTo(Duration.ofMinutes(7));
            assertThat(t.promise()).isEqualTo(Duration.ofMinutes(15));
            assertThat(t.withinPromise()).isTrue();
            assertThat(t.staffNo()).isEqualTo("1001");
        });
        assertThat(db.verifyChain().isIntact()).isTrue();
    }

    @Test
    void aRestaurantPaysKwTimesTheRateAndTheDepositAndItsAutoDebitIsEnrolled() {
        OpeningApplication restaurant = Applications.withProxyAndDebit(
                Applications.business(GasPurpose.KITCHEN, UnitNature.BUSINESS, "12.5", "8200000001"), true, false,
                EnumSet.of(Document.BUSINESS_LICENCE, Document.LEGAL_REP_ID, Document.APPLICATION_FORM,
                        Document.PROXY_ID));
        restaurant = new OpeningApplication(restaurant.holder(), restaurant.address(), restaurant.meterKind(),
                restaurant.meterNo(), null, restaurant.business(), restaurant.proxy(),
                new BankDebit(Bank.CCB, false, "33001618627053001234", "杭州味道餐饮有限公司"),
                EnumSet.of(Document.BUSINESS_LICENCE, Document.LEGAL_REP_ID, Document.APPLICATION_FORM,
                        Document.PROXY_ID, Document.BANK_CARD));
        PaymentInput tenders = new PaymentInput(PaymentInput.Bills.NONE, List.of(), Money.ZERO,
                List.of(new MoneyTender(TenderKind.BANK_CARD, Money.ofYuan(4500), "POS-778812")), List.of(),
                Money.ZERO, false, List.of());

        assertThat(desk.openings.quote(desk.cashier, restaurant, tenders)).hasValueSatisfying(plan ->
                assertThat(plan.totalDue()).isEqualTo(Money.ofYuan(4500)));
        OpeningResult result = desk.openings.open(desk.cashier, restaurant, tenders, null, null);

        Account account = account(result.accountId());
        assertThat(account.useType()).isEqualTo(UseType.COMMERCIAL_KITCHEN);
        assertThat(account.deposit()).isEqualTo(Money.ofYuan(1000));
        assertThat(result.cardSerial()).isEmpty();
        assertThat(result.payment().orElseThrow().plan().lines()).extracting(PaymentPlan.Line::label)
                .containsExactly("开户费（厨房用气（营业） 12.5 kW × ¥280.00）", "气费押金");
        assertThat(desk.count("SELECT COUNT(*) FROM bank_debit WHERE status = 'ACTIVE' AND bank_code = 'CCB'"))
                .isEqualTo(1);
        OpeningRecord record = desk.openings.record(desk.cashier, result.accountId());
        assertThat(record.fee()).isEqualTo(Money.ofYuan(3500));
        assertThat(record.bankDebit()).hasValueSatisfying(d -> assertThat(d.maskedNumber()).isEqualTo("**** 1234"));
        assertThat(record.receiptNumbers()).containsExactly("收款收据 00010001");
    }

    @Test
    void aCollectiveInvoiceOpensOneAccountOnlyAndTakesNoMoney() {
        OpeningResult first = desk.openings.open(desk.cashier, Applications.householdWithInvoice("FP2025-0001",
                "8300000001"), PaymentInput.cash(Money.ZERO), null, null);

        assertThat(first.payment()).isEmpty();
        assertThat(desk.count("SELECT COUNT(*) FROM payment")).isZero();
        assertThatThrownBy(() -> desk.openings.open(desk.cashier, Applications.householdWithInvoice("FP2025-0001",
                "8300000002"), PaymentInput.cash(Money.ZERO), null, null))
                .isInstanceOf(BusinessException.class)
                .hasMessage("报装费发票 FP2025-0001 已于 2025-03-10 用于户号 3300000001 开户，不能再次使用");
        assertThat(desk.count("SELECT COUNT(*) FROM account")).isEqualTo(1);
    }

    @Test
    void aRefusedPaymentOpensNothing() {
        assertThatThrownBy(() -> desk.openings.open(desk.cashier,
                Applications.household(BuildingType.VILLA, MeterKind.ORDINARY, "8400000001"),
                PaymentInput.cash(Money.ofYuan(3999)), null, null))
                .isInstanceOf(BusinessException.class).hasMessageContaining("报装费（别墅）");

        assertNothingWritten();
    }

    @Test
    void withoutAllDocumentsOrWithAMeterInUseNothingIsOpened() {
        OpeningApplication app = Applications.household(BuildingType.MULTI_STOREY, MeterKind.ORDINARY, "8500000001");
        assertThatThrownBy(() -> desk.openings.open(desk.cashier, Applications.ticked(app,
                EnumSet.of(Document.HOLDER_ID)), PaymentInput.cash(Money.ofYuan(2400)), null, null))
                .hasMessageContaining("房屋产权证或购房合同");
        assertNothingWritten();

        desk.openings.open(desk.cashier, app, PaymentInput.cash(Money.ofYuan(2400)), null, null);
        assertThatThrownBy(() -> desk.openings.open(desk.cashier, app, PaymentInput.cash(Money.ofYuan(2400)), null,
                null)).hasMessage("表号 8500000001 已属于户号 3300000001，请核对表号");
        assertThat(desk.count("SELECT COUNT(*) FROM account")).isEqualTo(1);
        assertThat(desk.count("SELECT COUNT(*) FROM payment")).isEqualTo(1);
    }

    @Test
    void anIcOpeningWithoutABlankCardInTheReaderOpensNothing() {
        desk.insertBlank();
        desk.openings.open(desk.cashier, Applications.household(BuildingType.HIGH_RISE, MeterKind.IC, "8600000001"),
                PaymentInput.cash(Money.ofYuan(2850)), desk.card, null);
        long before = desk.count("SELECT COUNT(*) FROM account");

        // the card now in the reader is the first account's
        assertThatThrownBy(() -> desk.openings.open(desk.cashier,
                Applications.household(BuildingType.HIGH_RISE, MeterKind.IC, "8600000002"),
                PaymentInput.cash(Money.ofYuan(2850)), desk.card, null)).hasMessageContaining("不是空白卡");
        desk.readers.remove(OpeningDesk.READER);
        assertThatThrownBy(() -> desk.openings.open(desk.cashier,
                Applications.household(BuildingType.HIGH_RISE, MeterKind.IC, "8600000002"),
                PaymentInput.cash(Money.ofYuan(2850)), desk.card, null)).isInstanceOf(BusinessException.class);
        assertThat(desk.count("SELECT COUNT(*) FROM account")).isEqualTo(before);
        assertThat(desk.count("SELECT COUNT(*) FROM payment")).isEqualTo(1);
    }

    @Test
    void aCardThatFailsToWriteLeavesTheAccountOpenAndPaidWithItsCardToIssueAgain() {
        VirtualCard blank = desk.insertBlank();
        blank.tearUpdate(1, 0);                          // the first memory update never reaches the card

        OpeningResult result = desk.openings.open(desk.cashier,
                Applications.household(BuildingType.HIGH_RISE, MeterKind.IC, "8700000001"),
                PaymentInput.cash(Money.ofYuan(2850)), desk.card, null);

        assertThat(result.cardPending()).isTrue();
        assertThat(result.cardSerial()).isEmpty();
        assertThat(account(result.accountId()).cardSerial()).as("no card bound before it is written").isNull();
        assertThat(result.payment()).isPresent();
        assertThat(desk.count("SELECT COUNT(*) FROM ic_card WHERE status = 'ISSUING'"))
                .as("the attempt is on record before the write").isEqualTo(1);
        assertThat(desk.count("SELECT COUNT(*) FROM ic_card WHERE status = 'ACTIVE'")).isZero();

        String attempted = issuing();

        // the card is put in again (a fresh blank one) and issued: the account keeps its one payment
        desk.insertBlank();
        String serial = desk.openings.issueCard(desk.cashier, desk.card, result.accountId());
        assertThat(serial).as("the number of the cut write").isEqualTo(attempted);
        assertThat(account(result.accountId()).cardSerial()).isEqualTo(serial);
        assertThat(desk.card.read().issued().accountNo()).isEqualTo(result.accountNo());
        assertThat(desk.count("SELECT COUNT(*) FROM ic_card WHERE status = 'ACTIVE'")).isEqualTo(1);
        assertThat(desk.count("SELECT COUNT(*) FROM ic_card")).as("one card, no number given up").isEqualTo(1);
        assertThat(desk.count("SELECT COUNT(*) FROM payment")).isEqualTo(1);
        assertThat(db.verifyChain().isIntact()).isTrue();
    }

    @Test
    void theBusinessConfirmationPrintsWithTheSignatureLineThenCopies() throws Exception {
        desk.insertBlank();
        OpeningResult result = desk.openings.open(desk.cashier,
                Applications.withProxyAndDebit(Applications.household(BuildingType.HIGH_RISE, MeterKind.IC,
                        "8800000001"), true, true, EnumSet.of(Document.HOLDER_ID, Document.PROPERTY_PROOF,
                        Document.PROXY_ID, Document.BANK_CARD)),
                PaymentInput.cash(Money.ofYuan(2850)), desk.card, null);

        OpeningRecord printed = desk.confirmations.print(desk.cashier, result.accountId());

        assertThat(printed.printCount()).isEqualTo(1);
        List<String> lines = EscPosDecoder.lines(desk.capture().awaitJobs(1, WAIT).get(0).bytes());
        String text = String.join("\n", lines);
        assertThat(lines).contains("开户业务回执");
        assertThat(text).contains(result.accountNo(), Masking.name("李明"), Masking.idNumber(Applications.RESIDENT_ID),
                "高层", "IC 卡表 8800000001", result.cardSerial().orElseThrow(), "￥2,850.00", "收款收据 00010001",
                "中国工商银行", "受托人", "户主（委托人）身份证复印件", "客户签字", "1001");
        assertThat(text).doesNotContain(Applications.RESIDENT_ID).doesNotContain(Applications.BANK_CARD);

        desk.confirmations.print(desk.cashier, result.accountId());
        List<String> copy = EscPosDecoder.lines(desk.capture().awaitJobs(2, WAIT).get(1).bytes());
        assertThat(copy.get(0)).isEqualTo("重打");
        assertThat(db.events("OPENING_CONFIRMATION_PRINTED")).hasSize(2);
    }

    @Test
    void feesFollowTheSettings() {
        db.execute("INSERT INTO setting(name, val) VALUES ('opening.fee.HIGH_RISE', '3000'), "
                + "('opening.rate.BOILER', '150.50'), ('opening.deposit', '800'), ('opening.fee.VILLA', 'nonsense')");

        OpeningRules rules = desk.openings.rules();

        assertThat(rules.fee(Applications.household(BuildingType.HIGH_RISE, MeterKind.IC, "M0001")))
                .isEqualTo(Money.ofYuan(3000));
        assertThat(rules.fee(Applications.household(BuildingType.VILLA, MeterKind.IC, "M0001")))
                .as("an unreadable setting keeps the default").isEqualTo(Money.ofYuan(4000));
        assertThat(rules.fee(Applications.business(GasPurpose.BOILER, UnitNature.SCHOOL, "2", "M0002")))
                .isEqualTo(Money.parse("301.00"));
        assertThat(rules.deposit(Applications.business(GasPurpose.BOILER, UnitNature.SCHOOL, "2", "M0002")))
                .isEqualTo(Money.ofYuan(800));
    }

    private void assertNothingWritten() {
        assertThat(desk.count("SELECT COUNT(*) FROM account")).isZero();
        assertThat(desk.count("SELECT COUNT(*) FROM account_opening")).isZero();
        assertThat(desk.count("SELECT COUNT(*) FROM payment")).isZero();
        assertThat(desk.count("SELECT COUNT(*) FROM receipt")).isZero();
        assertThat(desk.count("SELECT COUNT(*) FROM till_posting")).isZero();
        assertThat(db.events("ACCOUNT_OPENED")).isEmpty();
    }

    @Test
    void aFirstCardCutAfterItsPscChangeIsWrittenAgainWithTheSameNumberWithoutSpendingAPscTry() {
        VirtualCard torn = desk.insertBlank();
        torn.tearUpdate(2, 0);                          // cut after the issue mark and the PSC change, before the record
        OpeningResult result = desk.openings.open(desk.cashier,
                Applications.household(BuildingType.HIGH_RISE, MeterKind.IC, "8700000002"),
                PaymentInput.cash(Money.ofYuan(2850)), desk.card, null);
        assertThat(result.cardPending()).isTrue();
        String attempted = issuing();
        assertThat(torn.psc()).as("the cut write changed the PSC to its number's").isEqualTo(desk.keys.psc(attempted));
        assertThat(torn.pscErrorCounter()).isEqualTo(0x07);

        // F8 with the same card in the reader
        desk.readers.remove(OpeningDesk.READER);
        desk.readers.insert(OpeningDesk.READER, torn);
        String serial = desk.openings.issueCard(desk.cashier, desk.card, result.accountId());

        assertThat(serial).isEqualTo(attempted);
        assertThat(torn.pscErrorCounter()).as("no PSC try spent").isEqualTo(0x07);
        assertThat(desk.card.read().issued().serial()).isEqualTo(serial);
        assertThat(account(result.accountId()).cardSerial()).isEqualTo(serial);
        assertThat(desk.count("SELECT COUNT(*) FROM ic_card")).isEqualTo(1);
        assertThat(db.events("CARD_ISSUED")).hasSize(1);
    }

    @Test
    void aFirstCardWrittenButNotActivatedIsActivatedAsItIsOnTheRetry() {
        desk.insertBlank();
        db.database().inTransaction(tx -> tx.handle().execute(
                "ALTER TABLE ic_card ADD CONSTRAINT NO_ACTIVE CHECK (status <> 'ACTIVE')"));
        OpeningResult result = desk.openings.open(desk.cashier,
                Applications.household(BuildingType.HIGH_RISE, MeterKind.IC, "8700000003"),
                PaymentInput.cash(Money.ofYuan(2850)), desk.card, null);
        assertThat(result.cardPending()).as("written, then the activation failed").isTrue();
        String attempted = issuing();
        assertThat(desk.card.read().issued().serial()).isEqualTo(attempted);
        db.database().inTransaction(tx -> tx.handle().execute("ALTER TABLE ic_card DROP CONSTRAINT NO_ACTIVE"));

        String serial = desk.openings.issueCard(desk.cashier, desk.card, result.accountId());

        assertThat(serial).isEqualTo(attempted);
        assertThat(account(result.accountId()).cardSerial()).isEqualTo(serial);
        assertThat(db.events("CARD_ISSUED")).hasSize(1);
        assertThatThrownBy(() -> desk.openings.issueCard(desk.cashier, desk.card, result.accountId()))
                .as("issued once").hasMessageContaining("已有在用的卡");
    }

    /** The serial of the card being issued (written, or to be written, but not activated). */
    private String issuing() {
        return db.database().read(tx -> tx.handle().createQuery("SELECT serial FROM ic_card WHERE status = 'ISSUING'")
                .mapTo(String.class).one());
    }

    private Account account(long id) {
        return db.database().read(tx -> new AccountRepository().findById(tx, id)).orElseThrow();
    }
}
