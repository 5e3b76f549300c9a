package io.counterdesk.receipt;

import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a payment's receipts contain, decided once (pure): which receipts a payment gets, and the
 * lines, tenders, total and change of each. The payment service takes its receipt numbers (and the
 * amount each verification code covers) from it, the confirmation's preview lays it out from the
 * quoted plan, and the printed receipt from the committed payment — so the three cannot disagree.
 *
 * <ul>
 *   <li>A payment without vouchers: one 收款收据 with every line and tender.</li>
 *   <li>A payment with vouchers: a 燃气票核对单 with the gas the vouchers settled, the vouchers handed
 *       in and their value (it adds up: the vouchers settle exactly its total), and, when money was
 *       taken or kept as credit, a 现金核对单 with every line money paid — <em>including the vouchers'
 *       face-value cash</em>, since that is paid in money — the money tenders, change, credit and
 *       what is still owed. Money tenders − change − credit added = its total (ADR 0015).</li>
 * </ul>
 *
 * <p>Every text is Chinese whatever the screen language (a receipt is an official document), and
 * only characters every GBK printer has ({@link #gbkSafe}).
 */
public final class ReceiptSet {

    /** Lines a voucher slip carries: the gas the vouchers settled. */
    private static final Set<String> VOUCHER_LINES = Set.of("PRINCIPAL_BY_VOUCHER", "GAS_BY_VOUCHER");
    private static final String CREDIT_ADDED = "CREDIT_ADDED";

    private ReceiptSet() {
    }

    /** One line of a payment as the payment stores it ({@code kind} is a {@code PaymentPlan.LineKind} name). */
    public record Line(String kind, String label, Money amount, long volumeM3) {
    }

    /** One tender of a payment as stored ({@code kind} a {@code TenderKind} name; vouchers have a count). */
    public record Tender(String kind, Money amount, String reference, Integer voucherCount) {
    }

    /** The money facts of a payment, from its plan (preview) or its rows (printing). */
    public record Paid(List<Line> lines, List<Tender> tenders, Money change, Money creditAdded, Money stillOwed,
                       long voucherM3) {
        public Paid {
            lines = List.copyOf(lines);
            tenders = List.copyOf(tenders);
        }
    }

    /** One receipt of the payment: what it prints between the head and the verification code. */
    public record Part(ReceiptKind kind, ReceiptPart part, List<ReceiptContent.Item> items,
                       List<ReceiptContent.Item> tenders, Money total, Money change, Money creditAdded,
                       Money stillOwed, long voucherM3, boolean tookCash) {
        public Part {
            items = List.copyOf(items);
            tenders = List.copyOf(tenders);
        }

        /** "收款收据", "燃气票核对单", "现金核对单" (always Chinese: it is the printed title). */
        public String title() {
            return text("receipt.part." + part.name());
        }
    }

    /** The receipts a payment gets, in the order they are numbered and printed. */
    public static List<Part> of(Paid paid) {
        if (paid.voucherM3() == 0) {
            return List.of(part(paid, ReceiptPart.WHOLE));
        }
        List<Part> parts = new ArrayList<>();
        parts.add(part(paid, ReceiptPart.VOUCHER));
        Part cash = part(paid, ReceiptPart.CASH);
        if (cash.total().isPositive() || paid.creditAdded().isPositive()) {
            parts.add(cash);
        }
        return parts;
    }

    /** One receipt of the payment. */
    public static Part part(Paid paid, ReceiptPart which) {
        List<ReceiptContent.Item> items = new ArrayList<>();
        Money total = Money.ZERO;
        for (Line line : paid.lines()) {
            if (line.kind().equals(CREDIT_ADDED) || !belongs(which, VOUCHER_LINES.contains(line.kind()))) {
                continue;
            }
            items.add(new ReceiptContent.Item(gbkSafe(text("receipt.line." + line.kind(), line.label())), line.amount(),
                    line.volumeM3() != 0 ? line.volumeM3() + " m3" : ""));
            total = total.plus(line.amount());
        }
        List<ReceiptContent.Item> tenders = new ArrayList<>();
        boolean tookCash = false;
        for (Tender t : paid.tenders()) {
            boolean voucher = t.kind().equals("VOUCHER");
            if (!belongs(which, voucher)) {
                continue;
            }
            String label = voucher ? text("receipt.tender.VOUCHER", t.voucherCount())
                    : text("receipt.tender." + t.kind(), t.reference() == null ? "" : t.reference());
            tenders.add(new ReceiptContent.Item(gbkSafe(label), t.amount(), ""));
            tookCash |= t.kind().equals("CASH");
        }
        if (which == ReceiptPart.VOUCHER) {
            // the vouchers settle exactly what this slip lists: say so, so the slip adds up on its own
            tenders.add(new ReceiptContent.Item(text("receipt.tender.VOUCHER_VALUE"), total, ""));
        }
        boolean moneyPart = which != ReceiptPart.VOUCHER;
        return new Part(which == ReceiptPart.WHOLE ? ReceiptKind.RECEIPT : ReceiptKind.CHECK_SLIP, which, items,
                tenders, total, moneyPart ? paid.change() : Money.ZERO, moneyPart ? paid.creditAdded() : Money.ZERO,
                moneyPart ? paid.stillOwed() : Money.ZERO, which == ReceiptPart.CASH ? 0 : paid.voucherM3(), tookCash);
    }

    private static boolean belongs(ReceiptPart part, boolean voucherThing) {
        return switch (part) {
            case WHOLE -> true;
            case VOUCHER -> voucherThing;
            case CASH -> !voucherThing;
        };
    }

    /** A receipt text in Chinese, whatever the screen shows. */
    static String text(String key, Object... args) {
        return I18n.text(I18n.CHINESE, key, args);
    }

    /**
     * The text with the characters GBK lacks replaced: the half-width yen sign (GB18030 four bytes)
     * by the full-width ￥, superscript three by 3 (m³ → m3). Labels stored by older versions still
     * carry them.
     */
    public static String gbkSafe(String text) {
        return io.counterdesk.printing.TextWidth.gbkSafe(text);
    }
}
