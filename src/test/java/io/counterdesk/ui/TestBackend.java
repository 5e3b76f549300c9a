package io.counterdesk.ui;

import io.counterdesk.account.AccountSummary;
import io.counterdesk.account.MeterKind;
import io.counterdesk.app.AppConfig;
import io.counterdesk.app.CounterDesk;
import io.counterdesk.payment.DueBill;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.VoucherBatch;
import io.counterdesk.security.Operator;
import io.counterdesk.security.PasswordHasher;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A real back end for view-model tests: a fresh H2 database in a temporary directory, filled with
 * the demo hall (operators 1001 … 9001, password "demo" + 工号) and a few demo accounts, with a fast
 * password hasher. No mocks: the SQL that runs at the counter is the SQL under test.
 */
public final class TestBackend {

    public static final int ACCOUNTS = 300;

    private TestBackend() {
    }

    public static CounterDesk start(Path directory) {
        return start(directory, "zh");
    }

    public static CounterDesk start(Path directory, String lang) {
        AppConfig config = AppConfig.resolve(directory.resolve("db"), lang).withDemoAccounts(ACCOUNTS);
        return CounterDesk.start(config, new PasswordHasher(1_000));
    }

    /** Logs a demo operator in with the documented password. */
    public static Operator login(CounterDesk desk, String staffNo) {
        return desk.auth().login(staffNo, ("demo" + staffNo).toCharArray());
    }

    /** A demo account that owes bills, as the payment service sees it today. */
    public record Owing(long accountId, String accountNo, List<DueBill> bills, long voucherCap) {
    }

    /**
     * Demo accounts, in account-number order, whose unpaid bills (oldest first, late fees as of
     * today) satisfy {@code wanted}: found through the payment service, never hard-coded, since
     * which accounts owe depends on the demo data and late fees on today's date.
     */
    public static List<Owing> owing(CounterDesk desk, Operator cashier, Predicate<Owing> wanted) {
        List<Owing> found = new ArrayList<>();
        for (AccountSummary summary : desk.accounts().search(cashier, "330000", 1_000)) {
            List<DueBill> bills = desk.payments().dueBills(cashier, summary.id());
            if (bills.isEmpty()
                    || desk.accounts().detail(cashier, summary.id()).account().meterKind() != MeterKind.ORDINARY) {
                continue;
            }
            Owing candidate = new Owing(summary.id(), summary.accountNo(), bills,
                    voucherCap(desk, cashier, summary.id()));
            if (wanted.test(candidate)) {
                found.add(candidate);
            }
        }
        return found;
    }

    /**
     * The most vouchers one payment may take for the account (3 × its monthly average, DESIGN 2.4),
     * read from the service's own refusal of far too many.
     */
    public static long voucherCap(CounterDesk desk, Operator cashier, long accountId) {
        LocalDate validThrough = LocalDate.now(desk.config().clock()).plusMonths(1);
        PaymentInput tooMany = new PaymentInput(PaymentInput.Bills.ALL, List.of(), Money.ZERO, List.of(),
                List.of(new VoucherBatch(9_999, Money.ZERO, validThrough)), Money.ZERO, false, List.of());
        try {
            desk.payments().quote(cashier, accountId, tooMany);
        } catch (BusinessException refused) {
            if (refused.key().equals("payment.voucher.overCap")) {
                return ((Number) refused.args()[1]).longValue();
            }
            return 0;
        }
        return Long.MAX_VALUE;
    }
    /**
     * 王伟's (1001) day at the counter, for the sign-off's tests: the till opened with a 500-yuan float
     * at the clock's time, the first demo account that owes paid with the next 100-yuan note up (change
     * given), then at {@code closeAt} the drawer counted to the jiao (the drawer has no fen coins) and
     * the till closed with an explanation. Returns the payment.
     */
    public static io.counterdesk.payment.PaymentResult dayOfOnePayment(CounterDesk desk,
                                                                      io.counterdesk.persistence.TestClock clock,
                                                                      java.time.Instant closeAt) {
        Operator wang = login(desk, "1001");
        desk.tills().open(wang, Money.ofYuan(500));
        Owing customer = owing(desk, wang, a -> true).get(0);
        Money due = customer.bills().stream().map(b -> b.outstanding().plus(b.lateFee())).reduce(Money.ZERO, Money::plus);
        Money cash = Money.ofYuan(due.fen() / 10_000 * 100 + 100);
        io.counterdesk.payment.PaymentResult paid = desk.payments().collect(wang, customer.accountId(),
                PaymentInput.cash(cash));
        clock.set(closeAt);
        desk.dayClose().count(wang, io.counterdesk.till.DayAtTheCounter.countOf(Money.ofYuan(500).plus(due)),
                java.util.Set.of());
        desk.dayClose().close(wang, "晚班结账");
        return paid;
    }
}
