package io.counterdesk.account.opening;

import io.counterdesk.shared.BusinessException;
import java.math.BigDecimal;
import java.text.Normalizer;

/** The appliance power of a non-residential opening, in kW: positive, at most three decimals. */
public final class ApplianceKw {

    /** Larger than any kitchen or boiler house a counter opens (10 MW). */
    static final BigDecimal MAX = new BigDecimal("10000");

    private ApplianceKw() {
    }

    /** Reads "12.5", "１２．５", "12.5kW". */
    public static BigDecimal parse(String typed) {
        String t = typed == null ? "" : Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
        t = t.replaceFirst("(?i)\\s*kw$", "");
        if (!t.matches("[0-9]{1,6}(\\.[0-9]+)?")) {
            throw new BusinessException("opening.kw.format", typed == null ? "" : typed.strip());
        }
        return check(new BigDecimal(t));
    }

    static BigDecimal check(BigDecimal kw) {
        if (kw.signum() <= 0 || kw.compareTo(MAX) > 0) {
            throw new BusinessException("opening.kw.range", kw.toPlainString(), MAX.toPlainString());
        }
        if (kw.stripTrailingZeros().scale() > 3) {
            throw new BusinessException("opening.kw.decimals", kw.toPlainString());
        }
        return kw.stripTrailingZeros().scale() < 0 ? kw.setScale(0) : kw.stripTrailingZeros();
    }
}
