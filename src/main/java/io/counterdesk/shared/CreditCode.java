package io.counterdesk.shared;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The unified social credit code of GB 32100-2015 (统一社会信用代码) that identifies a company or
 * other organisation: 18 characters from the 31-character set {@code 0-9 A-H J-N P-R T-U W-Y}
 * (no I, O, Z, S, V), the last one a check character.
 *
 * <p>The check character is {@code 31 - (Σ cᵢ·wᵢ mod 31)} over the first 17 characters, where cᵢ is
 * the character's index in the set and wᵢ = 3^(i-1) mod 31; a result of 31 is written 0.
 * Input is normalised first: whitespace removed, full-width characters read as ASCII, letters made
 * upper-case.
 */
public final class CreditCode {

    /** The 31 characters a code is written in, in the order of their values 0 to 30. */
    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int LENGTH = 18;

    private CreditCode() {
    }

    /**
     * @return the normalised code, the form to store
     * @throws BusinessException {@code validation.uscc.format} if the code is not 18 characters of the
     *     set, {@code validation.uscc.checkchar} if the last character does not match
     */
    public static String validate(String code) {
        String normalised = normalise(code);
        if (normalised.length() != LENGTH || !inCharset(normalised)) {
            throw new BusinessException("validation.uscc.format");
        }
        if (normalised.charAt(LENGTH - 1) != checkChar(normalised.substring(0, LENGTH - 1))) {
            throw new BusinessException("validation.uscc.checkchar");
        }
        return normalised;
    }

    public static boolean isValid(String code) {
        try {
            validate(code);
            return true;
        } catch (BusinessException invalid) {
            return false;
        }
    }

    /**
     * The check character that completes the first 17 characters of a code; for tests and demo data.
     *
     * @throws IllegalArgumentException unless {@code first17} is exactly 17 characters of the code set
     */
    public static char checkChar(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1 || !inCharset(first17)) {
            throw new IllegalArgumentException("17 characters of the code set expected: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARSET.charAt(check == 31 ? 0 : check);
    }

    private static boolean inCharset(String text) {
        return text.chars().allMatch(c -> CHARSET.indexOf(c) >= 0);
    }

    private static String normalise(String code) {
        if (code == null) {
            return "";
        }
        return Normalizer.normalize(code, Normalizer.Form.NFKC)
                .replaceAll("\\s+", "")
                .toUpperCase(Locale.ROOT);
    }
}
