package io.counterdesk.sync;

import io.counterdesk.persistence.JournalEvent;
import java.time.LocalDate;

/** One journal event in a batch, with the business day the terminal counts it in (its till's day, else its date). */
public record BatchLine(JournalEvent event, LocalDate businessDay) {
}
