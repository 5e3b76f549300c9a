package io.counterdesk.receipt.ui;

import io.counterdesk.receipt.IssuedReceipt;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.StockRange;
import io.counterdesk.shared.I18n;

/** One of the cashier's stock ranges as the stock screen lists it. */
public record RangeRow(StockRange range) {

    public ReceiptKind kind() {
        return range.kind();
    }

    public String kindText() {
        return KindChoice.text(range.kind());
    }

    /** "00010001–00015000". */
    public String rangeText() {
        return isEmpty() ? I18n.text("ui.none") : run(range.firstNo(), range.lastNo());
    }

    /** A range handed over before any of its numbers was used keeps no numbers at all. */
    boolean isEmpty() {
        return isEmpty(range);
    }

    static boolean isEmpty(StockRange range) {
        return range.lastNo() < range.firstNo();
    }

    /** "00010003–00015000", or the one number when first and last are the same. */
    static String run(long first, long last) {
        return first == last ? IssuedReceipt.formatNumber(first)
                : IssuedReceipt.formatNumber(first) + "–" + IssuedReceipt.formatNumber(last);
    }

    public long count() {
        return Math.max(0, range.lastNo() - range.firstNo() + 1);
    }

    /** Numbers of this range already given to receipts. */
    public long used() {
        return Math.min(range.nextNo(), range.lastNo() + 1) - range.firstNo();
    }

    /** Numbers still to be used; none once the range is closed. */
    public long remaining() {
        return range.isActive() ? Math.max(0, range.remaining()) : 0;
    }

    /** The number the next receipt of this range will carry, or the dash when the range is closed. */
    public String nextText() {
        return range.isActive() ? IssuedReceipt.formatNumber(range.nextNo()) : I18n.text("ui.none");
    }

    public String statusText() {
        return I18n.text("ui.stock.status." + range.status());
    }
}
