package io.counterdesk.account;

/** 居民 or 公建/非居民 (DESIGN 2.1). */
public enum AccountKind {
    RESIDENTIAL,
    NON_RESIDENTIAL
}
