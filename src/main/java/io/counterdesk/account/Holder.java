package io.counterdesk.account;

import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Masking;
import io.counterdesk.shared.PhoneNumber;
import java.util.Objects;

/** The person or organisation an account belongs to. Validated on construction. */
public record Holder(String name, IdType idType, String idNumber, String phone) {

    public Holder {
        if (name == null || name.isBlank()) {
            throw new BusinessException("account.holder.nameRequired");
        }
        name = name.strip();
        Objects.requireNonNull(idType);
        idNumber = idType.validate(idNumber);
        PhoneNumber.validate(phone);
        phone = PhoneNumber.normalise(phone);
    }

    /** The ID number as shown on screens and receipts that do not need it whole. */
    public String maskedIdNumber() {
        return Masking.idNumber(idNumber);
    }
}
