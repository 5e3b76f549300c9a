package io.counterdesk.receipt;

/** Which part of a payment a receipt covers. */
public enum ReceiptPart {
    /** The whole payment (no vouchers). */
    WHOLE,
    /** The voucher part: vouchers, gas settled, face-value cash (核对单). */
    VOUCHER,
    /** The money remainder of a voucher payment (现金核对单). */
    CASH
}
