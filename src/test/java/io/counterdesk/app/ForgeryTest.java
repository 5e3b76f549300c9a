package io.counterdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentResult;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.DatabaseLocation;
import io.counterdesk.persistence.Settings;
import io.counterdesk.persistence.TerminalKeys;
import io.counterdesk.receipt.IssuedReceipt;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.ReceiptMac;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.Money;
import io.counterdesk.ui.TestBackend;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.tools.Recover;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forgery attempts of issue 13 §2, each as the attacker would make it: with a copy of the
 * database file only, or with the whole data folder and the chain re-hashed; checked through
 * {@code verify} as {@link Main} runs it.
 */
class ForgeryTest {

    private static final String CARD_SECRET = "5a".repeat(32);
    private static final String RECEIPT_KEY = "c3".repeat(32);

    @TempDir
    Path dir;
    @TempDir
    Path stolen;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A terminal set up by {@code init} with the utility's keys from a file. */
    private DatabaseLocation initWithUtilityKeys() throws Exception {
        Path keys = dir.resolve("utility.keys");
        Files.writeString(keys, "card.utility.secret=" + CARD_SECRET + "\nreceipt.mac.key=" + RECEIPT_KEY + "\n");
        Path db = dir.resolve("data").resolve("hall");
        Run init = run("init", "--db", db.toString(), "--hall-code", "HZ07", "--hall-name", "杭州滨江营业厅",
                "--terminal-code", "HZ07-T02", "--admin-staff-no", "9001", "--admin-name", "陈静",
                "--admin-password=chen2025x", "--utility-keys", keys.toString());
        assertThat(init.exit()).as(init.err()).isZero();
        return DatabaseLocation.of(db);
    }

    @Test
    void initStoresTheUtilityKeysSoTheTerminalUsesThem() throws Exception {
        DatabaseLocation location = initWithUtilityKeys();

        try (Database database = Database.open(location, Clock.systemUTC())) {
            Settings settings = new Settings();
            assertThat(database.<String>read(tx -> HexFormat.of().formatHex(settings.secret(tx, "card.utility.secret"))))
                    .isEqualTo(CARD_SECRET);
            assertThat(database.<String>read(tx -> HexFormat.of().formatHex(settings.secret(tx, ReceiptMac.KEY_SETTING))))
                    .isEqualTo(RECEIPT_KEY);
        }
    }

