package io.counterdesk.account.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.account.Account;
import io.counterdesk.account.AccountKind;
import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.Holder;
import io.counterdesk.account.HolderPeriod;
import io.counterdesk.account.IdType;
import io.counterdesk.receipt.IssuedReceipt;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.opening.Applications;
import io.counterdesk.account.opening.BuildingType;
import io.counterdesk.account.opening.Document;
import io.counterdesk.account.opening.OpeningDesk;
import io.counterdesk.account.opening.OpeningResult;
import io.counterdesk.account.opening.Person;
import io.counterdesk.billing.BillRepository;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentResult;
import io.counterdesk.printing.CapturePrinter;
import io.counterdesk.printing.PrinterConfig;
import io.counterdesk.printing.Printers;
import io.counterdesk.printing.ReceiptPrinter;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.ReceiptPrinting;
import io.counterdesk.receipt.ReceiptStockService;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.servicetime.CounterBusiness;
import io.counterdesk.servicetime.ServiceTimer;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ownership transfer on a real H2 file: arrears first through the payment path, history kept, card stays. */
class TransferServiceTest {

    private static final Set<Document> DOCS = EnumSet.of(Document.FEE_INVOICE, Document.PROPERTY_PROOF,
            Document.HOLDER_ID);
    private static final Holder NEW_HOLDER = new Holder("陈静", IdType.RESIDENT_ID, Applications.LEGAL_REP_ID,
            "13700001111");

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private OpeningDesk desk;
    private TransferService transfers;
    private OpeningResult opened;
    private ReceiptPrinter printer;
    private CapturePrinter capture;
    private ReceiptPrinting printing;

    @BeforeEach
    void setUp() {
        desk = new OpeningDesk(db);
        transfers = new TransferService(db.database(), db.journal(), desk.payments, desk.serviceTimes);
        printer = Printers.open(PrinterConfig.capture());
        capture = printer.capturePrinter().orElseThrow();
        printing = new ReceiptPrinting(db.database(), db.terminal(),
                new ReceiptStockService(db.database(), db.journal(), new ApprovalRecorder(db.journal())), printer);
        desk.insertBlank();
        opened = desk.openings.open(desk.cashier, Applications.household(BuildingType.HIGH_RISE, MeterKind.IC,
                "8900000001"), PaymentInput.cash(Money.ofYuan(2850)), desk.card, null);
        db.database().inTransaction(tx -> {
            new BillRepository().insertAll(tx, List.of(
                    new BillRepository.NewBill(opened.accountId(), YearMonth.of(2025, 1), 0, 20, 20,
                            Money.parse("58.00"), LocalDate.of(2025, 1, 31), Money.ZERO),
                    new BillRepository.NewBill(opened.accountId(), YearMonth.of(2025, 2), 20, 30, 10,
                            Money.parse("29.00"), LocalDate.of(2025, 2, 28), Money.ZERO)));
            return null;
        });
    }

    @AfterEach
    void tearDown() {
        printer.close();
        desk.close();
    }

