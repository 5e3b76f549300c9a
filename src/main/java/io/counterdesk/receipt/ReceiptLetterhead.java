package io.counterdesk.receipt;

import java.time.ZoneId;
import java.util.Objects;

/**
 * What every receipt of this terminal prints around its figures: the header and footer (settings
 * {@code receipt.header}, {@code receipt.footer}), the hall and terminal, the hotline, and the hall's
 * time zone its times are printed in (setting {@code hall.time_zone}, default Asia/Shanghai — not the
 * JVM's). Read by {@link ReceiptContents#letterhead}; the preview and the printed receipt use the same.
 */
public record ReceiptLetterhead(String header, String footer, String hallName, String hallCode, String terminalCode,
                                String hotline, ZoneId zone) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public ReceiptLetterhead {
        Objects.requireNonNull(hallName);
        Objects.requireNonNull(zone);
        header = header == null || header.isBlank() ? hallName : header;
        footer = footer == null || footer.isBlank() ? ReceiptSet.text("receipt.footer", hotline) : footer;
    }
}
