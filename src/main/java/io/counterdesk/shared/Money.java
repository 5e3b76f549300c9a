package io.counterdesk.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of renminbi, held exactly as a whole number of fen (分, 1/100 yuan). Immutable.
 *
 * <p>There is no floating point anywhere in this class: amounts are {@code long} fen, and anything
 * that needs a fraction (a late-fee rate, a tariff factor) goes through {@link BigDecimal} with an
 * explicit {@link RoundingMode}. Arithmetic that would overflow a {@code long} throws
 * {@link ArithmeticException} instead of wrapping round.
 */
public final class Money implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    private static final long FEN_PER_YUAN = 100;

    /**
     * What a cashier may type: an optional sign, an optional ¥ (before or after the sign), digits
     * (optionally grouped by commas in threes), up to two decimals, an optional trailing 元.
     */
    private static final Pattern AMOUNT = Pattern.compile(
            "([+-]?)\\s*¥?\\s*([+-]?)\\s*(\\d{1,3}(?:,\\d{3})+|\\d*)(?:\\.(\\d{1,2}))?\\s*元?");

    private final long fen;

    private Money(long fen) {
        this.fen = fen;
    }

    public static Money ofFen(long fen) {
        return fen == 0 ? ZERO : new Money(fen);
    }

    /** Whole yuan; throws {@link ArithmeticException} if the amount does not fit in fen. */
    public static Money ofYuan(long yuan) {
        return ofFen(Math.multiplyExact(yuan, FEN_PER_YUAN));
    }

    /**
     * Reads an amount as a cashier types or the program prints it: {@code "1005.5"},
     * {@code "1005.50"}, {@code "1,005.50"}, {@code "¥12"}, {@code "12元"}, {@code "-3.20"},
     * {@code "-¥3.20"}, {@code ".5"}. Full-width characters from a Chinese input method
     * ({@code "１２．５"}, {@code "￥"}) are read as their ASCII equivalents.
     *
     * @throws BusinessException {@code money.invalid} for empty text, anything that is not an amount,
     *     more than two decimals, misplaced commas, two signs, or an amount too large to hold
     */
    public static Money parse(String text) {
        if (text == null) {
            throw invalid("");
        }
        String input = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        Matcher matcher = AMOUNT.matcher(input);
        if (!matcher.matches()) {
            throw invalid(text);
        }
        String signBefore = matcher.group(1);
        String signAfter = matcher.group(2);
        String integerDigits = matcher.group(3).replace(",", "");
        String decimals = matcher.group(4);
        boolean twoSigns = !signBefore.isEmpty() && !signAfter.isEmpty();
        boolean noDigits = integerDigits.isEmpty() && decimals == null;
        if (twoSigns || noDigits) {
            throw invalid(text);
        }
        String digits = (integerDigits.isEmpty() ? "0" : integerDigits) + (decimals == null ? "" : "." + decimals);
        boolean negative = "-".equals(signBefore) || "-".equals(signAfter);
        BigDecimal yuan = new BigDecimal(negative ? "-" + digits : digits);
        try {
            return ofFen(yuan.movePointRight(2).longValueExact());
        } catch (ArithmeticException tooLarge) {
            throw invalid(text);
        }
    }

    private static BusinessException invalid(String text) {
        return new BusinessException("money.invalid", text);
    }

    public long fen() {
        return fen;
    }

    public Money plus(Money other) {
        return ofFen(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return ofFen(Math.subtractExact(fen, other.fen));
    }

    public Money times(long factor) {
        return ofFen(Math.multiplyExact(fen, factor));
    }

    /**
     * This amount times an exact decimal factor (a rate such as 0.003 per day, a price per m³),
     * rounded to whole fen with {@code mode}.
     *
     * @throws ArithmeticException if the result does not fit, or if {@code mode} is
     *     {@link RoundingMode#UNNECESSARY} and the result is not a whole number of fen
     */
    public Money multiply(BigDecimal factor, RoundingMode mode) {
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(mode, "mode");
        BigDecimal exact = BigDecimal.valueOf(fen).multiply(factor);
        return ofFen(exact.setScale(0, mode).longValueExact());
    }

    public Money negate() {
        return ofFen(Math.negateExact(fen));
    }

    public Money abs() {
        return fen < 0 ? negate() : this;
    }

    /**
     * Rounds toward zero to a multiple of {@code stepFen}. With a step of 50 fen this is the late-fee
     * rule of 第十四条(七): 0.49 → 0, 0.50 → 0.50, 0.99 → 0.50, 1.00 → 1.00, 1.49 → 1.00.
     *
     * @throws IllegalArgumentException if {@code stepFen} is not positive
     */
    public Money floorToStep(long stepFen) {
        if (stepFen <= 0) {
            throw new IllegalArgumentException("step must be positive: " + stepFen);
        }
        return ofFen(fen - fen % stepFen);
    }

    public boolean isZero() {
        return fen == 0;
    }

    public boolean isPositive() {
        return fen > 0;
    }

    public boolean isNegative() {
        return fen < 0;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Money money && money.fen == fen;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(fen);
    }

    /** Yuan with exactly two decimals and no grouping: {@code "1005.50"}, {@code "-3.20"}, {@code "0.00"}. */
    public String toPlainString() {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** For display and receipts: {@code "¥1,005.50"}, {@code "-¥3.20"}. Independent of the JVM locale. */
    public String format() {
        String plain = toPlainString();
        boolean negative = plain.startsWith("-");
        String unsigned = negative ? plain.substring(1) : plain;
        int point = unsigned.indexOf('.');
        StringBuilder grouped = new StringBuilder(unsigned.length() + 8);
        grouped.append(negative ? "-¥" : "¥");
        for (int i = 0; i < point; i++) {
            if (i > 0 && (point - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(unsigned.charAt(i));
        }
        return grouped.append(unsigned, point, unsigned.length()).toString();
    }

    /** The same as {@link #toPlainString()}, so logs and journal entries show plain amounts. */
    @Override
    public String toString() {
        return toPlainString();
    }
}
