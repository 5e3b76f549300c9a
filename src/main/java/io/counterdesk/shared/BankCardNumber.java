package io.counterdesk.shared;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Bank account numbers for auto-debit (银行代扣). A bank card (银联卡, 16 to 19 digits) carries a
 * Luhn check digit (ISO/IEC 7812) and must pass it; a passbook or corporate account number (存折 /
 * 对公账户, 8 to 32 digits) has no check-digit scheme and is checked for its form only. Input is
 * normalised first: spaces and dashes removed, full-width digits read as ASCII.
 */
public final class BankCardNumber {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-]");

    private BankCardNumber() {
    }

    /**
     * @return the card number as digits only, the form to store
     * @throws BusinessException {@code validation.bankCard.format} unless 16 to 19 digits,
     *     {@code validation.bankCard.checkDigit} if the Luhn check fails
     */
    public static String validateCard(String number) {
        String digits = normalise(number);
        if (!digits.matches("[0-9]{16,19}")) {
            throw new BusinessException("validation.bankCard.format");
        }
        if (!luhnValid(digits)) {
            throw new BusinessException("validation.bankCard.checkDigit");
        }
        return digits;
    }

    /**
     * A passbook or corporate account number: 8 to 32 digits, no check digit.
     *
     * @throws BusinessException {@code validation.bankAccount.format} otherwise
     */
    public static String validateAccount(String number) {
        String digits = normalise(number);
        if (!digits.matches("[0-9]{8,32}")) {
            throw new BusinessException("validation.bankAccount.format");
        }
        return digits;
    }

    /** The Luhn test over all digits (the last one is the check digit). */
    public static boolean luhnValid(String digits) {
        if (digits == null || !digits.matches("[0-9]{2,}")) {
            return false;
        }
        return (luhnSum(digits.substring(0, digits.length() - 1)) + (digits.charAt(digits.length() - 1) - '0')) % 10 == 0;
    }

    /** The check digit that completes {@code payload} (for tests and demo data). */
    public static char checkDigit(String payload) {
        if (payload == null || !payload.matches("[0-9]+")) {
            throw new IllegalArgumentException("digits expected: " + payload);
        }
        return (char) ('0' + (10 - luhnSum(payload) % 10) % 10);
    }

    /** Sum of the payload's digits with every second one doubled, counting from the right. */
    private static int luhnSum(String payload) {
        int sum = 0;
        boolean doubled = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum;
    }

    /** "6222 0212 3456 7890 128" → "**** 7128"-style text for receipts: the last four digits only. */
    public static String masked(String digits) {
        if (digits == null || digits.length() <= 4) {
            return "****";
        }
        return "**** " + digits.substring(digits.length() - 4);
    }

    private static String normalise(String number) {
        String n = number == null ? "" : Normalizer.normalize(number, Normalizer.Form.NFKC);
        return SEPARATORS.matcher(n).replaceAll("");
    }
}
