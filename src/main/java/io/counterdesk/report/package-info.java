/**
 * The day's reports as plain immutable records (营业厅现金日报表 and the hall's day), built from the
 * database by {@code DayReportService}; renderers (receipt-printer slip, PDF) only read them.
 */
package io.counterdesk.report;
