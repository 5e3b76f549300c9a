package io.counterdesk.payment;

/** How the customer pays (DESIGN 2.4). */
public enum TenderKind {
    /** 现金, with change. */
    CASH,
    /** 银行卡: the bank POS slip's reference is recorded. */
    BANK_CARD,
    /** 银行缴款单: paid into the company's account; a slip number is usable once, ever. */
    BANK_SLIP,
    /** 燃气票: 5 m³ each, settles gas volume, not money. */
    VOUCHER,
    /** The account's own credit balance (预存). */
    CREDIT
}
