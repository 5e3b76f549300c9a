package io.counterdesk.receipt;

import java.util.List;

/**
 * The month-end reconciliation of one stock range (票据月末核对): numbers used in the month, numbers
 * voided (with reasons), and what is left.
 *
 * @param used      issued and not voided, compressed into "first–last" runs
 * @param voided    voided numbers with their reasons
 * @param remaining the unused numbers as a run, empty when none
 */
public record StockListing(StockRange range, String holderLabel, long usedCount, List<String> used,
                           List<String> voided, String remaining) {
}