    @Test
    void aCopyOfTheDatabaseFileAloneHoldsNeitherKeyAndDoesNotOpenWithTheOldEmptyPassword() throws Exception {
        DatabaseLocation location = initWithUtilityKeys();
        Path copy = stolen.resolve("hall.mv.db");
        Files.copy(location.dataFile(), copy);

        String bytes = new String(Files.readAllBytes(copy), StandardCharsets.ISO_8859_1);
        for (String secret : new String[] {CARD_SECRET, RECEIPT_KEY}) {
            assertThat(bytes.toLowerCase(Locale.ROOT)).doesNotContain(secret);
            assertThat(bytes).doesNotContain(new String(HexFormat.of().parseHex(secret), StandardCharsets.ISO_8859_1));
        }
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:h2:file:" + stolen.resolve("hall") + ";IFEXISTS=TRUE",
                "counterdesk", "").close()).isInstanceOf(SQLException.class).hasMessageContaining("password");
        Run verify = run("verify", "--db", copy.toString());
        assertThat(verify.exit()).isNotZero();
    }

    /**
     * The attacker reads every row of a copied file without any password (H2's own recovery tool),
     * takes the receipt key setting and makes the code for a receipt never issued.
     */
    @Test
    void aReceiptCodeForgedFromTheFileAloneDoesNotVerify() throws Exception {
        DatabaseLocation location = initWithUtilityKeys();
        Files.copy(location.dataFile(), stolen.resolve("hall.mv.db"));

        Recover.execute(stolen.toString(), "hall");
        String dump = Files.readString(stolen.resolve("hall.h2.sql"), StandardCharsets.UTF_8);
        Matcher setting = Pattern.compile("'receipt\\.mac\\.key',\\s*'([^']*)'").matcher(dump);
        assertThat(setting.find()).as("the recovered dump has the setting row").isTrue();
        String recovered = setting.group(1);
        byte[] attackersKey = recovered.matches("([0-9a-fA-F]{2})+") ? HexFormat.of().parseHex(recovered)
                : recovered.getBytes(StandardCharsets.UTF_8);

        String invented = ReceiptMac.canonical("HZ07", "HZ07-T02", ReceiptKind.RECEIPT, 12_345_678, "3300000001", 1_000_000,
                "2026-12-07T02:00:00Z");
        String forged = ReceiptMac.compute(attackersKey, invented);

        assertThat(ReceiptMac.verify(HexFormat.of().parseHex(RECEIPT_KEY), invented, forged)).isFalse();
    }

    /** A terminal of the demo hall with one cash payment; returns it. */
    private PaymentResult demoHallWithOnePayment() {
        try (CounterDesk desk = TestBackend.start(dir)) {
            Operator wang = TestBackend.login(desk, "1001");
            desk.tills().open(wang, Money.ofYuan(500));
            TestBackend.Owing customer = TestBackend.owing(desk, wang, a -> true).get(0);
            Money due = customer.bills().stream().map(b -> b.outstanding().plus(b.lateFee())).reduce(Money.ZERO, Money::plus);
            return desk.payments().collect(wang, customer.accountId(), PaymentInput.cash(Money.ofYuan(due.fen() / 10_000 * 100 + 100)));
        }
    }

    private Run verify() {
        return run("verify", "--db", dir.resolve("db").toString());
    }

    private void edit(String sql) {
        try (Database database = Database.open(DatabaseLocation.of(dir.resolve("db")), Clock.systemUTC())) {
            database.jdbi().useHandle(h -> h.execute(sql));
        }
    }

    @Test
    void anEditedPaymentRowIsFoundAndNamed() {
        PaymentResult paid = demoHallWithOnePayment();
        Run before = verify();
        assertThat(before.exit()).as(before.out()).isZero();

        edit("UPDATE payment SET cash_received_fen = cash_received_fen - 10000 WHERE id = " + paid.paymentId());

        Run after = verify();
        assertThat(after.exit()).isEqualTo(1);
        assertThat(after.out()).contains("payment " + paid.paymentId(), "cash_received_fen");
    }

    @Test
    void anEditedPaymentLineOrTenderIsFoundAndNamed() {
        PaymentResult paid = demoHallWithOnePayment();

        edit("UPDATE payment_line SET amount_fen = amount_fen + 1 WHERE payment_id = " + paid.paymentId() + " AND line_no = 1");
        edit("UPDATE payment_tender SET amount_fen = 1 WHERE payment_id = " + paid.paymentId() + " AND kind = 'CASH'");

        Run after = verify();
        assertThat(after.exit()).isEqualTo(1);
        assertThat(after.out()).contains("payment " + paid.paymentId() + " (journal event", "line 1: amount_fen",
                "cash tender: amount_fen");
    }

    @Test
    void anEditedReceiptIsFoundAndNamed() {
        PaymentResult paid = demoHallWithOnePayment();
        IssuedReceipt receipt = paid.receipts().get(0);

        edit("UPDATE receipt SET number = number + 500 WHERE id = " + receipt.id());

        Run after = verify();
        assertThat(after.exit()).isEqualTo(1);
        assertThat(after.out()).contains("receipt " + receipt.kind() + " " + receipt.number(), "missing");
    }

    @Test
    void anEditedGasPurchaseIsFoundAndNamed() {
        try (CounterDesk desk = TestBackend.start(dir)) {
            Operator wang = TestBackend.login(desk, "1001");
            desk.tills().open(wang, Money.ofYuan(500));
            desk.demoCards().orElseThrow().insert(desk.demoCards().orElseThrow().cards().get(0).accountNo());
            io.counterdesk.card.TopUpService.CardCheck check = desk.topUps().inspect(wang, desk.cardReader());
            assertThat(check.canBuy()).as(check.refusalText()).isTrue();
            Money cost = check.tariff().cost(check.yearVolumeM3(), 20);
            assertThat(desk.topUps().purchase(wang, desk.cardReader(), check, 20, PaymentInput.cash(cost)).written()).isTrue();
        }
        assertThat(verify().exit()).as(verify().out()).isZero();
        long purchase;
        try (Database database = Database.open(DatabaseLocation.of(dir.resolve("db")), Clock.systemUTC())) {
            purchase = database.read(tx -> tx.handle().createQuery("SELECT MAX(id) FROM gas_purchase").mapTo(Long.class).one());
        }

        edit("UPDATE gas_purchase SET volume_m3 = volume_m3 + 100 WHERE id = " + purchase);

        Run after = verify();
        assertThat(after.exit()).isEqualTo(1);
        assertThat(after.out()).contains("gas purchase " + purchase, "volume_m3");
    }

    @Test
    void aPaymentRowWithoutItsEventIsFound() {
        PaymentResult paid = demoHallWithOnePayment();
        edit("INSERT INTO payment(account_id, till_id, operator_id, paid_at, business_day, total_due_fen, cash_received_fen, "
                + "money_received_fen, change_fen, credit_used_fen, credit_added_fen, voucher_m3, voucher_value_fen, "
                + "still_owed_fen, status) SELECT account_id, till_id, operator_id, paid_at, business_day, total_due_fen, "
                + "cash_received_fen, money_received_fen, change_fen, credit_used_fen, credit_added_fen, voucher_m3, "
                + "voucher_value_fen, still_owed_fen, status FROM payment WHERE id = " + paid.paymentId());

        Run after = verify();
        assertThat(after.exit()).isEqualTo(1);
        assertThat(after.out()).contains("no journal event wrote it");
    }
}
