package io.counterdesk.bench;

import io.counterdesk.account.AccountKind;
import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.Address;
import io.counterdesk.account.Holder;
import io.counterdesk.account.IdType;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.NewAccount;
import io.counterdesk.billing.LateFeeRule;
import io.counterdesk.payment.FeeItem;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentService;
import io.counterdesk.payment.VoucherRule;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.DatabaseLocation;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.persistence.TerminalRepository;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.ReceiptStockService;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.PasswordHasher;
import io.counterdesk.security.Role;
import io.counterdesk.shared.Money;
import io.counterdesk.till.TillService;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Issue 3 §7: durable payments per second through the real {@link PaymentService} against raw H2
 * inserts of the same rows with the same durability (one commit and one {@code CHECKPOINT SYNC}
 * per payment), on the same machine, in alternating rounds, as a ratio.
 *
 * <p>Per payment both sides write: the payment, one allocation line, one tender, one till posting,
 * the receipt and its stock range's next number, a journal event (the same payload size) and the
 * journal head. The service additionally reads (till, account lock, bills, stock lock), builds the
 * JSON payload, the SHA-256 chain hash and the receipt's HMAC.
 */
public final class PaymentBench {

    private PaymentBench() {
    }

    /** Payments per round and side; the sides alternate so that both meet the same neighbours. */
    private static final int ROUNDS = 25;
    /**
     * Warm-up payments per side before measuring. The service's path is much longer than the raw
     * side's and the JIT needs about 4,000 payments before its CPU time per payment stops falling
     * (docs/benchmarks.md, "Fifth look"); the warm-up is measured and reported in blocks, so that a
     * reader sees both sides had levelled off.
     */
    private static final int WARMUP = 4_000;
    private static final int WARMUP_BLOCK = 500;

