package io.counterdesk.billing;

import io.counterdesk.account.AccountKind;
import io.counterdesk.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Late fees (滞纳金), seed 第十四条 and DESIGN 2.4; every number configurable, these are the defaults.
 *
 * <ul>
 *   <li>Residential: a bill of month M paid by the end of M has none; otherwise the fee runs from
 *       the 21st of M+1 at 0.3% of the unpaid amount per day, the 21st itself counting as the first
 *       day. A bank-debit failure moves the reference month to the month of the dunning notice.</li>
 *   <li>Non-residential: 0.5% per day from the day after the due date; supply is suspended once a
 *       bill is more than 15 days overdue.</li>
 *   <li>The fee of each bill is rounded down in steps of 0.5 yuan (0–0.49 → 0, 0.50–0.99 → 0.50,
 *       1.00–1.49 → 1.00 …).</li>
 * </ul>
 */
public record LateFeeRule(BigDecimal residentialDailyRate, int residentialStartDay, BigDecimal nonResidentialDailyRate,
                          int suspendAfterDaysOverdue, Money roundingStep) {

    public static final LateFeeRule DEFAULT = new LateFeeRule(new BigDecimal("0.003"), 21, new BigDecimal("0.005"), 15,
            Money.ofFen(50));

    public LateFeeRule {
        Objects.requireNonNull(residentialDailyRate);
        Objects.requireNonNull(nonResidentialDailyRate);
        Objects.requireNonNull(roundingStep);
        if (residentialStartDay < 1 || residentialStartDay > 28) {
            throw new IllegalArgumentException("start day must be a day every month has: " + residentialStartDay);
        }
    }

    /**
     * The first day a fee is charged for a bill, or the day after its due date for non-residential
     * accounts. {@code noticeMonth} is the month a bank-debit dunning notice was printed, if any.
     */
    public LocalDate firstChargedDay(AccountKind kind, YearMonth billMonth, LocalDate dueDate, YearMonth noticeMonth) {
        if (kind == AccountKind.NON_RESIDENTIAL) {
            return dueDate.plusDays(1);
        }
        YearMonth reference = noticeMonth != null ? noticeMonth : billMonth;
        return reference.plusMonths(1).atDay(residentialStartDay);
    }

    /** Days charged when paying on {@code payDay}: 0 before the first charged day, else inclusive. */
    public long chargedDays(AccountKind kind, YearMonth billMonth, LocalDate dueDate, YearMonth noticeMonth,
                            LocalDate payDay) {
        LocalDate first = firstChargedDay(kind, billMonth, dueDate, noticeMonth);
        if (payDay.isBefore(first)) {
            return 0;
        }
        return ChronoUnit.DAYS.between(first, payDay) + 1;
    }

    /** The fee due on {@code outstanding} principal when paying on {@code payDay}, rounded down. */
    public Money fee(AccountKind kind, YearMonth billMonth, LocalDate dueDate, YearMonth noticeMonth, Money outstanding,
                     LocalDate payDay) {
        if (!outstanding.isPositive()) {
            return Money.ZERO;
        }
        long days = chargedDays(kind, billMonth, dueDate, noticeMonth, payDay);
        if (days == 0) {
            return Money.ZERO;
        }
        BigDecimal rate = kind == AccountKind.NON_RESIDENTIAL ? nonResidentialDailyRate : residentialDailyRate;
        Money exact = outstanding.multiply(rate.multiply(BigDecimal.valueOf(days)), RoundingMode.DOWN);
        return round(exact);
    }

    /** The seed's rounding: down to a whole number of 0.5-yuan steps. */
    public Money round(Money exactFee) {
        return exactFee.floorToStep(roundingStep.fen());
    }

    /** Whether a non-residential account with this bill unpaid is to be suspended on {@code day}. */
    public boolean suspends(AccountKind kind, LocalDate dueDate, Money outstanding, LocalDate day) {
        return kind == AccountKind.NON_RESIDENTIAL && outstanding.isPositive()
                && ChronoUnit.DAYS.between(dueDate, day) > suspendAfterDaysOverdue;
    }
}
