package io.counterdesk.account.status;

import io.counterdesk.account.AccountStatus;
import io.counterdesk.account.AccountDetail;
import io.counterdesk.account.AccountKind;
import io.counterdesk.billing.LateFeeRule;
import io.counterdesk.payment.HeldDeposits;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * When an account's supply is suspended (停气), restored (复气) and when it may be closed (销户),
 * DESIGN 2.4: a non-residential account with a bill more than 15 days overdue is suspended;
 * restoring needs all arrears and late fees paid; closing needs nothing owed and, for an IC account,
 * no gas still on its way to the meter. Pure: the service reads the facts, these rules decide.
 */
public final class AccountStatusRules {

    private final LateFeeRule lateFees;

    public AccountStatusRules(LateFeeRule lateFees) {
        this.lateFees = Objects.requireNonNull(lateFees);
    }

    /**
     * Why an account is due for suspension: its oldest bill past the limit and everything owed today.
     *
     * @param daysOverdue  days since the due date of the oldest unpaid bill
     * @param oldestDue    that bill's due date
     * @param overdueBills unpaid bills more than the limit overdue
     * @param principal    unpaid principal of all bills
     * @param lateFees     late fees due today on them
     */
    public record Overdue(long daysOverdue, LocalDate oldestDue, int overdueBills, Money principal, Money lateFees) {
        public Money total() {
            return principal.plus(lateFees);
        }
    }

    /** What the account owes today: principal and today's late fees over all its unpaid bills. */
    public static Money owed(List<AccountDetail.BillLine> bills) {
        return bills.stream().map(b -> b.outstanding().plus(b.lateFee())).reduce(Money.ZERO, Money::plus);
    }

    /**
     * Whether the account is to be suspended on {@code day}: an active non-residential account with
     * a bill more than {@link LateFeeRule#suspendAfterDaysOverdue()} days past its due date. Accounts
     * already suspended or closed are not due again.
     */
    public Optional<Overdue> suspensionDue(AccountKind kind, AccountStatus status, List<AccountDetail.BillLine> bills,
                                           LocalDate day) {
        if (status != AccountStatus.ACTIVE) {
            return Optional.empty();
        }
        LocalDate oldest = null;
        int overdue = 0;
        Money principal = Money.ZERO;
        Money fees = Money.ZERO;
        for (AccountDetail.BillLine bill : bills) {
            if (!bill.outstanding().isPositive()) {
                continue;
            }
            principal = principal.plus(bill.outstanding());
            fees = fees.plus(bill.lateFee());
            if (lateFees.suspends(kind, bill.dueDate(), bill.outstanding(), day)) {
                overdue++;
                if (oldest == null || bill.dueDate().isBefore(oldest)) {
                    oldest = bill.dueDate();
                }
            }
        }
        if (oldest == null) {
            return Optional.empty();
        }
        return Optional.of(new Overdue(ChronoUnit.DAYS.between(oldest, day), oldest, overdue, principal, fees));
    }

    /** Refuses suspending an account that is not due for it; returns why it is due. */
    public Overdue checkSuspend(AccountKind kind, AccountStatus status, List<AccountDetail.BillLine> bills,
                                LocalDate day, String reason) {
        if (status == AccountStatus.CLOSED) {
            throw new BusinessException("accountStatus.closed");
        }
        if (status == AccountStatus.SUSPENDED) {
            throw new BusinessException("accountStatus.suspend.already");
        }
        if (kind != AccountKind.NON_RESIDENTIAL) {
            throw new BusinessException("accountStatus.suspend.residential");
        }
        requireReason(reason);
        return suspensionDue(kind, status, bills, day).orElseThrow(() -> new BusinessException(
                "accountStatus.suspend.notDue", lateFees.suspendAfterDaysOverdue()));
    }

    /** Restoring supply: only a suspended account, and only once nothing is owed (late fees of today included). */
    public static void checkRestore(AccountStatus status, Money owed) {
        if (status == AccountStatus.CLOSED) {
            throw new BusinessException("accountStatus.closed");
        }
        if (status != AccountStatus.SUSPENDED) {
            throw new BusinessException("accountStatus.restore.notSuspended");
        }
        if (owed.isPositive()) {
            throw new BusinessException("accountStatus.restore.owing", owed.format());
        }
    }

    /**
     * What stands in the way of closing an account, if anything.
     *
     * @param openWrite     purchase number of a card write not yet confirmed (pending or reversing), or null
     * @param unloadedWrite purchase number of the last write on the card that the meter has not been seen
     *                      to load, or null
     */
    public static void checkClose(AccountStatus status, Money owed, Integer openWrite, Integer unloadedWrite) {
        if (status == AccountStatus.CLOSED) {
            throw new BusinessException("accountStatus.close.already");
        }
        if (owed.isPositive()) {
            throw new BusinessException(status == AccountStatus.SUSPENDED ? "accountStatus.close.suspendedOwing"
                    : "accountStatus.close.owing", owed.format());
        }
        if (openWrite != null) {
            throw new BusinessException("accountStatus.close.openWrite", openWrite);
        }
        if (unloadedWrite != null) {
            throw new BusinessException("accountStatus.close.unloaded", unloadedWrite);
        }
    }

    /**
     * The purchase number of gas written onto the card that the meter has not been seen to load:
     * the last confirmed write is newer than the last meter read that showed it loaded. Null when
     * there is none (no confirmed write, or the meter loaded it).
     *
     * @param lastCompleted      purchase number of the last completed write, 0 if none
     * @param lastLoadedCount    highest purchase count read back from the card with its gas loaded, 0 if none
     */
    public static Integer unloaded(int lastCompleted, int lastLoadedCount) {
        return lastCompleted > lastLoadedCount ? lastCompleted : null;
    }

    /** The money a closure pays back: the deposits still held and the credit balance. */
    public record Refund(List<HeldDeposits.Held> deposits, Money credit) {
        public Refund {
            deposits = List.copyOf(deposits);
            if (credit.isNegative()) {
                throw new IllegalArgumentException("credit " + credit);
            }
        }

        public Money depositTotal() {
            return deposits.stream().map(HeldDeposits.Held::amount).reduce(Money.ZERO, Money::plus);
        }

        public Money total() {
            return depositTotal().plus(credit);
        }

        /** Money leaves the till: a hall manager approves the closure. */
        public boolean needsApproval() {
            return total().isPositive();
        }
    }

    /** A reason is always written down for a status change. */
    public static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessException("accountStatus.reasonRequired");
        }
        String stripped = reason.strip();
        if (stripped.length() > 200) {
            throw new BusinessException("accountStatus.reasonTooLong", 200);
        }
        return stripped;
    }
}
