package io.counterdesk.shared;

import java.text.Normalizer;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The 18-character citizen identity number of GB 11643-1999 (居民身份证号码): six digits of region
 * code, eight of birth date (yyyyMMdd), three of sequence, and a check character (0-9 or X) by
 * ISO 7064 MOD 11-2.
 *
 * <p>Checks, in this order, each with its own text key so the cashier is told what to look at:
 * <ol>
 *   <li>{@code validation.id.format}: 17 digits then a digit or X;</li>
 *   <li>{@code validation.id.region}: the region code starts with 1-8;</li>
 *   <li>{@code validation.id.birthdate}: a real date of the Gregorian calendar (GB 11643-1999 §5.2.2
 *       takes the birth date code from GB/T 7408: four-digit year, month, day), not before
 *       1800-01-01, not after today. GB 11643 sets no earliest year: people born before 1900 hold
 *       valid numbers (year digits 18xx). The 1800 floor is ours: no one alive was born earlier, and
 *       it still catches a mistyped century (0949, 1049);</li>
 *   <li>{@code validation.id.checkdigit}: the check character.</li>
 * </ol>
 * Input is normalised first: surrounding and inner whitespace removed, full-width characters from a
 * Chinese input method read as ASCII, a lower-case x made upper-case.
 */
public final class ResidentId {

    /** ISO 7064 MOD 11-2 weights: 2^(17-i) mod 11. */
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    private static final Pattern FORMAT = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern FIRST_17 = Pattern.compile("\\d{17}");
    private static final DateTimeFormatter BIRTH_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1800, 1, 1);
    private static final int LENGTH = 18;

    private ResidentId() {
    }

    /**
     * Checks {@code id} against today's date on the system clock.
     *
     * @return the normalised number (no spaces, upper-case X), the form to store
     * @throws BusinessException with one of the {@code validation.id.*} keys
     */
    public static String validate(String id) {
        return validate(id, Clock.systemDefaultZone());
    }

    /** As {@link #validate(String)}, with "today" taken from {@code clock}. */
    public static String validate(String id, Clock clock) {
        String normalised = normalise(id);
        if (!FORMAT.matcher(normalised).matches()) {
            throw new BusinessException("validation.id.format");
        }
        char regionStart = normalised.charAt(0);
        if (regionStart < '1' || regionStart > '8') {
            throw new BusinessException("validation.id.region");
        }
        LocalDate birthDate = parseBirthDate(normalised);
        if (birthDate == null || birthDate.isBefore(EARLIEST_BIRTH) || birthDate.isAfter(LocalDate.now(clock))) {
            throw new BusinessException("validation.id.birthdate", formatDigits(normalised.substring(6, 14)));
        }
        if (normalised.charAt(LENGTH - 1) != checkDigit(normalised.substring(0, LENGTH - 1))) {
            throw new BusinessException("validation.id.checkdigit");
        }
        return normalised;
    }

    public static boolean isValid(String id) {
        return isValid(id, Clock.systemDefaultZone());
    }

    public static boolean isValid(String id, Clock clock) {
        try {
            validate(id, clock);
            return true;
        } catch (BusinessException invalid) {
            return false;
        }
    }

    /**
     * The holder's date of birth.
     *
     * @throws BusinessException if the number is not valid (see {@link #validate(String)})
     */
    public static LocalDate birthDate(String id) {
        return parseBirthDate(validate(id));
    }

    /**
     * The number as shown on screens that don't need it and on every receipt: the first four and
     * last four characters, ten stars between ({@code 3301**********1234}). Does not check the
     * number, so stored data that predates validation can still be shown.
     *
     * @throws IllegalArgumentException if the normalised number is not 18 characters long
     */
    public static String masked(String id) {
        String normalised = normalise(id);
        if (normalised.length() != LENGTH) {
            throw new IllegalArgumentException("a resident ID has 18 characters, got " + normalised.length());
        }
        return normalised.substring(0, 4) + "*".repeat(LENGTH - 8) + normalised.substring(LENGTH - 4);
    }

    /**
     * The check character (0-9 or X) that completes the first 17 digits of a number; for tests and
     * demo data.
     *
     * @throws IllegalArgumentException unless {@code first17} is exactly 17 digits
     */
    public static char checkDigit(String first17) {
        if (first17 == null || !FIRST_17.matcher(first17).matches()) {
            throw new IllegalArgumentException("17 digits expected: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    static String normalise(String id) {
        if (id == null) {
            return "";
        }
        return Normalizer.normalize(id, Normalizer.Form.NFKC)
                .replaceAll("\\s+", "")
                .toUpperCase(Locale.ROOT);
    }

    private static LocalDate parseBirthDate(String normalised) {
        try {
            return LocalDate.parse(normalised.substring(6, 14), BIRTH_DATE);
        } catch (DateTimeException notADate) {
            return null;
        }
    }

    /** yyyyMMdd as yyyy-MM-dd for the message, kept a string so it is not formatted as a number. */
    private static String formatDigits(String yyyymmdd) {
        return yyyymmdd.substring(0, 4) + "-" + yyyymmdd.substring(4, 6) + "-" + yyyymmdd.substring(6);
    }
}
