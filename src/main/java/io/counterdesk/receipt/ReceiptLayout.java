package io.counterdesk.receipt;

import io.counterdesk.printing.Alignment;
import io.counterdesk.printing.PrintDocument;
import io.counterdesk.printing.TextStyle;
import io.counterdesk.shared.ChineseAmount;
import io.counterdesk.shared.Money;
import java.time.format.DateTimeFormatter;

/**
 * The receipt as printed (our layout, any ESC/POS or JavaPOS printer): header, title, number,
 * time, cashier's 工号, account and masked holder, the lines paid, the total with the amount in
 * Chinese capitals, each tender, change, the verification code and its QR code, the footer. The
 * cash drawer opens for receipts that took cash. Always in Chinese (an official document, whatever
 * the screen language), in characters every GBK printer has. See {@code docs/receipt-layout.md}.
 */
public final class ReceiptLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ReceiptLayout() {
    }

    public static PrintDocument layout(ReceiptContent r) {
        PrintDocument.Builder doc = PrintDocument.builder();
        doc.centered(r.header(), TextStyle.DOUBLE_HEIGHT);
        doc.centered(r.reversal() != null ? ReceiptSet.text("reversal.receipt.title")
                : ReceiptSet.text("receipt.part." + r.part().name()), TextStyle.LARGE);
        if (r.voided()) {
            doc.centered("*** " + ReceiptSet.text("receipt.print.void") + " ***", TextStyle.LARGE);
        }
        doc.blank();
        doc.columns(label("number"), r.number(), TextStyle.BOLD);
        doc.columns(label("time"), TIME.format(r.issuedAt()));
        doc.columns(label("operator"), r.staffNo());
        doc.columns(label("account"), r.accountNo(), TextStyle.BOLD);
        doc.columns(label("holder"), r.maskedHolder());
        doc.text(label("address") + "：" + r.address());
        if (r.card() != null) {
            doc.columns(label("card"), r.card().serial(), TextStyle.BOLD);
            doc.columns(label("purchaseNo"), Integer.toString(r.card().purchaseNo()));
        }
        if (r.reversal() != null) {
            reversalHead(doc, r.reversal());
        }
        doc.separator();
        for (ReceiptContent.Item item : r.items()) {
            String left = item.detail().isEmpty() ? item.label() : item.label() + " " + item.detail();
            doc.columns(left, item.amount().toPlainString());
        }
        doc.separator();
        doc.columns(label("total"), yuan(r.total()), TextStyle.DOUBLE_HEIGHT);
        doc.text(label("capitals") + "：" + ChineseAmount.of(r.total()));
        if (r.voucherM3() > 0) {
            doc.columns(label("voucherM3"), r.voucherM3() + " m3");
        }
        if (r.reversal() != null) {
            reversalMoney(doc, r.reversal());
        } else if (!r.tenders().isEmpty()) {
            doc.text(label("tenders"), Alignment.LEFT, TextStyle.BOLD);
            for (ReceiptContent.Item tender : r.tenders()) {
                doc.columns(tender.label(), tender.amount().isZero() ? "" : tender.amount().toPlainString());
            }
        }
        if (r.change().isPositive() && r.reversal() == null) {
            doc.columns(label("change"), yuan(r.change()), TextStyle.BOLD);
        }
        if (r.creditAdded().isPositive()) {
            doc.columns(label("creditAdded"), yuan(r.creditAdded()));
        }
        if (r.stillOwed().isPositive()) {
            doc.columns(label("stillOwed"), yuan(r.stillOwed()));
        }
        doc.separator();
        doc.columns(label("code"), r.verificationCode());
        doc.qr(r.qrPayload());
        doc.centered(r.footer(), TextStyle.NORMAL);
        if (r.tookCash()) {
            doc.openDrawer();
        }
        doc.cut();
        return doc.build();
    }

    /** Which receipt of which day a reversal takes back, why, and who approved it. */
    private static void reversalHead(PrintDocument.Builder doc, ReceiptContent.Reversal v) {
        doc.columns(ReceiptSet.text("reversal.receipt.original"), v.originalNumber(), TextStyle.BOLD);
        doc.columns(ReceiptSet.text("reversal.receipt.originalDay"), v.originalDay().toString());
        doc.text(ReceiptSet.text("reversal.receipt.reason") + "：" + v.reason());
        doc.columns(ReceiptSet.text("reversal.receipt.approver"), v.approver());
    }

    /** The money a reversal hands back: cash, and the credit put back on (or taken off) the account. */
    private static void reversalMoney(PrintDocument.Builder doc, ReceiptContent.Reversal v) {
        if (v.cashBack().isPositive()) {
            doc.columns(ReceiptSet.text("reversal.receipt.cashBack"), yuan(v.cashBack()), TextStyle.BOLD);
        }
        if (v.creditChange().isPositive()) {
            doc.columns(ReceiptSet.text("reversal.receipt.creditRestored"), yuan(v.creditChange()));
        } else if (v.creditChange().isNegative()) {
            doc.columns(ReceiptSet.text("reversal.receipt.creditWithdrawn"), yuan(v.creditChange().negate()));
        }
    }

    /** The same receipt printed again: marked as a copy (重打), and the drawer stays shut. */
    public static PrintDocument copyOf(ReceiptContent r) {
        return layout(r).withoutDrawerKick().asCopy(ReceiptSet.text("receipt.print.copy"));
    }

    /**
     * An amount with the full-width yuan sign ￥ (GBK A3A4): printers with GBK-only fonts cannot print
     * the half-width ¥, which GB18030 encodes in four bytes.
     */
    static String yuan(Money amount) {
        return ReceiptSet.gbkSafe(amount.format());
    }

    private static String label(String key) {
        return ReceiptSet.text("receipt.print." + key);
    }
}
