package io.counterdesk.account;

import java.time.LocalDate;

/** One holder's time on an account; {@code validTo} is null for the current holder. */
public record HolderPeriod(Holder holder, LocalDate validFrom, LocalDate validTo, String reason) {

    public boolean isCurrent() {
        return validTo == null;
    }
}
