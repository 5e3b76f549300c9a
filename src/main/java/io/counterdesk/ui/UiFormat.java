package io.counterdesk.ui;

import io.counterdesk.shared.I18n;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates and times as the counter shows them: ISO order, the same in both languages. */
public final class UiFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private UiFormat() {
    }

    public static String date(LocalDate date) {
        return date == null ? I18n.text("ui.none") : DATE.format(date);
    }

    public static String dateTime(Instant instant, ZoneId zone) {
        return DATE_TIME.format(instant.atZone(zone));
    }

    public static String clock(Instant instant, ZoneId zone) {
        return CLOCK.format(instant.atZone(zone));
    }

    /** The text, or the "none" dash for a missing value. */
    public static String orNone(String text) {
        return text == null || text.isBlank() ? I18n.text("ui.none") : text;
    }
}
