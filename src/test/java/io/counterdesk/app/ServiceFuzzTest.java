package io.counterdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.account.Address;
import io.counterdesk.account.Holder;
import io.counterdesk.account.IdType;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.opening.Applications;
import io.counterdesk.account.opening.BuildingType;
import io.counterdesk.account.opening.Document;
import io.counterdesk.account.opening.OpeningApplication;
import io.counterdesk.account.transfer.TransferApplication;
import io.counterdesk.payment.FeeItem;
import io.counterdesk.payment.LateFeeWaiver;
import io.counterdesk.payment.MoneyTender;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.TenderKind;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.report.DayCheck;
import io.counterdesk.security.ApprovalGrant;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import io.counterdesk.ui.TestBackend;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 §3: generated inputs thrown at the services of a real demo hall on a real H2 file. Each
 * input is either refused with a {@link BusinessException} whose message is Chinese, changing
 * nothing (the business tables' counts and sums before and after are equal), or accepted; at the
 * end the day's figures tie with the journal ({@link DayCheck}) and the chain is intact. Any other
 * exception fails the test with its seed and input.
 *
 * <p>Seeded: {@code -Dcounterdesk.fuzz.seed=…} repeats a run; {@code -Dcounterdesk.fuzz.inputs=…}
 * runs more than the suite's 10,000.
 */
class ServiceFuzzTest {

    private static final long SEED = Long.getLong("counterdesk.fuzz.seed", 20261207L);
    private static final int INPUTS = Integer.getInteger("counterdesk.fuzz.inputs", 10_000);

    /** The business tables' counts and money sums: equal before and after a refusal. */
    private static final String FINGERPRINT = """
            SELECT CONCAT_WS('|',
              (SELECT COUNT(*) FROM payment), (SELECT COALESCE(SUM(total_due_fen), 0) FROM payment),
              (SELECT COUNT(*) FROM payment_line), (SELECT COALESCE(SUM(amount_fen), 0) FROM payment_line),
              (SELECT COUNT(*) FROM till_posting), (SELECT COALESCE(SUM(amount_fen), 0) FROM till_posting),
              (SELECT COUNT(*) FROM receipt), (SELECT COUNT(*) FROM receipt WHERE void_approval IS NOT NULL),
              (SELECT COUNT(*) FROM receipt_stock), (SELECT COALESCE(SUM(next_no), 0) FROM receipt_stock),
              (SELECT COUNT(*) FROM account), (SELECT COALESCE(SUM(credit_fen), 0) FROM account),
              (SELECT COUNT(*) FROM approval), (SELECT COUNT(*) FROM bank_slip), (SELECT COALESCE(SUM(paid_fen), 0) FROM bill), (SELECT COUNT(*) FROM till_deposit), (SELECT COUNT(*) FROM till_session))""";

    @TempDir
    Path directory;

    private SplittableRandom random;
    private CounterDesk desk;
    private Operator wang;
    private final List<String> failures = new ArrayList<>();
    private int accepted;
    private int refused;
    private ApprovalGrant grant;

    @Test
    void everyInputIsRefusedCleanlyOrAcceptedConsistently() {
        random = new SplittableRandom(SEED);
        desk = TestBackend.start(directory);
        try {
            wang = TestBackend.login(desk, "1001");
            Operator zhang = TestBackend.login(desk, "2001");
            desk.tills().open(wang, Money.ofYuan(500));
            long accounts = desk.database().read(tx -> tx.handle().createQuery("SELECT MAX(id) FROM account")
                    .mapTo(Long.class).one());
            for (int i = 0; i < INPUTS && failures.size() < 20; i++) {
                int kind = random.nextInt(100);
                long account = accountId(accounts);
                if (kind < 22) {
                    attempt(i, "quote", READ, () -> desk.payments().quote(wang, account, paymentInput()));
                } else if (kind < 40) {
                    attempt(i, "collect", WRITE, () -> desk.payments().collect(wang, account, paymentInput()));
                } else if (kind < 48) {
                    attempt(i, "topUpQuote", READ, () -> desk.payments().quote(wang, account, gasInput()));
                } else if (kind < 56) {
                    attempt(i, "opening", WRITE, () -> desk.openings().open(wang, opening(), paymentInput(),
                            desk.cardReader(), null));
                } else if (kind < 64) {
                    attempt(i, "transfer", WRITE, () -> desk.transfers().transfer(wang, account,
                            new TransferApplication(holder(), null, EnumSet.allOf(Document.class)), paymentInput(), null));
                } else if (kind < 72) {
                    attempt(i, "stock", WRITE, () -> desk.receiptStock().register(zhang,
                            pick("1001", "1002", "9999", "", null, "2001"), pick(ReceiptKind.RECEIPT, ReceiptKind.CHECK_SLIP, null),
                            number(), number()));
                } else if (kind < 78) {
                    attempt(i, "deposit", WRITE, () -> desk.dayClose().deposit(wang, money()));
                } else if (kind < 86) {
                    // the manager's password is checked (and journaled) before the void is tried; a grant
                    // serves until it is used (or refused as used), as at the counter
                    if (grant == null) {
                        grant = desk.auth().authoriseApprover(wang, "2001", "demo2001".toCharArray());
                    }
                    ApprovalGrant approval = grant;
                    long voids = accepted;
                    String key = attempt(i, "void", WRITE, () -> desk.receiptStock().voidReceipt(wang,
                            pick(ReceiptKind.RECEIPT, ReceiptKind.CHECK_SLIP), number(), text(), approval));
                    if (accepted != voids || key != null && key.startsWith("security.approval")) {
                        grant = null;
                    }
                } else if (kind < 93) {
                    attempt(i, "quote", READ, () -> desk.payments().quote(wang, account, paymentInput()));
                } else {
                    // not 1001 and 2001, whose sessions the other inputs use: five wrong passwords lock an operator
                    String staffNo = pick("1002", "3001", "9001", "1002 ", "", null, "x".repeat(random.nextInt(40)), text());
                    String password = pick("demo1002", "demo3001", "wrong", "", text());
                    attempt(i, "login", LOGIN, () -> desk.auth().login(staffNo, password == null ? null : password.toCharArray()));
                }
            }
            DayCheck check = new DayCheck(desk.database(), desk.dayReports());
            DayCheck.Result day = check.check(LocalDate.now(desk.database().clock()));
            assertThat(day.differences()).as("the day's figures tie with the journal").isEmpty();
            assertThat(day.chain().isIntact()).isTrue();
        } finally {
            desk.close();
        }
        System.out.printf("ServiceFuzzTest seed %d: %d inputs, %d accepted, %d refused%n", SEED, INPUTS, accepted,
                refused);
        assertThat(failures).as("seed " + SEED + ": inputs that broke a rule").isEmpty();
        assertThat(accepted + refused).isEqualTo(INPUTS);
        assertThat(accepted).as("some inputs are good ones").isGreaterThan(INPUTS / 50);
    }

    /** A read (nothing changes), a business (accepted: journaled), a log-in (a refusal is journaled). */
    private static final int READ = 0;
    private static final int WRITE = 1;
    private static final int LOGIN = 2;

    /** @return the refusal's key, or null when accepted */
    private String attempt(int index, String what, int mode, Supplier<?> action) {
        boolean login = mode == LOGIN;
        String before = fingerprint();
        long events = journalEvents();
        try {
            action.get();
            accepted++;
            if (mode == WRITE && journalEvents() == events) {
                failures.add(index + " " + what + ": accepted without a journal event");
            }
            if (mode == READ && (journalEvents() != events || !before.equals(fingerprint()))) {
                failures.add(index + " " + what + ": a read changed the database");
            }
            return null;
        } catch (BusinessException e) {
            refused++;
            String message = I18n.text(e.key(), e.args());
            if (!message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                    || message.startsWith("!") || message.contains(e.key())) {
                failures.add(index + " " + what + ": no Chinese message for " + e.key() + ": " + message);
            }
            if (!before.equals(fingerprint())) {
                failures.add(index + " " + what + ": refused (" + e.key() + ") but changed " + before + " → " + fingerprint());
            }
            if (!login && journalEvents() != events) {
                failures.add(index + " " + what + ": refused (" + e.key() + ") but journaled");
            }
            return e.key();
        } catch (RuntimeException e) {
            failures.add(index + " " + what + ": " + e);
            return "";
        }
    }

    private String fingerprint() {
        return desk.database().read(tx -> tx.handle().createQuery(FINGERPRINT).mapTo(String.class).one());
    }

    private long journalEvents() {
        return desk.database().read(tx -> tx.handle().createQuery("SELECT COUNT(*) FROM journal").mapTo(Long.class).one());
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private long accountId(long max) {
        return switch (random.nextInt(10)) {
            case 0 -> pick(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, max + 1);
            default -> 1 + random.nextLong(max);
        };
    }

    private long number() {
        return switch (random.nextInt(6)) {
            case 0 -> pick(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 99_999_999L, 100_000_000L);
            case 1 -> random.nextLong(1, 100_000_000L);
            default -> random.nextLong(1, 3_000);
        };
    }

    /** Amounts a person might type: sensible ones mostly, and the edges. */
    private Money money() {
        return switch (random.nextInt(8)) {
            case 0 -> Money.ofFen(pick(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 10_000_000L, 10_000_001L,
                    -10_000_000L, Long.MAX_VALUE / 2));
            case 1 -> Money.ofFen(random.nextLong(-1_000_000, 100_000_000));
            default -> Money.ofYuan(random.nextLong(0, 2_000));
        };
    }

    private String text() {
        return switch (random.nextInt(10)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> "\u200B\u200B";
            case 3 -> "王\u202E伟";
            case 4 -> "打印\u0000错位";
            case 5 -> "长".repeat(random.nextInt(150, 700));
            case 6 -> "  ";
            case 7 -> "客户要求\n重开";
            default -> pick("打印错位", "客户信息有误", "重复收费", "王伟", "Ab12");
        };
    }

    private List<FeeItem.Line> fees() {
        List<FeeItem.Line> lines = new ArrayList<>();
        int n = random.nextInt(4) == 0 ? random.nextInt(1, 3) : 0;
        for (int i = 0; i < n; i++) {
            FeeItem item = switch (random.nextInt(6)) {
                case 0 -> new FeeItem("DISMANTLING", "拆表费", Money.ofYuan(20));
                case 1 -> new FeeItem("DISMANTLING", "拆表费", Money.ofFen(1));
                case 2 -> new FeeItem("CASH_OUT", "退现金", Money.ofYuan(-1_000));
                case 3 -> new FeeItem("METER_RELOCATION", "表具移位费", Money.ofYuan(100));
                case 4 -> FeeItem.gasTier(1, "气量", Money.ofFen(pick(1L, 300L, -300L)));
                default -> new FeeItem("CARD_REPLACEMENT", "IC 卡工本费", money());
            };
            lines.add(new FeeItem.Line(item, pick(1, 1, 2, 10_000, Integer.MAX_VALUE)));
        }
        return lines;
    }

    private PaymentInput paymentInput() {
        List<MoneyTender> tenders = new ArrayList<>();
        if (random.nextInt(5) == 0) {
            String ref = pick("SLIP" + random.nextInt(50), "slip" + random.nextInt(50), "CARD1234");
            tenders.add(new MoneyTender(pick(TenderKind.BANK_SLIP, TenderKind.BANK_CARD), money(), ref));
        }
        List<LateFeeWaiver> waivers = List.of();
        PaymentInput.Bills bills = random.nextInt(8) == 0
                ? PaymentInput.Bills.only(List.of(random.nextLong(1, 5_000))) : pick(PaymentInput.Bills.ALL,
                PaymentInput.Bills.NONE);
        return new PaymentInput(bills, fees(), money(), tenders, List.of(),
                random.nextInt(6) == 0 ? money() : Money.ZERO, random.nextBoolean(), waivers);
    }

    private PaymentInput gasInput() {
        long m3 = pick(1L, 10L, 500L, 100_000L, 0L, -5L);
        List<FeeItem.Line> gas = new ArrayList<>();
        if (m3 > 0 && m3 < Integer.MAX_VALUE) {
            gas.add(new FeeItem.Line(FeeItem.gasTier(1, "第一阶梯", Money.ofFen(pick(300L, 1L, 3_000_000L))), (int) m3));
        }
        return new PaymentInput(PaymentInput.Bills.NONE, gas, money(), List.of(), List.of(), Money.ZERO, false,
                List.of());
    }

    private Holder holder() {
        return new Holder(pick("陈静", text()), IdType.RESIDENT_ID, pick(Applications.LEGAL_REP_ID,
                Applications.LEGAL_REP_ID.toLowerCase(Locale.ROOT), "123"), pick("13912345678", "139"));
    }

    private OpeningApplication opening() {
        Address address = new Address("西湖区", pick("文一路", text()), "翠苑小区", pick("12", "1234567890123"), "1",
                String.valueOf(random.nextInt(1, 5_000)));
        return new OpeningApplication(holder(), address, MeterKind.ORDINARY, "M" + random.nextLong(1_000_000_000L),
                OpeningApplication.Residential.paying(pick(BuildingType.values())), null, null, null,
                EnumSet.of(Document.HOLDER_ID, Document.PROPERTY_PROOF));
    }
}
