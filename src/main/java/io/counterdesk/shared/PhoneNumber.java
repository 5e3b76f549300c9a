package io.counterdesk.shared;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mainland China phone number as a cashier types it: a mobile number or a landline.
 *
 * <ul>
 *   <li>Mobile: 11 digits starting 13 to 19, optionally after {@code +86}, {@code 0086} or
 *       {@code 86}. Canonical form: the 11 digits, {@code 13812345678}.</li>
 *   <li>Landline: the area code (010 or 02x, else four digits 03xx to 09xx — the national numbering
 *       plan, so an area code typed without a separator is still recognised), then a 7 or 8 digit
 *       local number that starts 2 to 9, optionally an extension of up to 6 digits written
 *       {@code -1234}, {@code 转1234}, {@code 分机1234}, {@code ext 1234}, {@code x1234} or
 *       {@code #1234}. {@code +86}/{@code 0086} before an area code without its 0 is accepted.
 *       Canonical form: {@code 0571-87654321}, {@code 010-87654321-1234}.</li>
 * </ul>
 * Spaces, dashes and parentheses between digits are ignored, and full-width characters from a
 * Chinese input method are read as ASCII.
 */
public final class PhoneNumber {

    /** What kind of line a valid number is. */
    public enum Kind {
        MOBILE,
        LANDLINE
    }

    private static final String INVALID = "validation.phone.invalid";
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()]");
    private static final Pattern MOBILE = Pattern.compile("(?:\\+86|0086|86)?(1[3-9]\\d{9})");
    private static final Pattern INTERNATIONAL_PREFIX = Pattern.compile("^(?:\\+86|0086)");
    private static final Pattern LANDLINE = Pattern.compile("(0(?:10|2\\d|[3-9]\\d{2}))([2-9]\\d{6,7})");
    private static final Pattern MARKED_EXTENSION =
            Pattern.compile("(.+?)\\s*(?:转|分机|ext\\.?|x|#)\\s*(\\d{1,6})", Pattern.CASE_INSENSITIVE);
    private static final Pattern DASH_EXTENSION = Pattern.compile("(.+?)\\s*-\\s*(\\d{1,6})");

    private PhoneNumber() {
    }

    /**
     * @return the canonical form (see the class description), the form to store
     * @throws BusinessException {@code validation.phone.invalid} if the text is neither a mobile
     *     number nor a landline with area code
     */
    public static String validate(String number) {
        return parse(number).canonical();
    }

    /** The canonical form; the same as {@link #validate(String)}, for call sites that store the number. */
    public static String normalise(String number) {
        return validate(number);
    }

    /**
     * @throws BusinessException {@code validation.phone.invalid} if the number is not valid
     */
    public static Kind kind(String number) {
        return parse(number).kind();
    }

    public static boolean isValid(String number) {
        try {
            parse(number);
            return true;
        } catch (BusinessException invalid) {
            return false;
        }
    }

    private record Parsed(Kind kind, String canonical) {
    }

    private static Parsed parse(String number) {
        if (number == null) {
            throw new BusinessException(INVALID);
        }
        String text = Normalizer.normalize(number, Normalizer.Form.NFKC).strip();
        String compact = SEPARATORS.matcher(text).replaceAll("");
        Matcher mobile = MOBILE.matcher(compact);
        if (mobile.matches()) {
            return new Parsed(Kind.MOBILE, mobile.group(1));
        }
        Matcher marked = MARKED_EXTENSION.matcher(text);
        if (marked.matches()) {
            return landline(marked.group(1), marked.group(2)).orElseThrow(() -> new BusinessException(INVALID));
        }
        // "010-8765432-1": a dash before a short last group is an extension if what precedes it is a
        // whole number; "021-6234-5678" is a number grouped by the writer.
        Matcher dashed = DASH_EXTENSION.matcher(text);
        if (dashed.matches()) {
            Optional<Parsed> withExtension = landline(dashed.group(1), dashed.group(2));
            if (withExtension.isPresent()) {
                return withExtension.get();
            }
        }
        return landline(text, null).orElseThrow(() -> new BusinessException(INVALID));
    }

    private static Optional<Parsed> landline(String text, String extension) {
        String digits = SEPARATORS.matcher(text).replaceAll("");
        Matcher international = INTERNATIONAL_PREFIX.matcher(digits);
        if (international.find()) {
            String national = digits.substring(international.end());
            digits = national.startsWith("0") ? national : "0" + national;
        }
        Matcher landline = LANDLINE.matcher(digits);
        if (!landline.matches()) {
            return Optional.empty();
        }
        String canonical = landline.group(1) + "-" + landline.group(2) + (extension == null ? "" : "-" + extension);
        return Optional.of(new Parsed(Kind.LANDLINE, canonical));
    }
}
