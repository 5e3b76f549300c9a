package io.counterdesk.account;

import io.counterdesk.shared.Money;
import java.time.LocalDate;

/** A gas account (户号) as stored: its meter, its address, its current holder and its balances. */
public record Account(
        long id,
        String accountNo,
        AccountKind kind,
        UseType useType,
        MeterKind meterKind,
        String meterNo,
        String cardSerial,
        Address address,
        Holder holder,
        AccountStatus status,
        Money credit,
        Money deposit,
        LocalDate openedOn) {
}
