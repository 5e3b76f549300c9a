package io.counterdesk.report;

/**
 * Consecutive receipt numbers of one kind used during the day ({@code first} = {@code last} for one).
 *
 * @param kind  RECEIPT, CHECK_SLIP, INVOICE
 * @param count numbers in the run, voided ones included
 */
public record ReceiptRange(String kind, String first, String last, int count) {
}
