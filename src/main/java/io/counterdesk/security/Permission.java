package io.counterdesk.security;

/** What an operator may do; checked by the application services, not only by the screens. */
public enum Permission {
    LOOKUP,
    OPEN_TILL,
    COUNTER_BUSINESS,
    APPROVE,
    SIGN_OFF,
    MANAGE_OPERATORS,
    CONFIGURE
}
