package io.counterdesk.report;

/** Where a cashier's day stands: till still open, closed by the cashier, or signed off by the hall's checker. */
public enum ReportStatus {
    /** 未结账: the till session is still open; figures are provisional. */
    OPEN,
    /** 已结账: counted and closed by the cashier. */
    CLOSED,
    /** 已签核: the hall's day is signed off and locked. */
    SIGNED
}
