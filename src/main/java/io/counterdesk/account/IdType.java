package io.counterdesk.account;

import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.CreditCode;
import io.counterdesk.shared.ResidentId;
import java.util.Locale;

/** Identity documents a holder may present, each with its own validation. */
public enum IdType {
    /** 居民身份证, GB 11643. */
    RESIDENT_ID,
    /** 统一社会信用代码, GB 32100 (companies and institutions). */
    CREDIT_CODE,
    /** 护照. */
    PASSPORT,
    /** 港澳居民来往内地通行证: H or M followed by 8 or 10 digits. */
    HK_MACAO_PERMIT,
    /** 台湾居民来往大陆通行证: 8 digits. */
    TAIWAN_PERMIT;

    /** Validates and returns the number in its canonical form (trimmed, upper case). */
    public String validate(String number) {
        String n = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        switch (this) {
            case RESIDENT_ID -> ResidentId.validate(n);
            case CREDIT_CODE -> CreditCode.validate(n);
            case PASSPORT -> require(n.matches("[A-Z0-9]{5,17}"), "account.id.passport");
            case HK_MACAO_PERMIT -> require(n.matches("[HM]([0-9]{8}|[0-9]{10})"), "account.id.hkMacao");
            case TAIWAN_PERMIT -> require(n.matches("[0-9]{8}"), "account.id.taiwan");
            default -> throw new IllegalStateException(name());
        }
        return n;
    }

    private static void require(boolean ok, String key) {
        if (!ok) {
            throw new BusinessException(key);
        }
    }
}
