package io.counterdesk.report.pdf;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * What stands on top of a report and on every page of it: the title (also the PDF's title), a
 * subtitle under it on the first page, the hall on the left of each page's header, the period
 * (a day or a month) on the right, and who printed it when in each page's footer.
 */
public record ReportHeading(String title, String subtitle, String hallName, String period, String printedBy,
                            ZonedDateTime printedAt) {

    public ReportHeading {
        Objects.requireNonNull(title);
        Objects.requireNonNull(subtitle);
        Objects.requireNonNull(hallName);
        Objects.requireNonNull(period);
        Objects.requireNonNull(printedBy);
        Objects.requireNonNull(printedAt);
    }
}