    @Test
    void theArrearsArePaidFirstThenTheNewHolderStartsAPeriodAndTheCardStaysWithTheMeter() {
        TransferService.Standing standing = transfers.standing(desk.cashier, opened.accountNo());
        assertThat(standing.bills()).hasSize(2);
        Money arrears = standing.arrears();
        assertThat(arrears).isGreaterThan(Money.parse("87.00"));              // January's late fee too
        ServiceTimer timer = desk.serviceTimes.start(CounterBusiness.TRANSFER);
        db.clock().advance(Duration.ofMinutes(6));

        TransferResult result = transfers.transfer(desk.cashier, opened.accountId(),
                new TransferApplication(NEW_HOLDER, null, DOCS), PaymentInput.cash(Money.ofYuan(100)), timer);

        assertThat(result.arrearsPayment()).hasValueSatisfying(p -> {
            assertThat(p.plan().totalDue()).isEqualTo(arrears);
            assertThat(p.plan().stillOwed()).isEqualTo(Money.ZERO);
        });
        assertThat(transfers.standing(desk.cashier, opened.accountNo()).arrears()).isEqualTo(Money.ZERO);
        Account account = db.database().read(tx -> new AccountRepository().findById(tx, opened.accountId()))
                .orElseThrow();
        assertThat(account.holder()).isEqualTo(NEW_HOLDER);
        assertThat(account.cardSerial()).as("the card stays with the meter").isEqualTo(opened.cardSerial().orElseThrow());
        assertThat(result.cardSerial()).isEqualTo(opened.cardSerial());
        List<HolderPeriod> history = db.database().read(tx -> new AccountRepository().holderHistory(tx,
                opened.accountId()));
        assertThat(history).extracting(h -> h.holder().name(), HolderPeriod::reason, HolderPeriod::isCurrent)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("陈静", "TRANSFER", true),
                        org.assertj.core.groups.Tuple.tuple("李明", "OPENING", false));
        assertThat(db.database().<List<io.counterdesk.account.AccountSummary>>read(tx -> new AccountRepository()
                .findByText(tx, "陈静", 10))).as("found by the new name").hasSize(1);
        assertThat(db.events("ACCOUNT_TRANSFERRED")).hasSize(1);
        assertThat(desk.serviceTimes.day(desk.cashier, LocalDate.of(2025, 3, 10)))
                .anySatisfy(t -> assertThat(t.business()).isEqualTo(CounterBusiness.TRANSFER));
        assertThat(db.verifyChain().isIntact()).isTrue();
    }

    @Test
    void aPaymentThatDoesNotCoverTheArrearsTransfersNothing() {
        long paymentsBefore = desk.count("SELECT COUNT(*) FROM payment");

        assertThatThrownBy(() -> transfers.transfer(desk.cashier, opened.accountId(),
                new TransferApplication(NEW_HOLDER, null, DOCS), PaymentInput.cash(Money.ofYuan(50)), null))
                .isInstanceOf(BusinessException.class).hasMessageContaining("须先缴清欠费");
        assertThatThrownBy(() -> transfers.transfer(desk.cashier, opened.accountId(),
                new TransferApplication(NEW_HOLDER, null, DOCS), PaymentInput.cash(Money.ZERO), null))
                .hasMessageContaining("须先缴清欠费");

        assertThat(desk.count("SELECT COUNT(*) FROM payment")).isEqualTo(paymentsBefore);
        assertThat(desk.count("SELECT COUNT(*) FROM holder_period")).isEqualTo(1);
        assertThat(db.events("ACCOUNT_TRANSFERRED")).isEmpty();
        Account account = db.database().read(tx -> new AccountRepository().findById(tx, opened.accountId()))
                .orElseThrow();
        assertThat(account.holder().name()).isEqualTo("李明");
    }

    @Test
    void anAccountWithoutArrearsIsTransferredWithoutAPaymentAndAProxyNeedsItsId() {
        transfers.transfer(desk.cashier, opened.accountId(), new TransferApplication(NEW_HOLDER, null, DOCS),
                PaymentInput.cash(Money.ofYuan(100)), null);
        long payments = desk.count("SELECT COUNT(*) FROM payment");
        Holder third = new Holder("周平", IdType.PASSPORT, "E12345678", "13600002222");
        Person proxy = new Person("周安", IdType.PASSPORT, "E87654321");

        assertThatThrownBy(() -> transfers.transfer(desk.cashier, opened.accountId(),
                new TransferApplication(third, proxy, DOCS), PaymentInput.cash(Money.ZERO), null))
                .hasMessageContaining("受托人身份证复印件");
        TransferResult again = transfers.transfer(desk.cashier, opened.accountId(), new TransferApplication(third,
                proxy, EnumSet.of(Document.FEE_INVOICE, Document.PROPERTY_PROOF, Document.HOLDER_ID,
                        Document.PROXY_ID)), PaymentInput.cash(Money.ZERO), null);

        assertThat(again.arrearsPayment()).isEmpty();
        assertThat(desk.count("SELECT COUNT(*) FROM payment")).isEqualTo(payments);
        assertThat(desk.count("SELECT COUNT(*) FROM holder_period WHERE valid_to IS NULL")).isEqualTo(1);
        assertThat(desk.count("SELECT COUNT(*) FROM holder_period")).isEqualTo(3);
        assertThatThrownBy(() -> transfers.transfer(desk.cashier, opened.accountId(), new TransferApplication(third,
                null, DOCS), PaymentInput.cash(Money.ZERO), null)).hasMessageContaining("同一人");
    }

    @Test
    void theSearchFindsTheOpenedAccountByItsHolderAndPhoneTailAndAfterTheTransferByTheNewOnesOnly() {
        io.counterdesk.account.AccountService search = new io.counterdesk.account.AccountService(db.database(),
                (tx, accountId) -> List.of());
        // opened for 李明, 13912345678, at 西湖区文一路翠苑小区12幢1单元1201室 (Applications)
        assertThat(search.search(desk.cashier, "5678")).extracting(s -> s.id()).containsExactly(opened.accountId());
        assertThat(search.search(desk.cashier, "李明")).extracting(s -> s.id()).containsExactly(opened.accountId());
        assertThat(search.search(desk.cashier, "翠苑小区12幢1单元")).extracting(s -> s.id()).containsExactly(opened.accountId());

        transfers.transfer(desk.cashier, opened.accountId(), new TransferApplication(new Holder("陈静怡", IdType.RESIDENT_ID,
                Applications.LEGAL_REP_ID, "13700001111"), null, DOCS), PaymentInput.cash(Money.ofYuan(100)), null);

        assertThat(search.search(desk.cashier, "1111")).extracting(s -> s.id()).containsExactly(opened.accountId());
        assertThat(search.search(desk.cashier, "陈静怡")).extracting(s -> s.id()).containsExactly(opened.accountId());
        assertThat(search.search(desk.cashier, "5678")).isEmpty();
        assertThat(search.search(desk.cashier, "李明")).isEmpty();
        assertThat(search.search(desk.cashier, "翠苑小区12幢1单元")).as("the address stays").hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            RESIDENTIAL,     false, FEE_INVOICE PROPERTY_PROOF HOLDER_ID
            RESIDENTIAL,     true,  FEE_INVOICE PROPERTY_PROOF HOLDER_ID PROXY_ID
            NON_RESIDENTIAL, false, FEE_INVOICE PROPERTY_PROOF BUSINESS_LICENCE LEGAL_REP_ID
            NON_RESIDENTIAL, true,  FEE_INVOICE PROPERTY_PROOF PROXY_ID BUSINESS_LICENCE LEGAL_REP_ID
            """)
    void eachTransferHasItsChecklist(AccountKind kind, boolean proxy, String docs) {
        assertThat(TransferApplication.required(kind, proxy)).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(docs.split(" ")).map(Document::valueOf).toList());
    }

    @Test
    void aHouseholdGoesToAPersonAndABusinessToAnOrganisation() {
        assertThatThrownBy(() -> new TransferApplication(Applications.organisation(), null, Set.of())
                .check(AccountKind.RESIDENTIAL)).hasMessageContaining("个人");
        assertThatThrownBy(() -> new TransferApplication(NEW_HOLDER, null, Set.of())
                .check(AccountKind.NON_RESIDENTIAL)).hasMessageContaining("统一社会信用代码");
    }

    // ---- receipts and the business confirmation, decoded from a real capture printer ----

    @Test
    void theArrearsReceiptOfATransferAndAnOlderReprintNameTheOldHolderALaterPaymentTheNewOne() throws Exception {
        printing.print(desk.cashier, opened.payment().orElseThrow().receipts());
        TransferResult result = transfers.transfer(desk.cashier, opened.accountId(), new TransferApplication(
                NEW_HOLDER, null, EnumSet.of(Document.FEE_INVOICE, Document.PROPERTY_PROOF, Document.HOLDER_ID)),
                PaymentInput.cash(Money.ofYuan(100)), null);
        PaymentResult arrears = result.arrearsPayment().orElseThrow();

        printing.print(desk.cashier, arrears.receipts());
        long openingReceipt = opened.payment().orElseThrow().receipts().get(0).number();
        printing.reprint(desk.cashier, ReceiptKind.RECEIPT, openingReceipt);
        marchBill();
        PaymentResult later = desk.payments.collect(desk.cashier, opened.accountId(), PaymentInput.cash(Money.ofYuan(29)));
        printing.print(desk.cashier, later.receipts());
        printing.reprint(desk.cashier, ReceiptKind.RECEIPT, arrears.receipts().get(0).number());

        List<String> texts = capture.awaitJobs(5, Duration.ofSeconds(10)).stream().map(j -> j.text()).toList();
        assertThat(texts.get(0)).as("the opening's receipt").contains("报装费", "李*");
        assertThat(texts.get(1)).as("the arrears collected by the transfer").contains("2025-01 气费", "2025-02 气费", "李*")
                .doesNotContain("陈*");
        assertThat(texts.get(2)).as("the opening's receipt reprinted after the transfer").contains("重打", "李*")
                .doesNotContain("陈*");
        assertThat(texts.get(3)).as("the new holder's first payment").contains("2025-03 气费", "陈*")
                .doesNotContain("李*");
        assertThat(texts.get(4)).as("the arrears receipt reprinted").contains("重打", "2025-01 气费", "李*")
                .doesNotContain("陈*");
    }

    @Test
    void aPaymentFromBeforeATransferIsNotReversedAndAReversalReceiptKeepsItsPayerAfterALaterTransfer() throws Exception {
        io.counterdesk.payment.PaymentReversalService reversals = new io.counterdesk.payment.PaymentReversalService(
                db.database(), db.journal(), db.terminal(), new ApprovalRecorder(db.journal()));
        PaymentResult paid = desk.payments.collect(desk.cashier, opened.accountId(), PaymentInput.cash(Money.ofYuan(100)));
        long number = paid.receipts().get(0).number();
        transfers.transfer(desk.cashier, opened.accountId(), new TransferApplication(NEW_HOLDER, null, DOCS),
                PaymentInput.cash(Money.ZERO), null);
        marchBill();
        PaymentResult later = desk.payments.collect(desk.cashier, opened.accountId(), PaymentInput.cash(Money.ofYuan(29)));

        // the old holder's payment would reopen their bill on the new holder's account: refused, nothing changes
        long payments = db.queryLong("SELECT COUNT(*) FROM payment");
        long receiptsIssued = db.queryLong("SELECT COUNT(*) FROM receipt");
        assertThatThrownBy(() -> reversals.reverse(desk.cashier, number, "收错金额",
                db.auth().authoriseApprover(desk.cashier, "2001", "demo2001".toCharArray())))
                .isInstanceOf(io.counterdesk.shared.BusinessException.class)
                .hasMessageContaining("该户已过户").hasMessageContaining(IssuedReceipt.formatNumber(number));
        assertThat(db.queryLong("SELECT COUNT(*) FROM payment")).isEqualTo(payments);
        assertThat(db.queryLong("SELECT COUNT(*) FROM receipt")).isEqualTo(receiptsIssued);

        var reversedLater = reversals.reverse(desk.cashier, later.receipts().get(0).number(), "重复收费",
                db.auth().authoriseApprover(desk.cashier, "2001", "demo2001".toCharArray()));
        transfers.transfer(desk.cashier, opened.accountId(), new TransferApplication(new Holder("周平", IdType.PASSPORT,
                "E12345678", "13600002222"), null, DOCS), PaymentInput.cash(Money.ofYuan(100)), null);
        printing.print(desk.cashier, reversedLater.receipts());
        printing.reprint(desk.cashier, ReceiptKind.RECEIPT, reversedLater.receipts().get(0).number());

        List<String> texts = capture.awaitJobs(2, Duration.ofSeconds(10)).stream()
                .map(j -> String.join("\n", io.counterdesk.printing.EscPosDecoder.lines(j.bytes()))).toList();
        assertThat(texts.get(0)).as("the reversal names who paid the original, not who holds the account now")
                .contains("冲正收据", "2025-03 气费", "陈*").doesNotContain("李*", "周*");
        assertThat(texts.get(1)).as("a reprint names the same holder").contains("重打", "冲正收据", "陈*")
                .doesNotContain("周*");
    }

    @Test
    void theMigrationGivesEarlierTransfersTheirBoundaryFromTheJournal() throws Exception {
        EnumSet<Document> docs = EnumSet.of(Document.FEE_INVOICE, Document.PROPERTY_PROOF, Document.HOLDER_ID);
        long arrears = transfers.transfer(desk.cashier, opened.accountId(), new TransferApplication(NEW_HOLDER, null,
                docs), PaymentInput.cash(Money.ofYuan(100)), null).arrearsPayment().orElseThrow().paymentId();
        db.clock().advance(Duration.ofHours(1));
        marchBill();
        long later = desk.payments.collect(desk.cashier, opened.accountId(), PaymentInput.cash(Money.ofYuan(29)))
                .paymentId();
        db.clock().advance(Duration.ofHours(1));
        transfers.transfer(desk.cashier, opened.accountId(), new TransferApplication(new Holder("周平", IdType.PASSPORT,
                "E12345678", "13600002222"), null, docs), PaymentInput.cash(Money.ZERO), null);
        String boundaries = "SELECT LISTAGG(CAST(after_payment_id AS VARCHAR), ',') WITHIN GROUP (ORDER BY id) "
                + "FROM holder_period WHERE account_id = " + opened.accountId();
        String written = db.database().read(tx -> tx.handle().createQuery(boundaries).mapTo(String.class).one());

        db.execute("UPDATE holder_period SET after_payment_id = 0");
        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/V15__holder_period_after_payment.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        int update = migration.indexOf("UPDATE holder_period");
        db.execute(migration.substring(update, migration.indexOf(';', update)));

        assertThat(written).isEqualTo("0," + arrears + "," + later);
        assertThat(db.database().<String>read(tx -> tx.handle().createQuery(boundaries).mapTo(String.class).one()))
                .isEqualTo(written);
    }

    @Test
    void theBusinessConfirmationNamesBothHoldersTheArrearsAndTheDocumentsThenPrintsAsACopy() throws Exception {
        TransferConfirmations confirmations = new TransferConfirmations(transfers, db.database(), db.terminal(),
                printer);
        Money arrears = transfers.standing(desk.cashier, opened.accountNo()).arrears();
        TransferResult result = transfers.transfer(desk.cashier, opened.accountId(), new TransferApplication(
                NEW_HOLDER, new io.counterdesk.account.opening.Person("周安", IdType.PASSPORT, "E87654321"),
                EnumSet.of(Document.FEE_INVOICE, Document.PROPERTY_PROOF, Document.HOLDER_ID, Document.PROXY_ID)),
                PaymentInput.cash(Money.ofYuan(100)), null);
        String receiptNo = result.arrearsPayment().orElseThrow().receipts().get(0).formattedNumber();

        TransferRecord first = confirmations.print(desk.cashier, result.transferId());
        // a later transfer does not change what this one's confirmation says
        transfers.transfer(desk.cashier, opened.accountId(), new TransferApplication(new Holder("周平", IdType.PASSPORT,
                "E12345678", "13600002222"), null, EnumSet.of(Document.FEE_INVOICE, Document.PROPERTY_PROOF,
                Document.HOLDER_ID)), PaymentInput.cash(Money.ZERO), null);
        TransferRecord again = confirmations.print(desk.cashier, result.transferId());

        List<String> texts = capture.awaitJobs(2, Duration.ofSeconds(10)).stream()
                .map(j -> String.join("\n", io.counterdesk.printing.EscPosDecoder.lines(j.bytes()))).toList();
        assertThat(texts.get(0)).contains("过户业务回执", String.format("%06d", result.transferId()),
                        "2025-03-10 09:30:00", "1001", opened.accountNo(), "西湖区文一路",
                        "原户主", "李*", "新户主", "陈*", NEW_HOLDER.maskedIdNumber(), "137****1111", "受托人", "周*",
                        "结清欠费（含滞纳金）", arrears.format().replace('¥', '￥'), "收款收据 " + receiptNo,
                        "户主（委托人）身份证复印件", "受托人身份证复印件", "客户签字", "[CUT]")
                .doesNotContain("重打", "13700001111", "周平");
        assertThat(texts.get(1)).contains("重打", "过户业务回执", "李*", "陈*").doesNotContain("周平");
        assertThat(first.printCount()).isEqualTo(1);
        assertThat(again.printCount()).isEqualTo(2);
        assertThat(db.events("TRANSFER_CONFIRMATION_PRINTED")).hasSize(2);
    }

    /** A bill after the transfer, for the new holder to pay. */
    private void marchBill() {
        db.database().inTransaction(tx -> {
            new BillRepository().insertAll(tx, List.of(new BillRepository.NewBill(opened.accountId(),
                    YearMonth.of(2025, 3), 30, 40, 10, Money.parse("29.00"), LocalDate.of(2025, 4, 30), Money.ZERO)));
            return null;
        });
    }
}
