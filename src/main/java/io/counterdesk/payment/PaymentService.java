package io.counterdesk.payment;

import io.counterdesk.account.AccountKind;
import io.counterdesk.account.MeterKind;
import io.counterdesk.billing.Bill;
import io.counterdesk.billing.LateFeeRule;
import io.counterdesk.billing.OutstandingBills;
import io.counterdesk.persistence.CounterMaximum;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.persistence.Tx;
import io.counterdesk.receipt.IssuedReceipt;
import io.counterdesk.receipt.ReceiptIssuer;
import io.counterdesk.receipt.ReceiptSet;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Permission;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import io.counterdesk.till.TillRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fee and bill collection (收费, DESIGN 2.4 and 2.6). One payment is one transaction: the payment
 * with its lines and tenders, the bills and the account it changes, the bank slips it uses up, the
 * till postings, its receipt numbers and its journal event all commit together — durably, before
 * {@link #collect} returns and before anything is printed.
 */
public final class PaymentService {

    private final Database database;
    private final Journal journal;
    private final TerminalIdentity terminal;
    private final ApprovalRecorder approvals;
    private final OutstandingBills outstanding;
    private final PaymentCalculator calculator;
    private final ReceiptIssuer issuer;
    private final PaymentRepository payments = new PaymentRepository();
    private final TillRepository tills = new TillRepository();
    private final CounterMaximum maximum = new CounterMaximum();

    public PaymentService(Database database, Journal journal, TerminalIdentity terminal, ApprovalRecorder approvals,
                          LateFeeRule lateFees, VoucherRule voucherRule) {
        this.database = database;
        this.journal = journal;
        this.terminal = terminal;
        this.approvals = approvals;
        this.outstanding = new OutstandingBills(lateFees);
        this.calculator = new PaymentCalculator(voucherRule);
        this.issuer = new ReceiptIssuer(terminal);
    }

    /** The unpaid bills of an account as they stand today, with late fees, oldest first. */
    public List<DueBill> dueBills(Operator cashier, long accountId) {
        AuthService.require(cashier, Permission.LOOKUP);
        return database.read(tx -> {
            PaymentRepository.AccountRow account = payments.readAccount(tx, accountId);
            return due(tx, account, today(tx), Map.of(), new HashMap<>());
        });
    }

    /** What the payment would come to, without writing anything (the screen's live preview). */
    public PaymentPlan quote(Operator cashier, long accountId, PaymentInput input) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        return database.read(tx -> {
            requireCatalogue(tx, input);
            PaymentRepository.AccountRow account = payments.readAccount(tx, accountId);
            return calculator.plan(request(tx, account, input, new HashMap<>()));
        });
    }

    public List<FeeItem> feeCatalogue() {
        return database.read(payments::feeCatalogue);
    }

    /** Takes the payment. Returns once it is on disk; print the receipts afterwards. */
    public PaymentResult collect(Operator cashier, long accountId, PaymentInput input) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        return database.inTransaction(tx -> {
            requireCatalogue(tx, input);
            return collectIn(tx, cashier, accountId, input);
        });
    }

    /**
     * What a caller hands in may name fee items only as the catalogue has them: an active item by its
     * code at the catalogue's price (a made-up code, another price or a home-made refund is
     * refused). Gas lines only selling gas (gas back is refused); money goes out
     * only through the refund and reversal services with their approvals.
     */
    private void requireCatalogue(Tx tx, PaymentInput input) {
        if (input == null) {
            throw new BusinessException("payment.input.incomplete");
        }
        Map<String, FeeItem> catalogue = new HashMap<>();
        for (FeeItem item : payments.feeCatalogue(tx)) {
            catalogue.put(item.code(), item);
        }
        for (FeeItem.Line line : input.fees()) {
            FeeItem item = line.item();
            CounterMaximum.checkQuantity(line.quantity());
            maximum.check(tx, item.price());
            maximum.check(tx, line.amount());
            if (item.isGas()) {
                // gas back (money out) only through the top-up's reversal and refund, with their approvals;
                // gas sold only on an IC-card account (checkTyped)
                if (item.isRefund()) {
                    throw new BusinessException("payment.fee.gasOnlyTopUp");
                }
                continue;
            }
            FeeItem listed = catalogue.get(item.code());
            if (listed == null) {
                throw new BusinessException("payment.fee.notInCatalogue", item.code());
            }
            if (!listed.price().equals(item.price())) {
                throw new BusinessException("payment.fee.priceNotCatalogue", listed.name(), listed.price().format());
            }
        }
    }

    /**
     * Takes the payment inside the caller's transaction, for businesses that commit more with the
     * money (an IC-card purchase records its pending card write in the same commit).
     */
    public PaymentResult collectIn(Tx tx, Operator cashier, long accountId, PaymentInput input) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        long tillId = tills.findOpenId(tx, cashier.id(), terminal.terminalId())
                .orElseThrow(() -> new BusinessException("payment.till.notOpen"));
        PaymentRepository.AccountRow account = payments.lockAccount(tx, accountId)
                .orElseThrow(() -> new BusinessException("account.notFound"));
        if ("CLOSED".equals(account.status())) {
            throw new BusinessException("payment.account.closed");
        }
        Map<Long, Money> ruleFees = new HashMap<>();
        PaymentRequest request = request(tx, account, input, ruleFees);
        PaymentPlan plan = calculator.plan(request);
        for (MoneyTender tender : input.bankTenders()) {
            if (tender.kind() == TenderKind.BANK_SLIP) {
                payments.bankSlipUsedAt(tx, tender.reference()).ifPresent(at -> {
                    throw new BusinessException("payment.slip.used", tender.reference(),
                            at.atZoneSameInstant(tx.clock().getZone()).toLocalDate().toString());
                });
            }
        }
        long paymentId = payments.insertPayment(tx, accountId, tillId, cashier.id(), today(tx), plan,
                input.cashReceived(), input.creditToUse());
        payments.insertLines(tx, paymentId, plan.lines());
        writeTenders(tx, paymentId, tillId, input, plan);
        applyToBills(tx, plan);
        Money creditChange = plan.creditAdded().minus(input.creditToUse());
        if (!creditChange.isZero() || plan.newVoucherPaidToReading() != null) {
            payments.updateAccount(tx, accountId, creditChange, plan.newVoucherPaidToReading());
        }
        Map<Long, Long> waiverApprovals = recordWaivers(tx, cashier, request, ruleFees, input.waivers(), paymentId);
        List<IssuedReceipt> receipts = issueReceipts(tx, cashier, account, paymentId, input, plan);
        journal.append(tx, cashier.staffNo(), "PAYMENT", "account:" + account.accountNo(),
                journalPayload(paymentId, tillId, account, input, plan, receipts, waiverApprovals));
        // a close that held the journal head has committed by now: closed meanwhile means not taken
        if (!tills.isOpen(tx, tillId)) {
            throw new BusinessException("till.closed");
        }
        return new PaymentResult(paymentId, account.accountNo(), plan, receipts);
    }

    private PaymentRequest request(Tx tx, PaymentRepository.AccountRow account, PaymentInput input,
                                   Map<Long, Money> ruleFees) {
        checkTyped(tx, account, input);
        LocalDate day = today(tx);
        Map<Long, LateFeeWaiver> waivers = new HashMap<>();
        for (LateFeeWaiver w : input.waivers()) {
            waivers.put(w.billId(), w);
        }
        List<DueBill> bills = due(tx, account, day, waivers, ruleFees);
        if (!input.bills().all()) {
            Set<Long> chosen = Set.copyOf(input.bills().chosen());
            bills = bills.stream().filter(b -> chosen.contains(b.billId())).toList();
            if (bills.size() != chosen.size()) {
                throw new BusinessException("payment.bill.notPayable");
            }
        }
        VoucherContext voucherContext = input.vouchers().isEmpty() ? null : new VoucherContext(
                MeterKind.valueOf(account.meterKind()), payments.monthlyAverageM3(tx, account.id()),
                payments.latestReading(tx, account.id()), account.voucherPaidToReading());
        return new PaymentRequest(bills, input.fees(), input.cashReceived(), input.bankTenders(), input.vouchers(),
                input.creditToUse(), account.credit(), voucherContext, day, input.changeToCredit());
    }

    /**
     * Every amount typed within the counter maximum before any arithmetic (fee lines: see
     * {@link #requireCatalogue}); gas only on an IC-card account; a bank slip once per payment.
     */
    private void checkTyped(Tx tx, PaymentRepository.AccountRow account, PaymentInput input) {
        if (input == null) {
            throw new BusinessException("payment.input.incomplete");
        }
        maximum.check(tx, input.cashReceived());
        maximum.check(tx, input.creditToUse());
        Set<String> slips = new HashSet<>();
        for (MoneyTender tender : input.bankTenders()) {
            maximum.check(tx, tender.amount());
            if (tender.kind() == TenderKind.BANK_SLIP && !slips.add(tender.reference())) {
                throw new BusinessException("payment.slip.twice", tender.reference());
            }
        }
        for (LateFeeWaiver waiver : input.waivers()) {
            maximum.check(tx, waiver.chargedFee());
        }
        for (FeeItem.Line line : input.fees()) {
            if (line.item().isGas() && !MeterKind.IC.name().equals(account.meterKind())) {
                throw new BusinessException("payment.fee.gasOnlyIc");
            }
        }
        refundOnlyDepositsHeld(tx, account, input);
    }

    /**
     * A deposit's refund item (表具检测押金退还) pays back only what the account holds of that
     * deposit (seed: the deposit is paid back against its receipt): never more than was paid in and
     * not yet paid back or moved away.
     */
    private void refundOnlyDepositsHeld(Tx tx, PaymentRepository.AccountRow account, PaymentInput input) {
        Map<String, Money> paidBack = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        for (FeeItem.Line line : input.fees()) {
            if (line.item().isRefund() && !line.item().isGas()) {
                payments.depositOf(tx, line.item().code()).ifPresent(deposit -> {
                    paidBack.merge(deposit, line.amount().negate(), Money::plus);
                    names.putIfAbsent(deposit, line.item().name());
                });
            }
        }
        if (paidBack.isEmpty()) {
            return;
        }
        Map<String, Money> held = new HashMap<>();
        for (HeldDeposits.Held deposit : HeldDeposits.held(payments.depositLines(tx, account.id()))) {
            held.put(deposit.depositCode(), deposit.amount());
        }
        for (Map.Entry<String, Money> refund : paidBack.entrySet()) {
            Money holds = held.getOrDefault(refund.getKey(), Money.ZERO);
            if (refund.getValue().compareTo(holds) > 0) {
                throw new BusinessException("payment.fee.depositNotHeld", names.get(refund.getKey()), holds.format());
            }
        }
    }

    /** The unpaid bills with their late fees (after waivers); the rule's own fee goes to {@code ruleFees}. */
    private List<DueBill> due(Tx tx, PaymentRepository.AccountRow account, LocalDate day, Map<Long, LateFeeWaiver> waivers,
                              Map<Long, Money> ruleFees) {
        List<DueBill> out = new ArrayList<>();
        for (OutstandingBills.Due d : outstanding.on(tx, account.id(), AccountKind.valueOf(account.kind()), day)) {
            Bill b = d.bill();
            Money fee = d.lateFee();
            ruleFees.put(b.id(), fee);
            LateFeeWaiver waiver = waivers.get(b.id());
            if (waiver != null) {
                if (waiver.chargedFee().isNegative() || waiver.chargedFee().compareTo(fee) >= 0) {
                    throw new BusinessException("payment.waiver.notLower", b.period().toString(), fee.format());
                }
                fee = waiver.chargedFee();
            }
            out.add(new DueBill(b.id(), b.period(), b.volumeM3(), b.amount(), b.outstanding(), fee));
        }
        return out;
    }

    private void writeTenders(Tx tx, long paymentId, long tillId, PaymentInput input, PaymentPlan plan) {
        payments.post(tx, tillId, paymentId, "CASH_IN", input.cashReceived(), null);
        payments.post(tx, tillId, paymentId, "CASH_OUT", plan.change(), null);
        int n = 1;
        for (PaymentReceipts.StoredTender t : PaymentReceipts.tenders(input, plan)) {
            payments.insertTender(tx, paymentId, n++, t.kind(), t.amount(), t.reference(), t.voucher());
            if (t.kind() == TenderKind.BANK_CARD || t.kind() == TenderKind.BANK_SLIP) {
                payments.post(tx, tillId, paymentId, t.kind().name(), t.amount(), t.reference());
            }
            if (t.kind() == TenderKind.BANK_SLIP) {
                payments.useBankSlip(tx, t.reference(), paymentId);
            }
        }
        payments.post(tx, tillId, paymentId, "VOUCHER", plan.voucherValue(), plan.voucherM3() + "m3");
        if (input.creditToUse().isPositive()) {
            payments.post(tx, tillId, paymentId, "CREDIT_USED", input.creditToUse(), null);
        }
    }

    private void applyToBills(Tx tx, PaymentPlan plan) {
        Map<Long, Money[]> perBill = new LinkedHashMap<>();
        for (PaymentPlan.Line line : plan.lines()) {
            if (line.billId() == 0) {
                continue;
            }
            Money[] sums = perBill.computeIfAbsent(line.billId(), k -> new Money[] {Money.ZERO, Money.ZERO});
            if (line.kind() == PaymentPlan.LineKind.LATE_FEE) {
                sums[1] = sums[1].plus(line.amount());
            } else {
                sums[0] = sums[0].plus(line.amount());
            }
        }
        perBill.forEach((billId, sums) -> payments.payBill(tx, billId, sums[0], sums[1]));
    }

    private Map<Long, Long> recordWaivers(Tx tx, Operator cashier, PaymentRequest request, Map<Long, Money> ruleFees,
                                          List<LateFeeWaiver> waivers, long paymentId) {
        Map<Long, Long> approvalsByBill = new LinkedHashMap<>();
        for (LateFeeWaiver w : waivers) {
            if (request.bills().stream().noneMatch(b -> b.billId() == w.billId())) {
                throw new BusinessException("payment.bill.notPayable");
            }
            long approval = approvals.record(tx, w.grant(), cashier, "WAIVE_LATE_FEE", "bill:" + w.billId(), w.reason());
            payments.insertWaiver(tx, w.billId(), paymentId, ruleFees.get(w.billId()), w.chargedFee(), approval);
            approvalsByBill.put(w.billId(), approval);
        }
        return approvalsByBill;
    }

    /** The payment's receipts as {@link ReceiptSet} decides them, each numbered from the cashier's stock. */
    private List<IssuedReceipt> issueReceipts(Tx tx, Operator cashier, PaymentRepository.AccountRow account,
                                              long paymentId, PaymentInput input, PaymentPlan plan) {
        List<IssuedReceipt> receipts = new ArrayList<>();
        for (ReceiptSet.Part part : ReceiptSet.of(PaymentReceipts.paid(plan, input))) {
            receipts.add(issuer.issue(tx, cashier.id(), part.kind(), paymentId, part.part(), account.accountNo(),
                    part.total().fen()));
        }
        return receipts;
    }

    private Map<String, Object> journalPayload(long paymentId, long tillId, PaymentRepository.AccountRow account,
                                               PaymentInput input, PaymentPlan plan, List<IssuedReceipt> receipts,
                                               Map<Long, Long> waiverApprovals) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("paymentId", paymentId);
        p.put("tillId", tillId);
        p.put("accountNo", account.accountNo());
        p.put("totalDueFen", plan.totalDue().fen());
        p.put("cashReceivedFen", input.cashReceived().fen());
        p.put("moneyReceivedFen", plan.moneyReceived().fen());
        p.put("changeFen", plan.change().fen());
        p.put("creditUsedFen", input.creditToUse().fen());
        p.put("creditAddedFen", plan.creditAdded().fen());
        p.put("voucherM3", plan.voucherM3());
        p.put("voucherValueFen", plan.voucherValue().fen());
        p.put("stillOwedFen", plan.stillOwed().fen());
        p.put("lines", plan.lines().stream().map(l -> Map.of("kind", l.kind().name(), "billId", l.billId(),
                "amountFen", l.amount().fen(), "m3", l.volumeM3(), "feeCode", l.feeCode() == null ? "" : l.feeCode()))
                .toList());
        // v2: lines carry their fee code (docs/sync-protocol.md)
        p.put("v", 2);
        p.put("tenders", input.bankTenders().stream().map(t -> Map.of("kind", t.kind().name(),
                "amountFen", t.amount().fen(), "reference", t.reference())).toList());
        p.put("vouchers", input.vouchers().stream().map(v -> Map.of("count", v.count(),
                "faceFen", v.faceValueEach().fen(), "validThrough", v.validThrough().toString())).toList());
        p.put("receipts", receipts.stream().map(r -> Map.of("kind", r.kind().name(), "number", r.number(),
                "part", r.part().name(), "mac", r.mac())).toList());
        p.put("waiverApprovals", waiverApprovals.values().stream().toList());
        return p;
    }

    private static LocalDate today(Tx tx) {
        return LocalDate.ofInstant(tx.now(), tx.clock().getZone());
    }
}
