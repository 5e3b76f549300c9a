package io.counterdesk.report;

import io.counterdesk.persistence.ChainReport;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.Journal;
import io.counterdesk.shared.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Proves a day's reports against the journal: every figure of every cashier's report is worked out
 * again from the hash-chained events alone ({@link DayFold} (PAYMENT, PAYMENT_REVERSED, TILL_OPENED, TILL_DEPOSIT,
 * RECEIPT_VOIDED, TILL_CLOSED) and must be equal; tenders and businesses must add up to the same money; the chain
 * must be intact. {@code counterdesk check-day} prints the result.
 */
public final class DayCheck {

    /** One figure compared: what the report says and what the journal says. */
    public record Item(String tillLabel, String figure, String report, String journal) {

        public boolean ties() {
            return report.equals(journal);
        }
    }

    /** The day's check. */
    public record Result(LocalDate day, List<Item> items, ChainReport chain) {

        public boolean ties() {
            return chain.isIntact() && items.stream().allMatch(Item::ties);
        }

        public List<Item> differences() {
            return items.stream().filter(i -> !i.ties()).toList();
        }
    }

    private final Database database;
    private final DayReportService reports;
    private final ReportRepository repository = new ReportRepository();

    public DayCheck(Database database, DayReportService reports) {
        this.database = database;
        this.reports = reports;
    }

    public Result check(LocalDate day) {
        HallDayReport hall = reports.hallDayForCheck(day);
        Map<Long, DayFold.TillDay> folded = DayFold.fold(database.read(tx -> repository.events(tx, DayFold.TYPES)));
        ChainReport chain = database.read(Journal::verify);
        List<Item> items = new ArrayList<>();
        for (CashierDayReport r : hall.cashiers()) {
            items.addAll(checkTill(r, folded));
        }
        return new Result(day, items, chain);
    }

    private static List<Item> checkTill(CashierDayReport r, Map<Long, DayFold.TillDay> folded) {
        long till = r.header().tillId();
        String label = r.header().cashierStaffNo() + " " + r.header().cashierName() + " #" + till;
        DayFold.TillDay j = folded.get(till);
        if (j == null) {
            // nothing of this till in the journal: every figure compares against an empty till
            j = new DayFold.TillDay(till, r.header().cashierStaffNo(), null, null, Money.ZERO, Money.ZERO, Map.of(),
                    Map.of(), 0, 0, 0, Money.ZERO, 0, false, null, null, null);
        }
        Money journalFloat = j.openingFloat();
        Money cashIn = j.cashIn();
        Money cashOut = j.cashOut();
        Money deposits = j.deposits();
        CashLines cash = r.cash();
        List<Item> items = new ArrayList<>();
        items.add(money(label, "float", cash.openingFloat(), journalFloat));
        items.add(money(label, "cashIn", cash.cashIn(), cashIn));
        items.add(money(label, "changeAndRefunds", cash.change().plus(cash.refunds()), cashOut));
        items.add(money(label, "deposits", cash.deposits(), deposits));
        items.add(new Item(label, "depositCount", Integer.toString(r.deposits().size()), Integer.toString(j.depositCount())));
        items.add(money(label, "expectedCash", cash.expected(), j.expectedCash()));
        for (TenderTotal t : r.byTender()) {
            items.add(money(label, "tender." + t.tender(), t.amount(), j.tender(t.tender())));
        }
        for (BusinessTotal b : r.byBusiness()) {
            items.add(money(label, "business." + b.business(), b.amount(), j.business(b.business())));
        }
        Money tenderSum = r.byTender().stream().map(TenderTotal::amount).reduce(Money.ZERO, Money::plus);
        Money businessSum = r.byBusiness().stream().map(BusinessTotal::amount).reduce(Money.ZERO, Money::plus);
        items.add(money(label, "tendersEqualBusinesses", tenderSum, businessSum));
        items.add(new Item(label, "voucherM3", Long.toString(r.vouchers().volumeM3()), Long.toString(j.voucherM3())));
        int used = r.receiptsUsed().stream().mapToInt(ReceiptRange::count).sum();
        items.add(new Item(label, "receiptNumbers", Integer.toString(used), Integer.toString(j.receiptNumbers())));
        items.add(new Item(label, "voided", Integer.toString(r.voided().size()), Integer.toString(j.voided())));
        boolean reportClosed = r.header().status() != ReportStatus.OPEN;
        items.add(new Item(label, "closed", Boolean.toString(reportClosed), Boolean.toString(j.closed())));
        if (j.closed() && cash.counted() != null) {
            items.add(money(label, "closedExpectedCash", cash.expected(), j.closedExpectedCash()));
            items.add(money(label, "countedCash", cash.counted(), j.countedCash()));
            Money overShort = r.overShort().stream().map(OverShortLine::difference).reduce(Money.ZERO, Money::plus);
            items.add(money(label, "overShort", overShort, j.overShort()));
        }
        return items;
    }

    private static Item money(String label, String figure, Money report, Money journal) {
        return new Item(label, figure, report == null ? "-" : report.toPlainString(),
                journal == null ? "-" : journal.toPlainString());
    }

}
