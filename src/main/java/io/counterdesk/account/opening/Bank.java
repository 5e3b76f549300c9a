package io.counterdesk.account.opening;

/** The banks the utility collects auto-debits through (代扣银行). */
public enum Bank {
    ICBC,
    ABC,
    BOC,
    CCB,
    BOCOM,
    PSBC,
    CMB,
    RURAL_COMMERCIAL
}
