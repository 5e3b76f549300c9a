package io.counterdesk.receipt.ui;

import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.StockListing;
import io.counterdesk.receipt.StockRange;
import io.counterdesk.shared.I18n;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of the month-end listing (月末票据核对): one cashier's numbers of one kind, over all the
 * ranges they held in the month.
 *
 * @param ranges    the ranges, "00010001–00015000"
 * @param used      the numbers used in the month and not voided, as runs
 * @param voided    the voided numbers, each with its reason
 * @param remaining the unused numbers as runs
 */
public record ListingRow(String holder, ReceiptKind kind, List<String> ranges, long usedCount, List<String> used,
                         List<String> voided, long remainingCount, List<String> remaining) {

    public ListingRow {
        ranges = List.copyOf(ranges);
        used = List.copyOf(used);
        voided = List.copyOf(voided);
        remaining = List.copyOf(remaining);
    }

    /**
     * The service's listing, one entry per range, gathered per cashier and kind, in that order.
     * Ranges left without numbers (handed over whole) are left out: the receiver's range lists them.
     */
    static List<ListingRow> of(List<StockListing> listing) {
        Map<String, List<StockListing>> byHolderAndKind = new LinkedHashMap<>();
        listing.stream()
                .filter(l -> !RangeRow.isEmpty(l.range()))
                .sorted(Comparator.comparing(StockListing::holderLabel)
                        .thenComparing(l -> l.range().kind())
                        .thenComparingLong(l -> l.range().firstNo()))
                .forEach(l -> byHolderAndKind.computeIfAbsent(l.holderLabel() + "\u0000" + l.range().kind(),
                        k -> new ArrayList<>()).add(l));
        List<ListingRow> rows = new ArrayList<>();
        for (List<StockListing> group : byHolderAndKind.values()) {
            List<String> ranges = new ArrayList<>();
            List<String> used = new ArrayList<>();
            List<String> voided = new ArrayList<>();
            List<String> remaining = new ArrayList<>();
            long usedCount = 0;
            long remainingCount = 0;
            for (StockListing l : group) {
                StockRange range = l.range();
                ranges.add(RangeRow.run(range.firstNo(), range.lastNo()));
                usedCount += l.usedCount();
                used.addAll(l.used());
                voided.addAll(l.voided());
                if (!l.remaining().isEmpty()) {
                    remaining.add(l.remaining());
                    remainingCount += range.lastNo() - range.nextNo() + 1;
                }
            }
            StockListing first = group.get(0);
            rows.add(new ListingRow(first.holderLabel(), first.range().kind(), ranges, usedCount, used, voided,
                    remainingCount, remaining));
        }
        return rows;
    }

    public String kindText() {
        return KindChoice.text(kind);
    }

    public long voidedCount() {
        return voided.size();
    }

    /** The list as one cell's text, the dash when empty. */
    static String joined(List<String> items) {
        return items.isEmpty() ? I18n.text("ui.none") : String.join(I18n.text("ui.stock.separator"), items);
    }
}
