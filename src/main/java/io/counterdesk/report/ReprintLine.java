package io.counterdesk.report;

import java.time.Instant;

/** A copy (重打) of a receipt printed during the day. */
public record ReprintLine(String kind, String number, int copy, Instant at) {
}
