package io.counterdesk.account.transfer;

import io.counterdesk.account.Account;
import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.status.AccountStatusRepository;
import io.counterdesk.account.status.AccountStatusRules;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.Tx;
import io.counterdesk.security.ApprovalGrant;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Permission;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moving a credit balance or a deposit from one account to another of the same holder, with the hall
 * manager's approval and a reason (DESIGN 2.3). One transaction: both accounts locked, the rules
 * checked ({@link BalanceMoveRules}), the approval recorded, both accounts' figures changed together
 * (credit, or the deposit column), the {@code balance_move} row and the {@code BALANCE_MOVED} event.
 * No money crosses the counter, so there is no payment, receipt or till line; a deposit moved counts
 * at closure as a refund on the account it left and a deposit on the one it joined.
 */
public final class BalanceMoveService {

    private final Database database;
    private final Journal journal;
    private final ApprovalRecorder approvals;
    private final AccountRepository accounts = new AccountRepository();
    private final AccountStatusRepository status = new AccountStatusRepository();
    private final BalanceMoveRepository moves = new BalanceMoveRepository();

    public BalanceMoveService(Database database, Journal journal, ApprovalRecorder approvals) {
        this.database = database;
        this.journal = journal;
        this.approvals = approvals;
    }

    /** A deposit the account holds (its item's code and name). */
    public record Holding(String depositCode, String name, Money amount) {
    }

    /** What the account could move: its credit and the deposits it holds. */
    public record Holdings(long accountId, String accountNo, String holderName, Money credit, List<Holding> deposits) {
    }

    /** A move checked (before the manager approves) or done. */
    public record Move(String fromNo, String toNo, String toHolder, String what, Money amount, long moveId) {
    }

    public Holdings holdings(Operator cashier, long accountId) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        return database.read(tx -> {
            Account account = byId(tx, accountId);
            return new Holdings(accountId, account.accountNo(), account.holder().name(), account.credit(),
                    deposits(tx, accountId));
        });
    }

    /**
     * Checks the move without writing it (so the manager is not called over for a move that will be
     * refused). {@code depositCode} null moves credit.
     */
    public Move check(Operator cashier, long fromId, String toAccountNo, String depositCode, Money amount) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        return database.read(tx -> checked(tx, fromId, toAccountNo, depositCode, amount));
    }

    /** Moves it: one transaction with the approval, both accounts' figures, the row and the event. */
    public Move move(Operator cashier, long fromId, String toAccountNo, String depositCode, Money amount,
                     String reason, ApprovalGrant grant) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        return database.inTransaction(tx -> {
            Account to = accounts.findByAccountNo(tx, toAccountNo == null ? "" : toAccountNo.strip())
                    .orElseThrow(() -> new BusinessException("account.notFound"));
            moves.lockBoth(tx, fromId, to.id());
            Move checked = checked(tx, fromId, to.accountNo(), depositCode, amount);
            String why = BalanceMoveRules.requireReason(reason);
            String subject = "account:" + checked.fromNo();
            long approval = approvals.record(tx, grant, cashier, "MOVE_BALANCE", subject, why);
            if (depositCode == null) {
                if (!moves.takeCredit(tx, fromId, amount)) {
                    throw new IllegalStateException("the credit of account " + checked.fromNo() + " changed under its lock");
                }
                moves.addCredit(tx, to.id(), amount);
            } else {
                moves.moveDepositColumn(tx, fromId, to.id(), amount);
            }
            long id = moves.insert(tx, fromId, to.id(), depositCode, amount, why, approval, cashier.id());
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("moveId", id);
            p.put("from", checked.fromNo());
            p.put("to", checked.toNo());
            p.put("kind", depositCode == null ? "CREDIT" : "DEPOSIT");
            p.put("deposit", depositCode == null ? "" : depositCode);
            p.put("amountFen", amount.fen());
            p.put("reason", why);
            p.put("approvalId", approval);
            journal.append(tx, cashier.staffNo(), "BALANCE_MOVED", subject, p);
            return new Move(checked.fromNo(), checked.toNo(), checked.toHolder(), checked.what(), amount, id);
        });
    }

    private Move checked(Tx tx, long fromId, String toAccountNo, String depositCode, Money amount) {
        Account from = byId(tx, fromId);
        Account to = accounts.findByAccountNo(tx, toAccountNo == null ? "" : toAccountNo.strip())
                .orElseThrow(() -> new BusinessException("account.notFound"));
        String what;
        Money held;
        if (depositCode == null) {
            what = I18n.text("opening.move.credit");
            held = from.credit();
        } else {
            Holding holding = deposits(tx, fromId).stream().filter(h -> h.depositCode().equals(depositCode))
                    .findFirst().orElse(new Holding(depositCode, name(tx, depositCode), Money.ZERO));
            what = holding.name();
            held = holding.amount();
        }
        BalanceMoveRules.check(side(from), side(to), what, held, amount);
        return new Move(from.accountNo(), to.accountNo(), to.holder().name(), what, amount, 0);
    }

    private List<Holding> deposits(Tx tx, long accountId) {
        return io.counterdesk.payment.HeldDeposits.held(new io.counterdesk.payment.PaymentRepository().depositLines(tx, accountId)).stream()
                .map(d -> new Holding(d.depositCode(), name(tx, d.depositCode()), d.amount())).toList();
    }

    private String name(Tx tx, String code) {
        return status.feeItem(tx, code).map(AccountStatusRepository.FeeItemRow::name).orElse(code);
    }

    private static BalanceMoveRules.Side side(Account account) {
        return new BalanceMoveRules.Side(account.accountNo(), account.status(), account.holder());
    }

    private Account byId(Tx tx, long id) {
        return accounts.findById(tx, id).orElseThrow(() -> new BusinessException("account.notFound"));
    }
}
