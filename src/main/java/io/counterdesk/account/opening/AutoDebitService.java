package io.counterdesk.account.opening;

import io.counterdesk.account.Account;
import io.counterdesk.account.AccountKind;
import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.AccountStatus;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.Tx;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Permission;
import io.counterdesk.servicetime.ServiceTimeService;
import io.counterdesk.servicetime.ServiceTimer;
import io.counterdesk.shared.BankCardNumber;
import io.counterdesk.shared.BusinessException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Changing or cancelling an existing account's bank auto-debit (银行代扣变更/取消, DESIGN 2.1). Each is
 * one transaction: the account locked, the rules checked ({@link AutoDebitRules}), the active
 * enrolment ended (history kept: status CANCELLED with its end time), the new one enrolled (a
 * change), the journal event ({@code AUTO_DEBIT_ENROLLED} when there was none, {@code
 * AUTO_DEBIT_CHANGED}, {@code AUTO_DEBIT_CANCELLED}) and the service time (AUTO_DEBIT).
 */
public final class AutoDebitService {

    private final Database database;
    private final Journal journal;
    private final ServiceTimeService serviceTimes;
    private final AccountRepository accounts = new AccountRepository();
    private final OpeningRepository openings = new OpeningRepository();

    public AutoDebitService(Database database, Journal journal, ServiceTimeService serviceTimes) {
        this.database = database;
        this.journal = journal;
        this.serviceTimes = serviceTimes;
    }

    /** The account as the auto-debit dialog shows it, with its enrolment (masked) if any. */
    public record Current(long accountId, String accountNo, String holderName, AccountKind kind,
                          AccountStatus status, Optional<OpeningRecord.DebitView> debit) {
    }

    /** What is on disk after a change or cancellation; {@code debit} is empty after a cancellation. */
    public record Outcome(String accountNo, String event, Optional<OpeningRecord.DebitView> before,
                          Optional<OpeningRecord.DebitView> debit) {
    }

    public Current current(Operator cashier, long accountId) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        return database.read(tx -> {
            Account account = account(tx, accountId);
            return new Current(accountId, account.accountNo(), account.holder().name(), account.kind(),
                    account.status(), openings.activeBankDebit(tx, accountId));
        });
    }

    /** 变更 (or a first enrolment): the account is debited from {@code debit} from now on. */
    public Outcome change(Operator cashier, long accountId, BankDebit debit, Set<Document> ticked,
                          ServiceTimer timer) {
        return write(cashier, accountId, AutoDebitRules.Action.CHANGE, debit, ticked, timer);
    }

    /** 取消: the account is no longer debited. */
    public Outcome cancel(Operator cashier, long accountId, Set<Document> ticked, ServiceTimer timer) {
        return write(cashier, accountId, AutoDebitRules.Action.CANCEL, null, ticked, timer);
    }

    private Outcome write(Operator cashier, long accountId, AutoDebitRules.Action action, BankDebit debit,
                          Set<Document> ticked, ServiceTimer timer) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        return database.inTransaction(tx -> {
            openings.lockAccount(tx, accountId);
            Account account = account(tx, accountId);
            Optional<AutoDebitRules.Enrolled> enrolled = openings.activeEnrolment(tx, accountId);
            AutoDebitRules.check(account.accountNo(), account.kind(), account.status(), action, ticked,
                    enrolled.orElse(null), debit);
            Optional<OpeningRecord.DebitView> before = openings.activeBankDebit(tx, accountId);
            openings.cancelBankDebits(tx, accountId);
            if (action == AutoDebitRules.Action.CHANGE) {
                openings.insertBankDebit(tx, accountId, debit, cashier.id());
            }
            String event = action == AutoDebitRules.Action.CANCEL ? "AUTO_DEBIT_CANCELLED"
                    : enrolled.isEmpty() ? "AUTO_DEBIT_ENROLLED" : "AUTO_DEBIT_CHANGED";
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("accountNo", account.accountNo());
            p.put("fromBank", enrolled.map(e -> e.bank().name()).orElse(""));
            p.put("fromAccount", enrolled.map(e -> BankCardNumber.masked(e.accountNumber())).orElse(""));
            p.put("toBank", debit == null ? "" : debit.bank().name());
            p.put("toAccount", debit == null ? "" : debit.maskedNumber());
            p.put("documents", ticked.stream().sorted().map(Enum::name).toList());
            String subject = "account:" + account.accountNo();
            journal.append(tx, cashier.staffNo(), event, subject, p);
            if (timer != null) {
                serviceTimes.finishIn(tx, cashier, timer, subject);
            }
            return new Outcome(account.accountNo(), event, before, openings.activeBankDebit(tx, accountId));
        });
    }

    private Account account(Tx tx, long accountId) {
        return accounts.findById(tx, accountId).orElseThrow(() -> new BusinessException("account.notFound"));
    }
}
