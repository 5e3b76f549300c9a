package io.counterdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.account.status.AccountStatusService;
import io.counterdesk.account.opening.AccountOpeningService;
import io.counterdesk.account.opening.Applications;
import io.counterdesk.account.opening.GasPurpose;
import io.counterdesk.account.opening.OpeningResult;
import io.counterdesk.account.opening.UnitNature;
import io.counterdesk.billing.LateFeeRule;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.security.ApprovalGrant;
import io.counterdesk.servicetime.ServiceTimeService;
import io.counterdesk.shared.Money;
import io.counterdesk.till.DayAtTheCounter;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The day's report and its check against the journal hold when the day has more than payments:
 * an opening that takes a fee and a deposit (with change), and a closure that pays the deposit back
 * from the till, beside an ordinary bill payment — businesses built apart from the day close.
 */
class DayCheckAcrossBusinessesTest {

    static final LocalDate DAY = LocalDate.of(2025, 3, 10);

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @Test
    void anOpeningWithADepositAndAClosureThatRefundsItTieWithTheJournal() {
        DayAtTheCounter day = new DayAtTheCounter(db);
        AccountOpeningService openings = new AccountOpeningService(db.database(), db.journal(), day.payments, null,
                new ServiceTimeService(db.database(), db.journal()));
        AccountStatusService status = new AccountStatusService(db.database(), db.journal(), db.terminal(),
                day.approvals, day.payments, LateFeeRule.DEFAULT);
        DayReportService reports = new DayReportService(db.database(), db.terminal());

        // 10 kW commercial kitchen: 2,800 opening fee + 1,000 gas deposit, paid with 4,000 in cash
        OpeningResult opened = openings.open(day.cashier,
                Applications.business(GasPurpose.KITCHEN, UnitNature.BUSINESS, "10", "8200000009"),
                PaymentInput.cash(Money.ofYuan(4000)), null, null);
        day.payCash(day.cashier, day.accountOwing("120.00"), "200.00");
        ApprovalGrant grant = db.auth().authoriseApprover(day.cashier, "2001", "demo2001".toCharArray());
        AccountStatusService.Closure closure = status.close(day.cashier, opened.accountId(), "店铺停业", grant);
        assertThat(closure.refundPayment()).isPresent();

        long till = db.queryLong("SELECT MIN(id) FROM till_session");
        CashierDayReport report = reports.cashierReport(day.cashier, till);
        CashLines cash = report.cash();
        assertThat(cash.cashIn()).isEqualTo(Money.ofYuan(4200));
        // change 200 (opening) + 80 (bill); the deposit paid back is money out of the till as well
        assertThat(cash.change().plus(cash.refunds())).isEqualTo(Money.ofYuan(1280));
        assertThat(cash.expected()).isEqualTo(Money.ofYuan(500 + 4200 - 1280));

        DayCheck.Result result = new DayCheck(db.database(), reports).check(DAY);
        assertThat(result.differences()).isEmpty();
        assertThat(result.ties()).isTrue();
    }
}
