package io.counterdesk.account.status;

import io.counterdesk.account.MeterKind;
import io.counterdesk.account.AccountStatus;
import io.counterdesk.account.AccountDetail;
import io.counterdesk.account.AccountKind;
import io.counterdesk.account.SuspensionCandidate;
import io.counterdesk.billing.LateFeeRule;
import io.counterdesk.billing.OutstandingBills;
import io.counterdesk.payment.FeeItem;
import io.counterdesk.payment.HeldDeposits;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentResult;
import io.counterdesk.payment.PaymentService;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.persistence.Tx;
import io.counterdesk.security.ApprovalGrant;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Permission;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import io.counterdesk.till.TillRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Suspension (停气), restoration (复气) and closure (销户) of accounts, DESIGN 2.4. Each change is one
 * transaction with its status history row and its journal event; a closure that pays money back
 * takes it out of the till through {@link PaymentService#collectIn} in the same transaction, with its
 * own receipt, so either all of it is on disk or none of it.
 */
public final class AccountStatusService {

    /** The status history's reason for a restoration (the arrears were paid). */
    static final String RESTORE_REASON = "ARREARS_PAID";

    private final Database database;
    private final Journal journal;
    private final ApprovalRecorder approvals;
    private final PaymentService payments;
    private final OutstandingBills outstanding;
    private final AccountStatusRules rules;
    private final AccountStatusRepository repository = new AccountStatusRepository();
    private final TillRepository tills = new TillRepository();
    private final LateFeeRule lateFees;
    private final TerminalIdentity terminal;

    public AccountStatusService(Database database, Journal journal, TerminalIdentity terminal,
                                ApprovalRecorder approvals, PaymentService payments, LateFeeRule lateFees) {
        this.database = database;
        this.journal = journal;
        this.terminal = terminal;
        this.approvals = approvals;
        this.payments = payments;
        this.lateFees = lateFees;
        this.outstanding = new OutstandingBills(lateFees);
        this.rules = new AccountStatusRules(lateFees);
    }

    /** A status change on disk. */
    public record Change(long accountId, String accountNo, AccountStatus from, AccountStatus to, long changeId) {
    }

    /**
     * What closing the account would do now: why it cannot be closed, or what it pays back.
     *
     * @param refusal empty when the account may be closed
     */
    public record ClosureQuote(long accountId, String accountNo, String holderName, Optional<BusinessException> refusal,
                               AccountStatusRules.Refund refund, List<RefundLine> lines) {

        public boolean closable() {
            return refusal.isEmpty();
        }
    }

    /** One line of money a closure pays back: a deposit refund or the credit balance. */
    public record RefundLine(String code, String name, Money amount) {
    }

    /** A closed account; {@code refundPayment} is empty when nothing was paid back. */
    public record Closure(Change change, AccountStatusRules.Refund refund, Optional<PaymentResult> refundPayment) {
    }

    /** Today's non-residential accounts due for suspension, most overdue first. */
    public List<SuspensionCandidate> candidates(Operator operator) {
        AuthService.require(operator, Permission.LOOKUP);
        return database.read(tx -> {
            LocalDate day = today(tx);
            List<SuspensionCandidate> out = new ArrayList<>();
            LocalDate dueBefore = day.minusDays(lateFees.suspendAfterDaysOverdue());
            for (AccountStatusRepository.OverdueRow row : repository.overdueNonResidential(tx, dueBefore)) {
                rules.suspensionDue(AccountKind.NON_RESIDENTIAL, AccountStatus.ACTIVE,
                                bills(tx, row.accountId(), AccountKind.NON_RESIDENTIAL, day), day)
                        .ifPresent(o -> out.add(new SuspensionCandidate(row.accountId(), row.accountNo(),
                                row.holderName(), row.phone(), row.address(), o.oldestDue(), o.daysOverdue(),
                                o.overdueBills(), o.principal(), o.lateFees())));
            }
            return out;
        });
    }

    /** 停气: an overdue non-residential account's supply is suspended, with the cashier's reason. */
    public Change suspend(Operator cashier, long accountId, String reason) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        return database.inTransaction(tx -> {
            AccountStatusRepository.StatusRow account = lock(tx, accountId);
            LocalDate day = today(tx);
            AccountStatusRules.Overdue overdue = rules.checkSuspend(account.kind(), account.status(),
                    bills(tx, accountId, account.kind(), day), day, reason);
            String why = AccountStatusRules.requireReason(reason);
            Change change = change(tx, cashier, account, AccountStatus.SUSPENDED, why, null, null);
            Map<String, Object> payload = payload(change, why);
            payload.put("daysOverdue", overdue.daysOverdue());
            payload.put("oldestDue", overdue.oldestDue().toString());
            payload.put("principalFen", overdue.principal().fen());
            payload.put("lateFeeFen", overdue.lateFees().fen());
            journal.append(tx, cashier.staffNo(), "ACCOUNT_SUSPENDED", subject(account), payload);
            return change;
        });
    }

    /** 复气: a suspended account's supply is restored once everything owed, late fees included, is paid. */
    public Change restore(Operator cashier, long accountId) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        return database.inTransaction(tx -> {
            AccountStatusRepository.StatusRow account = lock(tx, accountId);
            AccountStatusRules.checkRestore(account.status(),
                    AccountStatusRules.owed(bills(tx, accountId, account.kind(), today(tx))));
            Change change = change(tx, cashier, account, AccountStatus.ACTIVE, RESTORE_REASON, null, null);
            journal.append(tx, cashier.staffNo(), "ACCOUNT_RESTORED", subject(account), payload(change, RESTORE_REASON));
            return change;
        });
    }

    /** What closing the account would do now (the screen shows it before the manager approves). */
    public ClosureQuote closureQuote(Operator cashier, long accountId) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        return database.read(tx -> {
            AccountStatusRepository.StatusRow account = repository.read(tx, accountId)
                    .orElseThrow(() -> new BusinessException("account.notFound"));
            Optional<BusinessException> refusal = Optional.empty();
            AccountStatusRules.Refund refund = refund(tx, account);
            try {
                checkClosable(tx, account);
                if (refund.total().isPositive() && tills.findOpen(tx, cashier.id(), terminal.terminalId()).isEmpty()) {
                    // said before the hall manager is called over: money back comes out of an open till
                    throw new BusinessException("payment.till.notOpen");
                }
            } catch (BusinessException e) {
                refusal = Optional.of(e);
            }
            return new ClosureQuote(accountId, account.accountNo(), account.holderName(), refusal, refund,
                    refundLines(tx, refund));
        });
    }

    /**
     * 销户: closes the account. Deposits still held and the credit balance are paid back in cash
     * through the till with their own receipt (a hall manager approves when money is paid back); the
     * current holder's period ends today. Returns once on disk; print the refund's receipt afterwards.
     */
    public Closure close(Operator cashier, long accountId, String reason, ApprovalGrant grant) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        return database.inTransaction(tx -> {
            AccountStatusRepository.StatusRow account = lock(tx, accountId);
            checkClosable(tx, account);
            String why = AccountStatusRules.requireReason(reason);
            AccountStatusRules.Refund refund = refund(tx, account);
            Long approval = refund.needsApproval()
                    ? approvals.record(tx, grant, cashier, "CLOSE_ACCOUNT", subject(account), why) : null;
            Optional<PaymentResult> paid = Optional.empty();
            if (refund.total().isPositive()) {
                List<FeeItem.Line> lines = new ArrayList<>();
                for (RefundLine line : refundLines(tx, refund)) {
                    lines.add(new FeeItem.Line(new FeeItem(line.code(), line.name(), line.amount().negate()), 1));
                }
                paid = Optional.of(payments.collectIn(tx, cashier, accountId, new PaymentInput(PaymentInput.Bills.NONE,
                        lines, Money.ZERO, List.of(), List.of(), Money.ZERO, false, List.of())));
            }
            if (!repository.clearBalances(tx, accountId, refund.credit())) {
                throw new IllegalStateException("the credit of account " + account.accountNo() + " changed under its lock");
            }
            repository.endHolderPeriod(tx, accountId, today(tx));
            Change change = change(tx, cashier, account, AccountStatus.CLOSED, why, approval,
                    paid.map(PaymentResult::paymentId).orElse(null));
            Map<String, Object> payload = payload(change, why);
            payload.put("depositRefundFen", refund.depositTotal().fen());
            payload.put("creditRefundFen", refund.credit().fen());
            payload.put("deposits", refund.deposits().stream()
                    .map(d -> Map.of("deposit", d.depositCode(), "amountFen", d.amount().fen())).toList());
            payload.put("refundPaymentId", paid.map(PaymentResult::paymentId).orElse(null));
            payload.put("approvalId", approval);
            journal.append(tx, cashier.staffNo(), "ACCOUNT_CLOSED", subject(account), payload);
            return new Closure(change, refund, paid);
        });
    }

    private void checkClosable(Tx tx, AccountStatusRepository.StatusRow account) {
        Money owed = AccountStatusRules.owed(bills(tx, account.id(), account.kind(), today(tx)));
        Integer openWrite = null;
        Integer unloaded = null;
        if (account.meterKind() == MeterKind.IC) {
            openWrite = repository.openCardWrite(tx, account.id());
            unloaded = AccountStatusRules.unloaded(repository.lastCompletedWrite(tx, account.id()),
                    repository.lastLoadedCount(tx, account.id()));
        }
        AccountStatusRules.checkClose(account.status(), owed, openWrite, unloaded);
    }

    private AccountStatusRules.Refund refund(Tx tx, AccountStatusRepository.StatusRow account) {
        return new AccountStatusRules.Refund(HeldDeposits.held(new io.counterdesk.payment.PaymentRepository().depositLines(tx, account.id())),
                account.credit());
    }

    /** The refund as fee lines: each deposit's refund item, then the credit balance. */
    private List<RefundLine> refundLines(Tx tx, AccountStatusRules.Refund refund) {
        List<RefundLine> lines = new ArrayList<>();
        for (HeldDeposits.Held deposit : refund.deposits()) {
            AccountStatusRepository.FeeItemRow item = repository.refundItem(tx, deposit.depositCode())
                    .orElseThrow(() -> new BusinessException("accountStatus.close.noRefundItem", deposit.depositCode()));
            lines.add(new RefundLine(item.code(), item.name(), deposit.amount()));
        }
        if (refund.credit().isPositive()) {
            AccountStatusRepository.FeeItemRow item = repository.feeItem(tx, "CREDIT_REFUND").orElseThrow();
            lines.add(new RefundLine(item.code(), item.name(), refund.credit()));
        }
        return lines;
    }

    private Change change(Tx tx, Operator cashier, AccountStatusRepository.StatusRow account, AccountStatus to,
                          String reason, Long approvalId, Long paymentId) {
        if (!repository.changeStatus(tx, account.id(), account.status(), to)) {
            throw new IllegalStateException("account " + account.accountNo() + " changed status under its lock");
        }
        long id = repository.insertChange(tx, account.id(), account.status(), to, reason, cashier.id(), approvalId,
                paymentId);
        return new Change(account.id(), account.accountNo(), account.status(), to, id);
    }

    private AccountStatusRepository.StatusRow lock(Tx tx, long accountId) {
        return repository.lock(tx, accountId).orElseThrow(() -> new BusinessException("account.notFound"));
    }

    /** Unpaid bills with today's late fees, as the account screen's bill lines. */
    private List<AccountDetail.BillLine> bills(Tx tx, long accountId, AccountKind kind, LocalDate day) {
        return outstanding.on(tx, accountId, kind, day).stream()
                .map(d -> new AccountDetail.BillLine(d.bill().period().toString(), d.bill().volumeM3(),
                        d.bill().amount(), d.bill().outstanding(), d.bill().dueDate(), d.lateFee()))
                .toList();
    }

    private static Map<String, Object> payload(Change change, String reason) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("accountId", change.accountId());
        p.put("accountNo", change.accountNo());
        p.put("from", change.from().name());
        p.put("to", change.to().name());
        p.put("reason", reason);
        p.put("changeId", change.changeId());
        return p;
    }

    private static String subject(AccountStatusRepository.StatusRow account) {
        return "account:" + account.accountNo();
    }

    private static LocalDate today(Tx tx) {
        return LocalDate.ofInstant(tx.now(), tx.clock().getZone());
    }
}
