package io.counterdesk.report;

import java.util.List;

/**
 * A cashier's daily cash report (营业厅现金日报表, seed 第二十四条): one till session's day, every
 * figure read from the database and reconciled with the journal ({@code DayCheck}).
 *
 * @param overShort   per tender; empty until counted
 * @param explanation the cashier's explanation of a difference ("" when none)
 * @param reversals   payments of earlier days (or of this one) this till reversed (counted in its figures)
 * @param corrections this till's payments reversed later (its figures stay; listed as corrected)
 */
public record CashierDayReport(ReportHeader header, List<TenderTotal> byTender, List<BusinessTotal> byBusiness,
                               List<FeeItemTotal> feeItems, List<ReceiptRange> receiptsUsed, List<VoidedReceipt> voided,
                               List<ReprintLine> reprints, List<DepositLine> deposits, CashLines cash,
                               List<OverShortLine> overShort, String explanation, TopUpTotals topUps,
                               VoucherTotals vouchers, List<ReversalNote> reversals,
                               List<ReversalNote> corrections) {

    public CashierDayReport {
        byTender = List.copyOf(byTender);
        byBusiness = List.copyOf(byBusiness);
        feeItems = List.copyOf(feeItems);
        receiptsUsed = List.copyOf(receiptsUsed);
        voided = List.copyOf(voided);
        reprints = List.copyOf(reprints);
        deposits = List.copyOf(deposits);
        overShort = List.copyOf(overShort);
        reversals = List.copyOf(reversals);
        corrections = List.copyOf(corrections);
    }

    /** A report without reversals or corrections. */
    public CashierDayReport(ReportHeader header, List<TenderTotal> byTender, List<BusinessTotal> byBusiness,
                            List<FeeItemTotal> feeItems, List<ReceiptRange> receiptsUsed, List<VoidedReceipt> voided,
                            List<ReprintLine> reprints, List<DepositLine> deposits, CashLines cash,
                            List<OverShortLine> overShort, String explanation, TopUpTotals topUps,
                            VoucherTotals vouchers) {
        this(header, byTender, byBusiness, feeItems, receiptsUsed, voided, reprints, deposits, cash, overShort,
                explanation, topUps, vouchers, List.of(), List.of());
    }
}