    public static void main(String[] args) throws Exception {
        int payments = Integer.getInteger("bench.payments", 5_000);
        int warmup = Integer.getInteger("bench.warmup", WARMUP);
        Path out = Path.of(System.getProperty("bench.out", "target/bench"));
        Path dir = Files.createTempDirectory("counterdesk-paybench-");

        Result service;
        Result raw;
        double[] roundRatios = new double[ROUNDS];
        StringBuilder warmupCurve = new StringBuilder();
        try (Side serviceSide = service(dir.resolve("service")); Side rawSide = raw(dir.resolve("raw"))) {
            for (int done = 0; done < warmup; done += WARMUP_BLOCK) {
                int n = Math.min(WARMUP_BLOCK, warmup - done);
                Result s = measure(serviceSide, n);
                Result r = measure(rawSide, n);
                warmupCurve.append(String.format(Locale.ROOT, "| %,d–%,d | %.2f | %.2f |%n", done + 1, done + n,
                        s.cpuMillis(), r.cpuMillis()));
            }
            service = new Result(0, 0, 0, 0);
            raw = new Result(0, 0, 0, 0);
            for (int round = 0; round < ROUNDS; round++) {
                int n = payments / ROUNDS + (round < payments % ROUNDS ? 1 : 0);
                Result s = measure(serviceSide, n);
                Result r = measure(rawSide, n);
                roundRatios[round] = s.perSecond() / r.perSecond();
                service = service.plus(s);
                raw = raw.plus(r);
            }
        }
        double ratio = service.perSecond() / raw.perSecond();
        double[] sorted = roundRatios.clone();
        java.util.Arrays.sort(sorted);

        String report = String.format(Locale.ROOT, """
                ## Durable payments: service vs raw H2

                - machine: %d CPUs; %s %s
                - %,d payments each (after %,d warm-up), in %d alternating rounds; every commit followed by
                  CHECKPOINT SYNC (fsync)

                | path | payments/s | mean ms per payment | CPU ms per payment | bytes written per payment |
                | --- | ---: | ---: | ---: | ---: |
                | PaymentService.collect (all rules, receipt number, journal) | %.0f | %.2f | %.2f | %,d |
                | raw JDBC inserts of the same rows, same durability | %.0f | %.2f | %.2f | %,d |

                Ratio service / raw: **%.2f** (goal ≥ 0.7: %s); per round %.2f–%.2f, median %.2f;
                CPU-time ratio raw / service: %.2f

                Warm-up, CPU ms per payment (calling thread):

                | payments | service | raw |
                | --- | ---: | ---: |
                %s""", Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), payments, warmup, ROUNDS,
                service.perSecond(), service.meanMillis(), service.cpuMillis(), service.bytesPerPayment(),
                raw.perSecond(), raw.meanMillis(), raw.cpuMillis(), raw.bytesPerPayment(),
                ratio, ratio >= 0.7 ? "met" : "MISSED", sorted[0], sorted[ROUNDS - 1],
                (sorted[ROUNDS / 2 - 1] + sorted[ROUNDS / 2]) / 2, raw.cpuMillis() / service.cpuMillis(),
                warmupCurve);
        System.out.println(report);
        Files.createDirectories(out);
        Files.writeString(out.resolve("payments.md"), report, StandardCharsets.UTF_8);
        deleteQuietly(dir);
    }

    /** One way of writing a payment durably. */
    private interface Side extends AutoCloseable {
        void pay() throws Exception;

        @Override
        void close() throws Exception;
    }

    private static Result measure(Side side, int count) throws Exception {
        Meter meter = new Meter();
        for (int i = 0; i < count; i++) {
            side.pay();
        }
        return meter.result(count);
    }

    record Result(int count, long nanos, long cpuNanos, long bytesWritten) {
        double perSecond() {
            return count / (nanos / 1e9);
        }

        double meanMillis() {
            return nanos / 1e6 / count;
        }

        double cpuMillis() {
            return cpuNanos / 1e6 / count;
        }

        long bytesPerPayment() {
            return bytesWritten / count;
        }

        Result plus(Result other) {
            return new Result(count + other.count, nanos + other.nanos, cpuNanos + other.cpuNanos,
                    bytesWritten + other.bytesWritten);
        }
    }

    /**
     * Wall time, the calling thread's CPU time (H2 writes each commit in the committing thread at
     * {@code WRITE_DELAY=0}, so this is nearly all the CPU a payment costs; it is less disturbed
     * by other processes than the wall time, though not immune) and the bytes the process wrote
     * (Linux only, else 0).
     */
    private static final class Meter {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private final long start = System.nanoTime();
        private final long cpuStart = THREADS.getCurrentThreadCpuTime();
        private final long bytesStart = bytesWritten();

        Result result(int count) {
            return new Result(count, System.nanoTime() - start, THREADS.getCurrentThreadCpuTime() - cpuStart,
                    bytesWritten() - bytesStart);
        }

        private static long bytesWritten() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
                    if (line.startsWith("wchar:")) {
                        return Long.parseLong(line.substring("wchar:".length()).trim());
                    }
                }
            } catch (IOException | RuntimeException e) {
                return 0;
            }
            return 0;
        }
    }

    private static Side service(Path dir) {
        Database database = Database.open(new DatabaseLocation(dir, "bench"), Clock.systemDefaultZone());
        try {
            TerminalIdentity terminal = database.inTransaction(tx -> new TerminalRepository().register(tx, "B01",
                    "基准营业厅", "测试路 1 号", "96777", "B01-T01", "1 号窗口"));
            Journal journal = new Journal(terminal.terminalCode());
            AuthService auth = new AuthService(database, journal, new PasswordHasher(1_000));
            Operator cashier = database.inTransaction(tx -> auth.insertOperator(tx, "system", "1001", "王伟",
                    Role.CASHIER, "demo1001".toCharArray(), false));
            Operator manager = database.inTransaction(tx -> auth.insertOperator(tx, "system", "2001", "张敏",
                    Role.MANAGER, "demo2001".toCharArray(), false));
            ApprovalRecorder approvals = new ApprovalRecorder(journal);
            new ReceiptStockService(database, journal, approvals).register(manager, "1001", ReceiptKind.RECEIPT, 1, 99_999);
            new TillService(database, journal, terminal).open(cashier, Money.ofYuan(500));
            long accountId = database.inTransaction(tx -> new AccountRepository().insert(tx, new NewAccount("3300000001",
                    AccountKind.RESIDENTIAL, null, MeterKind.ORDINARY, "8000000001", null,
                    new Address("西湖区", "文三路", "幸福小区", "3", "2", "501"),
                    new Holder("王建国", IdType.RESIDENT_ID, "11010519491231002X", "13812345678"),
                    LocalDate.of(2020, 1, 1))));
            PaymentService payments = new PaymentService(database, journal, terminal, approvals, LateFeeRule.DEFAULT,
                    VoucherRule.DEFAULT);
            FeeItem fee = payments.feeCatalogue().stream().filter(f -> f.code().equals("DISMANTLING")).findFirst()
                    .orElseThrow();
            PaymentInput input = new PaymentInput(PaymentInput.Bills.ALL, List.of(new FeeItem.Line(fee, 1)), Money.ofYuan(20),
                    List.of(), List.of(), Money.ZERO, false, List.of());
            return new Side() {
                @Override
                public void pay() {
                    payments.collect(cashier, accountId, input);
                }

                @Override
                public void close() {
                    database.close();
                }
            };
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static Side raw(Path dir) throws SQLException, IOException {
        Files.createDirectories(dir);
        DatabaseLocation location = new DatabaseLocation(dir, "bench");
        // the same schema, made by the same migrations, then plain JDBC on one connection
        Database.open(location, Clock.systemDefaultZone()).close();
        Connection c = DriverManager.getConnection(location.jdbcUrl(), "counterdesk",
                io.counterdesk.persistence.TerminalKeys.load(location).orElseThrow().databasePassword());
        try {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO hall(code, name, address, hotline) VALUES ('B01', '基准营业厅', '测试路 1 号', '96777')");
                s.execute("INSERT INTO terminal(code, hall_id, name) SELECT 'B01-T01', id, '1 号窗口' FROM hall");
                s.execute("INSERT INTO operator(staff_no, name, role, password_hash, created_at) "
                        + "VALUES ('1001', '王伟', 'CASHIER', 'x', CURRENT_TIMESTAMP)");
                s.execute("INSERT INTO till_session(terminal_id, operator_id, business_day, opened_at, float_fen, status, open_key) "
                        + "SELECT t.id, o.id, CURRENT_DATE, CURRENT_TIMESTAMP, 50000, 'OPEN', 'k' FROM terminal t, operator o");
                s.execute("INSERT INTO account(account_no, kind, meter_kind, meter_no, district, street, community, building, "
                        + "unit, room, address_text, holder_name, holder_id_type, holder_id_number, holder_phone, status, "
                        + "opened_on) VALUES ('3300000001', 'RESIDENTIAL', 'ORDINARY', '8000000001', '西湖区', '文三路', "
                        + "'幸福小区', '3', '2', '501', '西湖区文三路幸福小区3幢2单元501室', '王建国', 'RESIDENT_ID', "
                        + "'11010519491231002X', '13812345678', 'ACTIVE', DATE '2020-01-01')");
                s.execute("INSERT INTO receipt_stock(kind, holder_id, first_no, last_no, next_no, registered_at, registered_by, "
                        + "status) SELECT 'RECEIPT', id, 1, 99999, 1, CURRENT_TIMESTAMP, id, 'ACTIVE' FROM operator");
            }
            c.setAutoCommit(false);
            RawPayments writer = new RawPayments(c);
            return new Side() {
                private long n;

                @Override
                public void pay() throws SQLException {
                    writer.pay(++n);
                }

                @Override
                public void close() throws SQLException {
                    c.close();
                }
            };
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** The rows of one payment written with prepared statements: commit, then fsync. */
    private static final class RawPayments {
        /** The journal payload the service writes for this payment, same fields and size. */
        private static final String PAYLOAD = "{\"accountNo\":\"3300000001\",\"cashReceivedFen\":2000,\"changeFen\":0,"
                + "\"creditAddedFen\":0,\"creditUsedFen\":0,\"lines\":[{\"amountFen\":2000,\"billId\":0,\"kind\":\"FEE_ITEM\","
                + "\"m3\":0}],\"moneyReceivedFen\":2000,\"paymentId\":%d,\"receipts\":[{\"kind\":\"RECEIPT\","
                + "\"mac\":\"000000000000\",\"number\":%d,\"part\":\"WHOLE\"}],\"stillOwedFen\":0,\"tenders\":[],"
                + "\"tillId\":1,\"totalDueFen\":2000,\"voucherM3\":0,\"voucherValueFen\":0,\"vouchers\":[],"
                + "\"waiverApprovals\":[]}";

        private final Connection c;
        private final PreparedStatement payment;
        private final PreparedStatement line;
        private final PreparedStatement tender;
        private final PreparedStatement posting;
        private final PreparedStatement stock;
        private final PreparedStatement receipt;
        private final PreparedStatement journal;
        private final PreparedStatement head;
        private final Statement sync;

        RawPayments(Connection c) throws SQLException {
            this.c = c;
            payment = c.prepareStatement("INSERT INTO payment(id, account_id, till_id, operator_id, paid_at, business_day, "
                    + "total_due_fen, cash_received_fen, money_received_fen, change_fen, credit_used_fen, credit_added_fen, "
                    + "voucher_m3, voucher_value_fen, still_owed_fen, status) VALUES (?, 1, 1, 1, ?, CURRENT_DATE, 2000, 2000, "
                    + "2000, 0, 0, 0, 0, 0, 0, 'COMPLETED')");
            line = c.prepareStatement("INSERT INTO payment_line(payment_id, line_no, kind, label, amount_fen, volume_m3, "
                    + "fee_code) VALUES (?, 1, 'FEE_ITEM', '拆表费', 2000, 0, 'DISMANTLING')");
            tender = c.prepareStatement("INSERT INTO payment_tender(payment_id, tender_no, kind, amount_fen) "
                    + "VALUES (?, 1, 'CASH', 2000)");
            posting = c.prepareStatement("INSERT INTO till_posting(till_id, payment_id, kind, amount_fen, posted_at) "
                    + "VALUES (1, ?, 'CASH_IN', 2000, ?)");
            stock = c.prepareStatement("UPDATE receipt_stock SET next_no = ? WHERE id = 1");
            receipt = c.prepareStatement("INSERT INTO receipt(kind, number, stock_id, payment_id, part, issued_by, issued_at, "
                    + "status, mac) VALUES ('RECEIPT', ?, 1, ?, 'WHOLE', 1, ?, 'ISSUED', '000000000000')");
            journal = c.prepareStatement("INSERT INTO journal(seq, occurred_at, terminal_code, staff_no, type, subject, "
                    + "payload, prev_hash, hash) VALUES (?, ?, 'B01-T01', '1001', 'PAYMENT', 'account:3300000001', ?, ?, ?)");
            head = c.prepareStatement("UPDATE journal_head SET last_seq = ?, last_hash = ? WHERE id = 1");
            sync = c.createStatement();
        }

        void pay(long n) throws SQLException {
            Timestamp now = new Timestamp(System.currentTimeMillis());
            payment.setLong(1, n);
            payment.setTimestamp(2, now);
            payment.executeUpdate();
            line.setLong(1, n);
            line.executeUpdate();
            tender.setLong(1, n);
            tender.executeUpdate();
            posting.setLong(1, n);
            posting.setTimestamp(2, now);
            posting.executeUpdate();
            stock.setLong(1, n + 1);
            stock.executeUpdate();
            receipt.setLong(1, n);
            receipt.setLong(2, n);
            receipt.setTimestamp(3, now);
            receipt.executeUpdate();
            String hash = String.format("%064d", n);
            journal.setLong(1, n);
            journal.setTimestamp(2, now);
            journal.setString(3, String.format(Locale.ROOT, PAYLOAD, n, n));
            journal.setString(4, String.format("%064d", n - 1));
            journal.setString(5, hash);
            journal.executeUpdate();
            head.setLong(1, n);
            head.setString(2, hash);
            head.executeUpdate();
            c.commit();
            sync.execute("CHECKPOINT SYNC");
        }
    }

    static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("left the bench's temp directory behind: " + dir + " (" + e.getMessage() + ")");
        }
    }
}
