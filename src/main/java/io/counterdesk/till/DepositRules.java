package io.counterdesk.till;

import io.counterdesk.shared.Money;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Bank deposits from the till (seed 第二十四条(一)(二)): cash taken is deposited by a set time (16:00 by
 * default); up to a threshold (1000 yuan) may be kept. Both are warnings, never refusals: the bank may
 * be closed, the cashier decides. Slips are numbered per cashier and month: 王伟7-1, 王伟7-2.
 */
public record DepositRules(LocalTime depositBy, Money keepUpTo) {

    public static final DepositRules DEFAULT = new DepositRules(LocalTime.of(16, 0), Money.ofYuan(1000));

    /** Setting names (table {@code setting}). */
    public static final String DEPOSIT_BY_SETTING = "till.depositBy";
    public static final String KEEP_UP_TO_SETTING = "till.keepUpToFen";

    /** What the cashier is warned about. */
    public enum Warning {
        /** This deposit is made after the deposit time. */
        LATE_DEPOSIT,
        /** Past the deposit time, more than the threshold of today's takings is still in the drawer. */
        DEPOSIT_DUE,
        /** At close, more than the threshold of today's takings stays in the drawer overnight. */
        KEEPING_TOO_MUCH
    }

    public boolean isLate(LocalTime at) {
        return at.isAfter(depositBy);
    }

    /** Warnings while the till is open at {@code now} with {@code undeposited} takings in the drawer. */
    public List<Warning> whileOpen(LocalTime now, Money undeposited) {
        List<Warning> out = new ArrayList<>();
        if (!now.isBefore(depositBy) && undeposited.compareTo(keepUpTo) > 0) {
            out.add(Warning.DEPOSIT_DUE);
        }
        return out;
    }

    /** Warnings for a deposit of {@code amount} made at {@code at}, leaving {@code undepositedAfter}. */
    public List<Warning> forDeposit(LocalTime at, Money undepositedAfter) {
        List<Warning> out = new ArrayList<>();
        if (isLate(at)) {
            out.add(Warning.LATE_DEPOSIT);
        }
        if (!at.isBefore(depositBy) && undepositedAfter.compareTo(keepUpTo) > 0) {
            out.add(Warning.DEPOSIT_DUE);
        }
        return out;
    }

    /** Warnings at close with {@code undeposited} takings left in the drawer. */
    public List<Warning> atClose(Money undeposited) {
        return undeposited.compareTo(keepUpTo) > 0 ? List.of(Warning.KEEPING_TOO_MUCH) : List.of();
    }

    /** The slip number: the cashier's name, the month number, a dash and the slip's number in the month. */
    public static String slipNumber(String cashierName, YearMonth month, int seq) {
        return cashierName + month.getMonthValue() + "-" + seq;
    }
}
