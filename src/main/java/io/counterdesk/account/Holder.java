package io.counterdesk.account;

import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Masking;
import io.counterdesk.shared.PhoneNumber;
import io.counterdesk.shared.TextRules;

/** The person or organisation an account belongs to. Validated on construction. */
public record Holder(String name, IdType idType, String idNumber, String phone) {

    public Holder {
        name = cleanName(name);
        if (idType == null) {
            throw new BusinessException("account.id.typeRequired");
        }
        idNumber = idType.validate(idNumber);
        PhoneNumber.validate(phone);
        phone = PhoneNumber.normalise(phone);
    }

    /** The name as stored (stripped, visible, within its column), or a refusal naming the holder's name. */
    public static String cleanName(String name) {
        return TextRules.clean(name, "account.holder.nameRequired", I18n.text("account.holder.nameLabel"), 100);
    }

    /** The ID number as shown on screens and receipts that do not need it whole. */
    public String maskedIdNumber() {
        return Masking.idNumber(idNumber);
    }
}
