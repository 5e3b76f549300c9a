package io.counterdesk.account.opening;

import io.counterdesk.printing.PrintDocument;
import io.counterdesk.printing.TextStyle;
import io.counterdesk.shared.I18n;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What every printed business confirmation (业务回执) of the counter shares — the opening's
 * ({@link OpeningConfirmationLayout}) and the transfer's: the head (hall, title, number, time, who
 * did it, the account), the receipts and documents lines, and the foot (the hall's next step, the
 * customer's signature and date, the copies' note, the cut); {@link BusinessConfirmations} prints
 * them. Built like a receipt ({@code receipt.ReceiptLayout}), so it prints on any
 * receipt printer and previews the same.
 */
public final class BusinessConfirmation {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private BusinessConfirmation() {
    }

    /** A confirmation begun with its head; the body follows, then {@link #foot}. */
    public static PrintDocument.Builder head(String hall, String title, long number, Instant at, ZoneId zone,
                                             String staffNo, String accountNo) {
        PrintDocument.Builder doc = PrintDocument.builder();
        doc.centered(hall, TextStyle.DOUBLE_HEIGHT);
        doc.centered(title, TextStyle.LARGE);
        doc.blank();
        doc.columns(label("number"), String.format("%06d", number), TextStyle.BOLD);
        doc.columns(label("time"), TIME.format(at.atZone(zone)));
        doc.columns(label("operator"), staffNo);
        doc.columns(label("account"), accountNo, TextStyle.BOLD);
        return doc;
    }

    /** The receipts of the business's payment, when it had one. */
    public static void receipts(PrintDocument.Builder doc, List<String> receiptLabels) {
        if (!receiptLabels.isEmpty()) {
            doc.text(label("receipts") + "：" + String.join(I18n.text("opening.listSeparator"), receiptLabels));
        }
    }

    /** The documents received, one a line. */
    public static void documents(PrintDocument.Builder doc, List<Document> documents) {
        doc.text(label("documents") + "：");
        for (Document d : documents) {
            doc.text("  · " + I18n.text("opening.document." + d.name()));
        }
    }

    /** The hall's next step, the lines for the customer's signature and the date, and the cut. */
    public static PrintDocument foot(PrintDocument.Builder doc, String nextStep) {
        doc.separator();
        doc.text(nextStep);
        doc.blank();
        doc.text(label("customerSignature") + "：________________");
        doc.blank();
        doc.text(label("date") + "：________________");
        doc.blank();
        doc.centered(label("archive"), TextStyle.NORMAL);
        doc.cut();
        return doc.build();
    }

    /** A label of the confirmations ({@code opening.print.*}). */
    public static String label(String key) {
        return I18n.text("opening.print." + key);
    }
}
