package io.counterdesk.account.status;

import io.counterdesk.account.AccountStatus;
import io.counterdesk.account.AccountDetail;
import io.counterdesk.account.AccountKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.billing.LateFeeRule;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 停气/复气/销户 rules (DESIGN 2.4) without a database. */
class AccountStatusRulesTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 10);
    private final AccountStatusRules rules = new AccountStatusRules(LateFeeRule.DEFAULT);

    private static AccountDetail.BillLine bill(LocalDate due, String outstanding, String lateFee) {
        return new AccountDetail.BillLine("2025-01", 100, Money.parse("500.00"), Money.parse(outstanding), due,
                Money.parse(lateFee));
    }

    @ParameterizedTest(name = "{0} {1}, due {2} days before, owing {3}: suspended = {4}")
    @CsvSource(textBlock = """
            NON_RESIDENTIAL, ACTIVE,    14, 100.00, false
            NON_RESIDENTIAL, ACTIVE,    15, 100.00, false
            NON_RESIDENTIAL, ACTIVE,    16, 100.00, true
            NON_RESIDENTIAL, ACTIVE,    20, 100.00, true
            NON_RESIDENTIAL, ACTIVE,   400, 0.01,   true
            NON_RESIDENTIAL, ACTIVE,    20, 0.00,   false
            NON_RESIDENTIAL, ACTIVE,     0, 100.00, false
            NON_RESIDENTIAL, ACTIVE,    -5, 100.00, false
            RESIDENTIAL,     ACTIVE,    20, 100.00, false
            RESIDENTIAL,     ACTIVE,   200, 100.00, false
            NON_RESIDENTIAL, SUSPENDED, 20, 100.00, false
            NON_RESIDENTIAL, CLOSED,    20, 100.00, false
            """)
    void suspendsActiveNonResidentialAccountsMoreThanFifteenDaysOverdue(AccountKind kind, AccountStatus status,
                                                                        int daysBefore, String owing, boolean due) {
        List<AccountDetail.BillLine> bills = List.of(bill(DAY.minusDays(daysBefore), owing, "0.00"));

        assertThat(rules.suspensionDue(kind, status, bills, DAY).isPresent()).isEqualTo(due);
    }

    @Test
    void theOldestOverdueBillGivesTheDaysAndEveryUnpaidBillTheAmounts() {
        List<AccountDetail.BillLine> bills = List.of(
                bill(LocalDate.of(2025, 1, 31), "300.00", "57.00"),
                bill(LocalDate.of(2025, 2, 20), "200.00", "18.00"),
                bill(LocalDate.of(2025, 2, 28), "150.00", "7.50"),
                bill(LocalDate.of(2024, 12, 31), "0.00", "0.00"));

        AccountStatusRules.Overdue overdue = rules.suspensionDue(AccountKind.NON_RESIDENTIAL, AccountStatus.ACTIVE,
                bills, DAY).orElseThrow();

        assertThat(overdue.daysOverdue()).isEqualTo(38);
        assertThat(overdue.oldestDue()).isEqualTo(LocalDate.of(2025, 1, 31));
        assertThat(overdue.overdueBills()).isEqualTo(2); // 28 Feb is only 10 days overdue
        assertThat(overdue.principal()).isEqualTo(Money.parse("650.00"));
        assertThat(overdue.lateFees()).isEqualTo(Money.parse("82.50"));
        assertThat(overdue.total()).isEqualTo(Money.parse("732.50"));
    }

    @Test
    void aLongerLimitInTheRuleMovesTheBoundary() {
        AccountStatusRules thirty = new AccountStatusRules(new LateFeeRule(LateFeeRule.DEFAULT.residentialDailyRate(),
                21, LateFeeRule.DEFAULT.nonResidentialDailyRate(), 30, Money.ofFen(50)));
        assertThat(thirty.suspensionDue(AccountKind.NON_RESIDENTIAL, AccountStatus.ACTIVE,
                List.of(bill(DAY.minusDays(30), "1.00", "0.00")), DAY)).isEmpty();
        assertThat(thirty.suspensionDue(AccountKind.NON_RESIDENTIAL, AccountStatus.ACTIVE,
                List.of(bill(DAY.minusDays(31), "1.00", "0.00")), DAY)).isPresent();
    }

    @ParameterizedTest(name = "{0} {1} {2} days, reason [{3}] → {4}")
    @CsvSource(textBlock = """
            NON_RESIDENTIAL, ACTIVE,    16, 逾期未缴, ok
            NON_RESIDENTIAL, ACTIVE,    15, 逾期未缴, accountStatus.suspend.notDue
            NON_RESIDENTIAL, ACTIVE,    20, '   ',    accountStatus.reasonRequired
            NON_RESIDENTIAL, ACTIVE,    20, ,         accountStatus.reasonRequired
            RESIDENTIAL,     ACTIVE,    90, 逾期未缴, accountStatus.suspend.residential
            NON_RESIDENTIAL, SUSPENDED, 20, 逾期未缴, accountStatus.suspend.already
            NON_RESIDENTIAL, CLOSED,    20, 逾期未缴, accountStatus.closed
            """)
    void suspendingIsRefusedWithAReasonTheCashierCanActOn(AccountKind kind, AccountStatus status, int daysBefore,
                                                          String reason, String expected) {
        List<AccountDetail.BillLine> bills = List.of(bill(DAY.minusDays(daysBefore), "100.00", "8.00"));
        if (expected.equals("ok")) {
            assertThat(rules.checkSuspend(kind, status, bills, DAY, reason).daysOverdue()).isEqualTo(daysBefore);
        } else {
            assertThatThrownBy(() -> rules.checkSuspend(kind, status, bills, DAY, reason))
                    .isInstanceOf(BusinessException.class).extracting(e -> ((BusinessException) e).key())
                    .isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} owing {1} → {2}")
    @CsvSource(textBlock = """
            SUSPENDED, 0.00,   ok
            SUSPENDED, 0.01,   accountStatus.restore.owing
            SUSPENDED, 500.00, accountStatus.restore.owing
            ACTIVE,    0.00,   accountStatus.restore.notSuspended
            CLOSED,    0.00,   accountStatus.closed
            """)
    void restoringNeedsASuspendedAccountWithNothingOwed(AccountStatus status, String owed, String expected) {
        if (expected.equals("ok")) {
            assertThatCode(() -> AccountStatusRules.checkRestore(status, Money.parse(owed))).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> AccountStatusRules.checkRestore(status, Money.parse(owed)))
                    .isInstanceOf(BusinessException.class).extracting(e -> ((BusinessException) e).key())
                    .isEqualTo(expected);
        }
    }

    @Test
    void theOwedAmountIncludesTodaysLateFees() {
        List<AccountDetail.BillLine> paidPrincipalButFeeDue = List.of(bill(DAY.minusDays(20), "0.00", "0.50"),
                bill(DAY.minusDays(50), "0.00", "0.00"));
        assertThat(AccountStatusRules.owed(paidPrincipalButFeeDue)).isEqualTo(Money.parse("0.50"));
        assertThatThrownBy(() -> AccountStatusRules.checkRestore(AccountStatus.SUSPENDED,
                AccountStatusRules.owed(paidPrincipalButFeeDue)))
                .hasMessageContaining("¥0.50").hasMessageContaining("F5");
    }

    @ParameterizedTest(name = "{0} owing {1}, open write {2}, unloaded {3} → {4}")
    @CsvSource(textBlock = """
            ACTIVE,    0.00,  ,  , ok
            SUSPENDED, 0.00,  ,  , ok
            ACTIVE,    12.00, ,  , accountStatus.close.owing
            SUSPENDED, 12.00, ,  , accountStatus.close.suspendedOwing
            ACTIVE,    0.00,  4, , accountStatus.close.openWrite
            ACTIVE,    0.00,  , 3, accountStatus.close.unloaded
            ACTIVE,    5.00,  4, 3, accountStatus.close.owing
            CLOSED,    0.00,  ,  , accountStatus.close.already
            """)
    void closingNeedsNothingOwedAndNoGasOnItsWay(AccountStatus status, String owed, Integer openWrite,
                                                 Integer unloaded, String expected) {
        if (expected.equals("ok")) {
            assertThatCode(() -> AccountStatusRules.checkClose(status, Money.parse(owed), openWrite, unloaded))
                    .doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> AccountStatusRules.checkClose(status, Money.parse(owed), openWrite, unloaded))
                    .isInstanceOf(BusinessException.class).extracting(e -> ((BusinessException) e).key())
                    .isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "last completed {0}, last loaded {1} → {2}")
    @CsvSource(textBlock = """
            0, 0,
            3, 3,
            3, 4,
            4, 3, 4
            1, 0, 1
            """)
    void gasIsUnloadedWhileTheLastWriteIsNewerThanTheLastLoadedMeterRead(int completed, int loaded, Integer expected) {
        assertThat(AccountStatusRules.unloaded(completed, loaded)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                                   | ''
            M:300.00                                             | M:300.00
            M:300.00 M:-300.00                                   | ''
            M:300.00 M:-300.00 M:300.00                          | M:300.00
            M:300.00 M:300.00                                    | M:600.00
            G:2000.00 M:300.00 M:-300.00                         | G:2000.00
            G:2000.00 M:300.00                                   | G:2000.00 M:300.00
            M:300.00 G:2000.00 G:-500.00                         | M:300.00 G:1500.00
            M:-300.00                                            | ''
            """)
    void depositsHeldArePaidMinusRefundedPerDeposit(String lines, String expected) {
        List<io.counterdesk.payment.HeldDeposits.Line> in = new ArrayList<>();
        for (String part : lines.isBlank() ? new String[0] : lines.strip().split(" ")) {
            String[] kv = part.split(":");
            in.add(new io.counterdesk.payment.HeldDeposits.Line(kv[0], Money.parse(kv[1])));
        }
        String held = String.join(" ", io.counterdesk.payment.HeldDeposits.held(in).stream()
                .map(d -> d.depositCode() + ":" + d.amount().toPlainString()).toList());
        assertThat(held).isEqualTo(expected.strip());
    }

    @ParameterizedTest(name = "deposits {0} + credit {1} = {2}, approval {3}")
    @CsvSource(textBlock = """
            0.00,    0.00,  0.00,    false
            300.00,  0.00,  300.00,  true
            0.00,    12.34, 12.34,   true
            2300.00, 12.34, 2312.34, true
            """)
    void theRefundIsTheDepositsHeldAndTheCreditAndMoneyOutNeedsAManager(String deposits, String credit, String total,
                                                                       boolean approval) {
        List<io.counterdesk.payment.HeldDeposits.Held> held = Money.parse(deposits).isPositive()
                ? List.of(new io.counterdesk.payment.HeldDeposits.Held("GAS_DEPOSIT", Money.parse(deposits))) : List.of();
        AccountStatusRules.Refund refund = new AccountStatusRules.Refund(held, Money.parse(credit));

        assertThat(refund.total()).isEqualTo(Money.parse(total));
        assertThat(refund.depositTotal()).isEqualTo(Money.parse(deposits));
        assertThat(refund.needsApproval()).isEqualTo(approval);
    }

    @Test
    void aReasonIsStrippedAndLimited() {
        assertThat(AccountStatusRules.requireReason("  逾期 38 天未缴  ")).isEqualTo("逾期 38 天未缴");
        assertThat(AccountStatusRules.requireReason("x".repeat(200))).hasSize(200);
        assertThatThrownBy(() -> AccountStatusRules.requireReason("x".repeat(201)))
                .isInstanceOf(BusinessException.class);
    }
}
