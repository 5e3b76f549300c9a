package io.counterdesk.checkout;

import io.counterdesk.payment.MoneyTender;
import io.counterdesk.payment.TenderKind;
import io.counterdesk.payment.VoucherBatch;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tenders as a cashier types them, read alike on every screen that takes money (payment, top-up,
 * opening, transfer): amounts, a bank card or slip with its reference, gas vouchers with their
 * valid-through date; a field that does not read is refused as {@link Invalid}, naming the field.
 * Also which field a refusal of the payment service concerns ({@link #fieldOf}).
 */
public final class Tenders {

    private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})\\s*[-/.]?\\s*[Qq]\\s*([1-4])");
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})[-/.](\\d{1,2})");
    private static final Pattern YEAR_MONTH_DAY = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private Tenders() {
    }

    /** A field that does not read: which, and what to tell the cashier. */
    public static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient CheckoutField field;

        public Invalid(CheckoutField field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        public CheckoutField field() {
            return field;
        }
    }

    /**
     * A bank tender typed as amount and reference: empty when both are blank; refused at the field
     * concerned when one is missing or does not read. Shared with the other screens that take money.
     */
    public static Optional<MoneyTender> bankTender(TenderKind kind, String amountText, String reference, CheckoutField amountField,
                                             CheckoutField referenceField) {
        boolean noAmount = blank(amountText);
        boolean noReference = blank(reference);
        if (noAmount && noReference) {
            return Optional.empty();
        }
        if (noAmount) {
            throw new Invalid(amountField, I18n.text("ui.pay.error.required", label(amountField)));
        }
        Money value = amount(amountText, amountField);
        if (!value.isPositive()) {
            throw new Invalid(amountField, I18n.text("ui.pay.error.positive", label(amountField)));
        }
        if (noReference) {
            throw new Invalid(referenceField, I18n.text("ui.pay.error.required", label(referenceField)));
        }
        try {
            return Optional.of(new MoneyTender(kind, value, normalise(reference)));
        } catch (BusinessException refused) {
            throw new Invalid(referenceField, refused.getMessage());
        }
    }

    /**
     * The vouchers as typed (count, face value each, valid through), or none when all three are
     * blank; the payment and the top-up screens read them alike.
     */
    public static List<VoucherBatch> vouchers(String count, String face, String validThrough) {
        if (blank(count)) {
            if (!blank(face) || !blank(validThrough)) {
                throw new Invalid(CheckoutField.VOUCHER_COUNT, I18n.text("ui.pay.error.required", label(CheckoutField.VOUCHER_COUNT)));
            }
            return List.of();
        }
        int pieces;
        try {
            pieces = Integer.parseInt(normalise(count));
        } catch (NumberFormatException e) {
            pieces = -1;
        }
        if (pieces <= 0 || pieces > 9_999) {
            throw new Invalid(CheckoutField.VOUCHER_COUNT, I18n.text("ui.pay.error.count", count.strip()));
        }
        Money faceEach = amount(face, CheckoutField.VOUCHER_FACE);
        if (blank(validThrough)) {
            throw new Invalid(CheckoutField.VOUCHER_VALID_THROUGH, I18n.text("ui.pay.error.validThroughRequired"));
        }
        LocalDate through = validThrough(validThrough)
                .orElseThrow(() -> new Invalid(CheckoutField.VOUCHER_VALID_THROUGH,
                        I18n.text("ui.pay.error.validThrough", validThrough.strip())));
        return List.of(new VoucherBatch(pieces, faceEach, through));
    }

    /** An amount typed in {@code field}: blank is zero; a trailing point while typing is allowed; never negative. */
    public static Money amount(String text, CheckoutField field) {
        if (blank(text)) {
            return Money.ZERO;
        }
        String t = normalise(text);
        if (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        Money value;
        try {
            value = Money.parse(t);
        } catch (BusinessException notAnAmount) {
            throw new Invalid(field, I18n.text("ui.pay.error.amount", label(field), text.strip()));
        }
        if (value.isNegative()) {
            throw new Invalid(field, I18n.text("ui.pay.error.negative", label(field)));
        }
        return value;
    }

    /**
     * The voucher's valid-through date as cashiers write it: {@code 2025-12-31}, {@code 2025/12/31},
     * {@code 20251231}, {@code 2025-12} (end of that month), {@code 2025Q4} (end of the quarter),
     * {@code 2025} (end of the year). Full-width digits from an input method are read too.
     */
    public static Optional<LocalDate> validThrough(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = normalise(text);
        try {
            Matcher m = YEAR_MONTH_DAY.matcher(t);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            }
            if (t.matches("\\d{8}")) {
                return Optional.of(LocalDate.parse(t, COMPACT_DATE));
            }
            m = QUARTER.matcher(t);
            if (m.matches()) {
                return Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) * 3)
                        .atEndOfMonth());
            }
            m = YEAR_MONTH.matcher(t);
            if (m.matches()) {
                return Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                        .atEndOfMonth());
            }
            if (YEAR.matcher(t).matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(t), 12, 31));
            }
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The last day of the quarter {@code day} is in: what vouchers of this quarter are valid through. */
    public static LocalDate endOfQuarter(LocalDate day) {
        int lastMonth = ((day.getMonthValue() - 1) / 3 + 1) * 3;
        return YearMonth.of(day.getYear(), lastMonth).atEndOfMonth();
    }

    /** "现金实收", "银行卡参考号" … */
    public static String label(CheckoutField field) {
        return I18n.text("ui.pay.field." + field.name());
    }

    /** Which part of the form a refusal of the service concerns, so the cashier is taken there. */
    public static CheckoutField fieldOf(Throwable error) {
        if (error instanceof Invalid invalid) {
            return invalid.field();
        }
        if (!(error instanceof BusinessException refusal)) {
            return null;
        }
        String key = refusal.key();
        if (key.startsWith("payment.slip.")) {
            return CheckoutField.SLIP_NUMBER;
        }
        if (key.equals("payment.card.reference")) {
            return CheckoutField.CARD_REFERENCE;
        }
        if (key.equals("payment.voucher.expired")) {
            return CheckoutField.VOUCHER_VALID_THROUGH;
        }
        if (key.equals("payment.voucher.faceValue")) {
            return CheckoutField.VOUCHER_FACE;
        }
        if (key.equals("payment.voucher.faceCashUnpaid") || key.equals("payment.fee.unpaid")
                || key.equals("payment.cash.negative") || key.equals("payment.nothingToPay")) {
            return CheckoutField.CASH;
        }
        if (key.startsWith("payment.voucher.")) {
            return CheckoutField.VOUCHER_COUNT;
        }
        if (key.startsWith("payment.credit.")) {
            return CheckoutField.CREDIT;
        }
        if (key.startsWith("payment.fee.")) {
            return CheckoutField.FEES;
        }
        if (key.startsWith("payment.bill.") || key.startsWith("payment.waiver.") || key.startsWith("security.approval.")) {
            return CheckoutField.BILLS;
        }
        return null;
    }

    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    }

    public static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
