package io.counterdesk.account.opening;

import io.counterdesk.account.IdType;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Masking;
import java.util.Objects;

/** Someone named at an opening besides the holder: a proxy (受托人) or a legal representative. */
public record Person(String name, IdType idType, String idNumber) {

    public Person {
        if (name == null || name.isBlank()) {
            throw new BusinessException("opening.person.nameRequired");
        }
        name = name.strip();
        Objects.requireNonNull(idType);
        if (idType == IdType.CREDIT_CODE) {
            throw new BusinessException("opening.person.notOrganisation");
        }
        idNumber = idType.validate(idNumber);
    }

    public String maskedIdNumber() {
        return Masking.idNumber(idNumber);
    }
}
