package io.counterdesk.payment;

import io.counterdesk.account.MeterKind;
import io.counterdesk.payment.PaymentPlan.Line;
import io.counterdesk.payment.PaymentPlan.LineKind;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * Works out a payment (DESIGN 2.4). Pure: no I/O, the same answer for the same request.
 *
 * <ol>
 *   <li>Vouchers are checked (validity with grace, the 3× cap except IC accounts, the meter
 *       reading rule) and settle gas volume on the bills' principal, oldest bill first; volume left
 *       over is prepaid gas and moves the reading paid for by vouchers forward. Their face-value
 *       cash becomes a line to pay.</li>
 *   <li>Money (cash, bank card, bank slips, credit used) pays, in order: refunds are netted first,
 *       then fee items and voucher face-value cash (these must be paid in full), then each bill
 *       oldest first, its late fee before its principal.</li>
 *   <li>Surplus money becomes cash handed back — change from cash received, and refunds — or,
 *       when chosen or when it came from a bank or from credit, credit on the account.</li>
 * </ol>
 */
public final class PaymentCalculator {

    private final VoucherRule voucherRule;

    public PaymentCalculator(VoucherRule voucherRule) {
        this.voucherRule = voucherRule;
    }

    public PaymentPlan plan(PaymentRequest request) {
        checkAmounts(request);
        List<Line> lines = new ArrayList<>();
        Money totalDue = Money.ZERO;
        for (FeeItem.Line fee : request.fees()) {
            totalDue = totalDue.plus(fee.amount());
        }
        for (DueBill bill : request.bills()) {
            totalDue = totalDue.plus(bill.total());
        }

        // 1. vouchers settle gas volume; fee lines left for money (a gas line settled whole by vouchers becomes null)
        List<FeeItem.Line> fees = new ArrayList<>(request.fees());
        long voucherM3 = request.voucherCount() * voucherRule.m3PerVoucher();
        Money voucherValue = Money.ZERO;
        Money faceCash = Money.ZERO;
        Long newPaidTo = null;
        List<Money> principalLeft = new ArrayList<>();
        for (DueBill bill : request.bills()) {
            principalLeft.add(bill.outstanding());
        }
        if (voucherM3 > 0) {
            VoucherContext ctx = request.voucherContext();
            if (ctx == null) {
                throw new IllegalArgumentException("vouchers need the account's voucher context");
            }
            for (VoucherBatch batch : request.vouchers()) {
                voucherRule.checkValid(batch, request.payDay());
                faceCash = faceCash.plus(batch.faceCash());
            }
            voucherRule.checkCap(request.voucherCount(), ctx.meterKind(), ctx.monthlyAverageM3());
            voucherRule.checkReading(ctx.latestReading(), ctx.paidToReading());
            long left = voucherM3;
            for (int i = 0; i < request.bills().size() && left > 0; i++) {
                DueBill bill = request.bills().get(i);
                long covered = Math.min(left, bill.unpaidVolumeM3());
                if (covered == 0) {
                    continue;
                }
                Money value = bill.valueOf(covered);
                lines.add(new Line(LineKind.PRINCIPAL_BY_VOUCHER, bill.billId(), bill.period().toString(), value, covered));
                principalLeft.set(i, principalLeft.get(i).minus(value));
                voucherValue = voucherValue.plus(value);
                left -= covered;
            }
            // what the bills leave settles gas sold onto an IC card (a top-up), tier by tier
            for (int i = 0; i < fees.size() && left > 0; i++) {
                FeeItem.Line fee = fees.get(i);
                if (!fee.item().isGas() || fee.item().isRefund()) {
                    continue;
                }
                long covered = Math.min(left, fee.quantity());
                Money value = fee.item().price().times(covered);
                lines.add(new Line(LineKind.GAS_BY_VOUCHER, 0, fee.item().name(), value, covered));
                voucherValue = voucherValue.plus(value);
                left -= covered;
                fees.set(i, covered == fee.quantity() ? null : new FeeItem.Line(fee.item(), (int) (fee.quantity() - covered)));
            }
            if (left > 0) {
                if (ctx.meterKind() == MeterKind.IC) {
                    throw new BusinessException("payment.voucher.icPrepay", left);
                }
                long base = Math.max(ctx.latestReading(), ctx.paidToReading() == null ? 0 : ctx.paidToReading());
                newPaidTo = base + left;
            }
            if (faceCash.isPositive()) {
                totalDue = totalDue.plus(faceCash);
            }
        }

        // 2. money pays refunds, fee items, face-value cash, then bills oldest first
        Money bank = request.bankTenders().stream().map(MoneyTender::amount).reduce(Money.ZERO, Money::plus);
        Money moneyReceived = request.cashReceived().plus(bank).plus(request.creditToUse());
        Money pool = moneyReceived;
        Money refunds = Money.ZERO;
        for (FeeItem.Line fee : request.fees()) {
            if (fee.item().isRefund()) {
                lines.add(feeLine(fee));
                refunds = refunds.minus(fee.amount());
            }
        }
        pool = pool.plus(refunds);
        // what must be paid in full: the fee items and the vouchers' face-value cash; short by how much
        Money inFull = faceCash.isPositive() ? faceCash : Money.ZERO;
        for (FeeItem.Line fee : fees) {
            if (fee != null && !fee.item().isRefund()) {
                inFull = inFull.plus(fee.amount());
            }
        }
        Money shortBy = inFull.minus(pool);
        for (FeeItem.Line fee : fees) {
            if (fee != null && !fee.item().isRefund()) {
                pool = payInFull(pool, fee.amount(), "payment.fee.unpaid", fee.item().name(), shortBy);
                lines.add(feeLine(fee));
            }
        }
        if (faceCash.isPositive()) {
            pool = payInFull(pool, faceCash, "payment.voucher.faceCashUnpaid", faceCash.format(), shortBy);
            lines.add(new Line(LineKind.VOUCHER_FACE_CASH, 0, "", faceCash, 0));
        }
        Money stillOwed = Money.ZERO;
        for (int i = 0; i < request.bills().size(); i++) {
            DueBill bill = request.bills().get(i);
            Money fee = bill.lateFee().min(pool);
            if (fee.isPositive()) {
                lines.add(new Line(LineKind.LATE_FEE, bill.billId(), bill.period().toString(), fee, 0));
                pool = pool.minus(fee);
            }
            Money principal = principalLeft.get(i).min(pool);
            if (principal.isPositive()) {
                lines.add(new Line(LineKind.PRINCIPAL, bill.billId(), bill.period().toString(), principal, 0));
                pool = pool.minus(principal);
            }
            stillOwed = stillOwed.plus(bill.lateFee().minus(fee)).plus(principalLeft.get(i).minus(principal));
        }

        // 3. surplus: cash back (change, and refunds paid out), or credit
        Money change = Money.ZERO;
        Money creditAdded = Money.ZERO;
        if (pool.isPositive()) {
            change = request.changeToCredit() ? Money.ZERO : pool.min(request.cashReceived().plus(refunds));
            creditAdded = pool.minus(change);
            if (creditAdded.isPositive()) {
                lines.add(new Line(LineKind.CREDIT_ADDED, 0, "", creditAdded, 0));
            }
        }
        // nothing settled, no fee, nothing kept as credit: money in only to go straight back out
        if (lines.isEmpty()) {
            throw new BusinessException("payment.nothingToPay");
        }
        return new PaymentPlan(lines, totalDue, voucherM3, voucherValue, moneyReceived, change, creditAdded, stillOwed,
                newPaidTo);
    }

