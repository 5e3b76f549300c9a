package io.counterdesk.account.opening;

/**
 * What kind of organisation a non-residential customer is (第十条(三)): government departments,
 * social associations, schools, the army and the police are non-commercial (非营业性单位); every
 * other organisation, industrial ones included, is commercial (营业性单位).
 */
public enum UnitNature {
    GOVERNMENT,
    ASSOCIATION,
    SCHOOL,
    ARMY,
    POLICE,
    BUSINESS;

    /** 非营业性单位: its kitchen pays the non-commercial kitchen rate. */
    public boolean nonCommercial() {
        return this != BUSINESS;
    }
}
