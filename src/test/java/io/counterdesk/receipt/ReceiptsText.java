package io.counterdesk.receipt;

import io.counterdesk.printing.PrintDocument;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/** The text lines of a receipt document, and which of them a GBK-only printer could not print. */
public final class ReceiptsText {

    private ReceiptsText() {
    }

    public static List<String> lines(PrintDocument document) {
        List<String> lines = new ArrayList<>();
        for (PrintDocument.Element element : document.elements()) {
            if (element instanceof PrintDocument.Text t) {
                lines.add(t.text());
            } else if (element instanceof PrintDocument.Columns c) {
                lines.add(c.left() + " " + c.right());
            }
        }
        return lines;
    }

    public static String of(PrintDocument document) {
        return String.join("\n", lines(document));
    }

    /** Every line holding a character GBK cannot encode (the printers' code page), with the character. */
    public static List<String> unmappableInGbk(PrintDocument document) {
        CharsetEncoder gbk = Charset.forName("GBK").newEncoder();
        List<String> bad = new ArrayList<>();
        for (String line : lines(document)) {
            for (int i = 0; i < line.length(); i++) {
                if (!gbk.canEncode(CharBuffer.wrap(line, i, i + 1))) {
                    bad.add(line + " ← U+" + Integer.toHexString(line.charAt(i)).toUpperCase());
                }
            }
        }
        return bad;
    }
}
