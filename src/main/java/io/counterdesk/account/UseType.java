package io.counterdesk.account;

/** What a non-residential account burns gas for; decides its opening fee rate and tariff. */
public enum UseType {
    /** 厨房用气·营业: restaurants, canteens that sell meals. */
    COMMERCIAL_KITCHEN,
    /** 厨房用气·非营业: government, associations, schools, army, police. */
    NON_COMMERCIAL_KITCHEN,
    /** 锅炉用气. */
    BOILER
}
