package io.counterdesk.receipt;

/** The numbered paper a cashier holds (DESIGN 2.6). */
public enum ReceiptKind {
    /** 收款收据: money payments. */
    RECEIPT,
    /** 核对单: voucher payments, and the cash remainder of a voucher payment. */
    CHECK_SLIP,
    /** 发票, where a hall is configured to print invoices. */
    INVOICE
}