    private static Line feeLine(FeeItem.Line fee) {
        if (fee.item().isGas()) {
            long m3 = fee.item().isRefund() ? -fee.quantity() : fee.quantity();
            return new Line(LineKind.GAS_PURCHASE, 0, fee.item().name(), fee.amount(), m3);
        }
        return new Line(LineKind.FEE_ITEM, 0, fee.item().name(), fee.amount(), 0, fee.item().code());
    }

    /** Takes {@code amount} from {@code pool} in full, or refuses naming {@code what} and the money short ({@code shortBy}). */
    private static Money payInFull(Money pool, Money amount, String key, Object what, Money shortBy) {
        if (pool.compareTo(amount) < 0) {
            throw new BusinessException(key, what, shortBy.format());
        }
        return pool.minus(amount);
    }

    /**
     * No single amount or fee line beyond this (¥10 billion) reaches the arithmetic, so sums never
     * overflow; the services refuse far less (the counter maximum, ADR 0013), this is the pure
     * calculator's own guard for quotes that do not pass through them.
     */
    static final long CEILING_FEN = 1_000_000_000_000L;

    private static void checkAmounts(PaymentRequest request) {
        List<Money> typed = new ArrayList<>(List.of(request.cashReceived(), request.creditToUse()));
        request.bankTenders().forEach(t -> typed.add(t.amount()));
        for (FeeItem.Line fee : request.fees()) {
            long price = fee.item().price().fen();
            long most = CEILING_FEN / Math.max(1, fee.quantity());
            if (fee.quantity() > 1_000_000 || price > most || price < -most) {
                throw new BusinessException("shared.amount.tooLarge", fee.item().price().format(),
                        Money.ofFen(CEILING_FEN).format());
            }
        }
        for (Money m : typed) {
            if (m.fen() > CEILING_FEN || m.fen() < -CEILING_FEN) {
                throw new BusinessException("shared.amount.tooLarge", m.format(),
                        Money.ofFen(CEILING_FEN).format());
            }
        }
        if (request.cashReceived().isNegative()) {
            throw new BusinessException("payment.cash.negative");
        }
        if (request.creditToUse().isNegative()) {
            throw new BusinessException("payment.credit.negative");
        }
        if (request.creditToUse().compareTo(request.availableCredit()) > 0) {
            throw new BusinessException("payment.credit.tooMuch", request.availableCredit().format());
        }
        long distinctSlips = request.bankTenders().stream().filter(t -> t.kind() == TenderKind.BANK_SLIP)
                .map(MoneyTender::reference).distinct().count();
        long slips = request.bankTenders().stream().filter(t -> t.kind() == TenderKind.BANK_SLIP).count();
        if (distinctSlips != slips) {
            throw new BusinessException("payment.slip.duplicate");
        }
    }
}
