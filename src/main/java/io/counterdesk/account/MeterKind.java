package io.counterdesk.account;

/** 普通表 (post-paid, billed from readings) or IC卡表 (prepaid through the card). */
public enum MeterKind {
    ORDINARY,
    IC
}
