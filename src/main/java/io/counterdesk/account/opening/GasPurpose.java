package io.counterdesk.account.opening;

import io.counterdesk.account.UseType;
import java.util.Objects;

/** What a non-residential customer burns gas for; with the unit's nature it decides the use type. */
public enum GasPurpose {
    /** 厨房用气. */
    KITCHEN,
    /** 锅炉用气. */
    BOILER;

    /**
     * The account's use type: a boiler is a boiler whoever runs it; a kitchen is non-commercial for
     * government, associations, schools, army and police, commercial for everyone else.
     */
    public UseType useType(UnitNature nature) {
        Objects.requireNonNull(nature);
        if (this == BOILER) {
            return UseType.BOILER;
        }
        return nature.nonCommercial() ? UseType.NON_COMMERCIAL_KITCHEN : UseType.COMMERCIAL_KITCHEN;
    }
}
