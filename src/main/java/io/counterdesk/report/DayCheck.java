package io.counterdesk.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.counterdesk.persistence.ChainReport;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.JournalEvent;
import io.counterdesk.shared.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proves a day's reports against the journal: every figure of every cashier's report is worked out
 * again from the hash-chained events alone (PAYMENT, PAYMENT_REVERSED, TILL_OPENED, TILL_DEPOSIT,
 * RECEIPT_VOIDED, TILL_CLOSED) and must be equal; tenders and businesses must add up to the same money; the chain
 * must be intact. {@code counterdesk check-day} prints the result.
 */
public final class DayCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        List<JournalEvent> events = database.read(tx -> repository.events(tx,
                List.of("TILL_OPENED", "PAYMENT", "PAYMENT_REVERSED", "TILL_DEPOSIT", "RECEIPT_VOIDED",
                        "TILL_CLOSED")));
        ChainReport chain = database.read(Journal::verify);
        List<Item> items = new ArrayList<>();
        for (CashierDayReport r : hall.cashiers()) {
            items.addAll(checkTill(r, events));
        }
        return new Result(day, items, chain);
    }

    private static List<Item> checkTill(CashierDayReport r, List<JournalEvent> events) {
        long till = r.header().tillId();
        String label = r.header().cashierStaffNo() + " " + r.header().cashierName() + " #" + till;
        Money journalFloat = null;
        Money cashIn = Money.ZERO;
        Money cashOut = Money.ZERO;
        Map<String, Money> tenders = new LinkedHashMap<>();
        Map<String, Money> business = new LinkedHashMap<>();
        long voucherM3 = 0;
        int receipts = 0;
        Set<Long> payments = new HashSet<>();
        Money deposits = Money.ZERO;
        int depositCount = 0;
        int voids = 0;
        JsonNode closed = null;
        for (JournalEvent e : events) {
            JsonNode p = read(e.payload());
            switch (e.type()) {
                case "TILL_OPENED" -> {
                    if (p.path("tillId").asLong() == till) {
                        journalFloat = Money.ofFen(p.path("floatFen").asLong());
                    }
                }
                // a reversal's event has a payment's shape with every figure negated (cash back as change)
                case "PAYMENT", "PAYMENT_REVERSED" -> {
                    if (p.path("tillId").asLong() != till) {
                        continue;
                    }
                    payments.add(p.path("paymentId").asLong());
                    cashIn = cashIn.plus(fen(p, "cashReceivedFen"));
                    cashOut = cashOut.plus(fen(p, "changeFen"));
                    tenders.merge("CREDIT", fen(p, "creditUsedFen"), Money::plus);
                    for (JsonNode t : p.path("tenders")) {
                        tenders.merge(t.path("kind").asText(), fen(t, "amountFen"), Money::plus);
                    }
                    for (JsonNode l : p.path("lines")) {
                        String b = DayReportService.businessOf(l.path("kind").asText());
                        if (b != null) {
                            business.merge(b, fen(l, "amountFen"), Money::plus);
                        }
                    }
                    voucherM3 += p.path("voucherM3").asLong();
                    receipts += p.path("receipts").size();
                }
                case "TILL_DEPOSIT" -> {
                    if (p.path("tillId").asLong() == till) {
                        deposits = deposits.plus(fen(p, "amountFen"));
                        depositCount++;
                    }
                }
                case "TILL_CLOSED" -> {
                    if (p.path("tillId").asLong() == till) {
                        closed = p;
                    }
                }
                default -> { }
            }
        }
        for (JournalEvent e : events) {
            if (e.type().equals("RECEIPT_VOIDED") && payments.contains(read(e.payload()).path("paymentId").asLong())) {
                voids++;
                // 作废重开: the replacement's number is taken by the void, not by the payment
                if (read(e.payload()).has("replacementNumber")) {
                    receipts++;
                }
            }
        }
        CashLines cash = r.cash();
        List<Item> items = new ArrayList<>();
        items.add(money(label, "float", cash.openingFloat(), journalFloat));
        items.add(money(label, "cashIn", cash.cashIn(), cashIn));
        items.add(money(label, "changeAndRefunds", cash.change().plus(cash.refunds()), cashOut));
        items.add(money(label, "deposits", cash.deposits(), deposits));
        items.add(new Item(label, "depositCount", Integer.toString(r.deposits().size()), Integer.toString(depositCount)));
        Money expected = journalFloat == null ? null : journalFloat.plus(cashIn).minus(cashOut).minus(deposits);
        items.add(money(label, "expectedCash", cash.expected(), expected));
        for (TenderTotal t : r.byTender()) {
            Money journal = t.tender().equals("CASH") ? cashIn.minus(cashOut) : tenders.getOrDefault(t.tender(), Money.ZERO);
            items.add(money(label, "tender." + t.tender(), t.amount(), journal));
        }
        for (BusinessTotal b : r.byBusiness()) {
            items.add(money(label, "business." + b.business(), b.amount(), business.getOrDefault(b.business(), Money.ZERO)));
        }
        Money tenderSum = r.byTender().stream().map(TenderTotal::amount).reduce(Money.ZERO, Money::plus);
        Money businessSum = r.byBusiness().stream().map(BusinessTotal::amount).reduce(Money.ZERO, Money::plus);
        items.add(money(label, "tendersEqualBusinesses", tenderSum, businessSum));
        items.add(new Item(label, "voucherM3", Long.toString(r.vouchers().volumeM3()), Long.toString(voucherM3)));
        int used = r.receiptsUsed().stream().mapToInt(ReceiptRange::count).sum();
        items.add(new Item(label, "receiptNumbers", Integer.toString(used), Integer.toString(receipts)));
        items.add(new Item(label, "voided", Integer.toString(r.voided().size()), Integer.toString(voids)));
        boolean reportClosed = r.header().status() != ReportStatus.OPEN;
        items.add(new Item(label, "closed", Boolean.toString(reportClosed), Boolean.toString(closed != null)));
        if (closed != null && cash.counted() != null) {
            items.add(money(label, "closedExpectedCash", cash.expected(), fen(closed, "expectedCashFen")));
            items.add(money(label, "countedCash", cash.counted(), fen(closed, "countedCashFen")));
            Money overShort = r.overShort().stream().map(OverShortLine::difference).reduce(Money.ZERO, Money::plus);
            items.add(money(label, "overShort", overShort, fen(closed, "overShortFen")));
        }
        return items;
    }

    private static Item money(String label, String figure, Money report, Money journal) {
        return new Item(label, figure, report == null ? "-" : report.toPlainString(),
                journal == null ? "-" : journal.toPlainString());
    }

    private static Money fen(JsonNode node, String field) {
        return Money.ofFen(node.path(field).asLong());
    }

    private static JsonNode read(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable journal payload", e);
        }
    }
}
