package io.counterdesk.account;

/** 正常, 停气 (suspended for arrears), 销户 (closed). */
public enum AccountStatus {
    ACTIVE,
    SUSPENDED,
    CLOSED
}
