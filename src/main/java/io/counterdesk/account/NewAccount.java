package io.counterdesk.account;

import io.counterdesk.shared.BusinessException;
import java.time.LocalDate;
import java.util.Objects;

/** What is needed to create an account row; checked for the rules that tie its fields together. */
public record NewAccount(String accountNo, AccountKind kind, UseType useType, MeterKind meterKind, String meterNo,
                         String cardSerial, Address address, Holder holder, LocalDate openedOn) {

    public NewAccount {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(meterKind);
        Objects.requireNonNull(address);
        Objects.requireNonNull(holder);
        Objects.requireNonNull(openedOn);
        if (accountNo == null || !accountNo.matches("[0-9]{6,20}")) {
            throw new BusinessException("account.no.invalid");
        }
        if (meterNo == null || meterNo.isBlank()) {
            throw new BusinessException("account.meter.required");
        }
        if ((kind == AccountKind.NON_RESIDENTIAL) != (useType != null)) {
            throw new BusinessException("account.useType.mismatch");
        }
        if (cardSerial != null && meterKind != MeterKind.IC) {
            throw new BusinessException("account.card.notIcMeter");
        }
    }
}
