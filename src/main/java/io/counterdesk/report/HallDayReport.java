package io.counterdesk.report;

import io.counterdesk.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The hall's day for its checker (核对员): every cashier's report and the hall totals.
 *
 * @param totalOverShort sum of every counted cashier's over/short over all tenders
 * @param signedBy       staff number and name of the checker, null before sign-off
 */
public record HallDayReport(String hallName, LocalDate businessDay, List<CashierDayReport> cashiers,
                            List<TenderTotal> byTender, List<BusinessTotal> byBusiness, TopUpTotals topUps,
                            VoucherTotals vouchers, Money deposits, Money totalOverShort, String signedBy,
                            Instant signedAt) {

    public HallDayReport {
        cashiers = List.copyOf(cashiers);
        byTender = List.copyOf(byTender);
        byBusiness = List.copyOf(byBusiness);
    }

    public boolean signed() {
        return signedAt != null;
    }
}
