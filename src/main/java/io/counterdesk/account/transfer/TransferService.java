package io.counterdesk.account.transfer;

import io.counterdesk.account.Account;
import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.AccountStatus;
import io.counterdesk.account.opening.OpeningRepository;
import io.counterdesk.payment.DueBill;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentResult;
import io.counterdesk.payment.PaymentService;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.Tx;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Permission;
import io.counterdesk.servicetime.ServiceTimeService;
import io.counterdesk.servicetime.ServiceTimer;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ownership transfer (过户, DESIGN 2.3). One transaction: the arrears and late fees paid first through
 * the payment path (all of them — a payment that leaves anything owed refuses the transfer), the old
 * holder's period ended (history kept), the new holder's period started, the account's holder and
 * search slices changed, the {@code ACCOUNT_TRANSFERRED} event and the service time. An IC account's
 * card stays bound to the meter: the new holder gets the same card (a card the old holder kept is
 * reissued with 补卡, Ctrl+B).
 */
public final class TransferService {

    private final Database database;
    private final Journal journal;
    private final PaymentService payments;
    private final ServiceTimeService serviceTimes;
    private final AccountRepository accounts = new AccountRepository();
    private final TransferRepository transfers = new TransferRepository();
    private final OpeningRepository openings = new OpeningRepository();

    public TransferService(Database database, Journal journal, PaymentService payments,
                           ServiceTimeService serviceTimes) {
        this.database = database;
        this.journal = journal;
        this.payments = payments;
        this.serviceTimes = serviceTimes;
    }

    /** The account to transfer and what it owes today (bills with late fees, oldest first). */
    public record Standing(Account account, List<DueBill> bills, Money arrears) {
    }

    public Standing standing(Operator cashier, String accountNo) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        Account account = database.read(tx -> accounts.findByAccountNo(tx, accountNo.strip()))
                .orElseThrow(() -> new BusinessException("account.notFound"));
        List<DueBill> bills = payments.dueBills(cashier, account.id());
        return new Standing(account, bills, bills.stream().map(DueBill::total).reduce(Money.ZERO, Money::plus));
    }

    /** A committed transfer as its business confirmation prints it. */
    public TransferRecord record(Operator operator, long transferId) {
        AuthService.require(operator, Permission.LOOKUP);
        return database.read(tx -> record(tx, transferId));
    }

    /** Counts a print of the business confirmation (the first is the original, later ones copies). */
    public TransferRecord printed(Operator cashier, long transferId) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        return database.inTransaction(tx -> {
            TransferRecord before = record(tx, transferId);
            transfers.markPrinted(tx, transferId);
            journal.append(tx, cashier.staffNo(), "TRANSFER_CONFIRMATION_PRINTED", "account:" + before.accountNo(),
                    Map.of("transferId", transferId, "copy", before.printed()));
            return record(tx, transferId);
        });
    }

    private TransferRecord record(Tx tx, long transferId) {
        TransferRepository.Row row = transfers.find(tx, transferId)
                .orElseThrow(() -> new BusinessException("opening.transfer.notFound"));
        List<String> receipts = row.paymentId() == null ? List.of() : openings.receiptLabels(tx, row.paymentId());
        return new TransferRecord(row.id(), row.accountNo(), row.address(), row.oldHolder(), row.newHolder(),
                row.proxyName(), row.documents(), row.arrears(), receipts, row.staffNo(),
                row.transferredAt(), row.printCount());
    }

    /**
     * Transfers the account to {@code app}'s new holder, taking the arrears first with {@code tenders}.
     *
     * @throws BusinessException when the account is closed, the new holder or the documents are
     *     refused, or the arrears are not paid in full; nothing is then written
     */
    public TransferResult transfer(Operator cashier, long accountId, TransferApplication app, PaymentInput tenders,
                                   ServiceTimer timer) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        List<DueBill> due = payments.dueBills(cashier, accountId);
        return database.inTransaction(tx -> {
            transfers.lock(tx, accountId);
            Account account = accounts.findById(tx, accountId)
                    .orElseThrow(() -> new BusinessException("account.notFound"));
            if (account.status() == AccountStatus.CLOSED) {
                throw new BusinessException("opening.transfer.closed", account.accountNo());
            }
            app.check(account.kind());
            if (account.holder().idType() == app.newHolder().idType()
                    && account.holder().idNumber().equals(app.newHolder().idNumber())) {
                throw new BusinessException("opening.transfer.sameHolder");
            }
            PaymentResult payment = null;
            if (!due.isEmpty()) {
                Money arrears = due.stream().map(DueBill::total).reduce(Money.ZERO, Money::plus);
                Money offered = tenders.bankTenders().stream().map(t -> t.amount())
                        .reduce(tenders.cashReceived(), Money::plus);
                if (offered.compareTo(arrears) < 0) {
                    throw new BusinessException("opening.transfer.arrears.unpaid", arrears.minus(offered).format());
                }
                payment = payments.collectIn(tx, cashier, accountId, new PaymentInput(PaymentInput.Bills.ALL,
                        List.of(), tenders.cashReceived(), tenders.bankTenders(), List.of(), Money.ZERO, false,
                        List.of()));
                if (payment.plan().stillOwed().isPositive()) {
                    throw new BusinessException("opening.transfer.arrears.unpaid", payment.plan().stillOwed().format());
                }
            }
            LocalDate today = LocalDate.ofInstant(tx.now(), tx.clock().getZone());
            long oldPeriod = transfers.currentPeriodId(tx, accountId);
            transfers.endCurrentPeriod(tx, accountId, today);
            long newPeriod = transfers.insertPeriod(tx, accountId, app.newHolder(), today);
            long transferId = transfers.insertTransfer(tx, accountId, oldPeriod, newPeriod, app,
                    payment == null ? null : payment.paymentId(), cashier.id());
            transfers.setHolder(tx, accountId, app.newHolder());
            accounts.reindex(tx, accountId);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("transferId", transferId);
            p.put("accountNo", account.accountNo());
            p.put("oldHolder", account.holder().name());
            p.put("newHolder", app.newHolder().name());
            p.put("newIdType", app.newHolder().idType().name());
            p.put("proxy", app.proxy() != null);
            p.put("documents", app.ticked().stream().sorted().map(Enum::name).toList());
            p.put("arrearsPaymentId", payment == null ? 0 : payment.paymentId());
            p.put("cardSerial", account.cardSerial() == null ? "" : account.cardSerial());
            journal.append(tx, cashier.staffNo(), "ACCOUNT_TRANSFERRED", "account:" + account.accountNo(), p);
            if (timer != null) {
                serviceTimes.finishIn(tx, cashier, timer, "account:" + account.accountNo());
            }
            return new TransferResult(transferId, accountId, account.accountNo(), Optional.ofNullable(payment),
                    Optional.ofNullable(account.cardSerial()));
        });
    }
}
