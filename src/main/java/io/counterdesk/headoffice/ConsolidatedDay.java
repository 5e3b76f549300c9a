package io.counterdesk.headoffice;

import io.counterdesk.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One business day across every hall as head office has it: each terminal's day summed over its
 * tills from the figures folded from its events ({@code ho_till_figure}, check-day's names), each
 * hall's total, the terminals that have not sent a closed day (overdue) or sent it late, the last
 * days per hall, and the latest alarms. Read by the web page and the consolidated PDF alike.
 */
public record ConsolidatedDay(LocalDate day, List<Hall> halls, List<Overdue> overdue, List<DayTotal> recentDays,
                              List<Alarm> alarms) {

    /** The tenders and businesses shown, in this order (check-day's names without the prefix). */
    public static final List<String> TENDERS = List.of("CASH", "BANK_CARD", "BANK_SLIP", "VOUCHER", "CREDIT");
    public static final List<String> BUSINESSES = List.of("GAS_BILL", "LATE_FEE", "FEE_ITEM", "IC_TOPUP",
            "VOUCHER_FACE_CASH", "CREDIT_ADDED");

    /**
     * One terminal's (or, summed, one hall's) day. {@code declaredCash} is the cash the terminal
     * declared its tills should hold when it closed them (TILL_CLOSED's expected cash); {@code ownCash}
     * is what head office works out from the events (float + cash in − change − deposits) for the same
     * closed tills: they differ only if the terminal's close and its own events disagree.
     */
    public record Figures(int tills, int closedTills, Map<String, Money> tenders, Map<String, Money> businesses,
                          int receipts, int voided, Money deposits, int depositCount, Money overShort,
                          Money declaredCash, Money ownCash, long voucherM3) {

        public static Figures none() {
            return new Figures(0, 0, new TreeMap<>(), new TreeMap<>(), 0, 0, Money.ZERO, 0, Money.ZERO, Money.ZERO,
                    Money.ZERO, 0);
        }

        public Money tender(String kind) {
            return tenders.getOrDefault(kind, Money.ZERO);
        }

        public Money business(String kind) {
            return businesses.getOrDefault(kind, Money.ZERO);
        }

        /** Money taken in the day: the sum of the businesses (equal to the tenders' by check-day). */
        public Money total() {
            Money sum = Money.ZERO;
            for (Money m : businesses.values()) {
                sum = sum.plus(m);
            }
            return sum;
        }

        public boolean declaredMatchesOwn() {
            return declaredCash.equals(ownCash);
        }

        Figures plus(Figures o) {
            Map<String, Money> t = new TreeMap<>(tenders);
            o.tenders.forEach((k, v) -> t.merge(k, v, Money::plus));
            Map<String, Money> b = new TreeMap<>(businesses);
            o.businesses.forEach((k, v) -> b.merge(k, v, Money::plus));
            return new Figures(tills + o.tills, closedTills + o.closedTills, t, b, receipts + o.receipts,
                    voided + o.voided, deposits.plus(o.deposits), depositCount + o.depositCount, overShort.plus(o.overShort),
                    declaredCash.plus(o.declaredCash), ownCash.plus(o.ownCash), voucherM3 + o.voucherM3);
        }

        /** One till's figures (check-day's names, money as plain yuan) as a till's share. */
        static Figures ofTill(Map<String, String> f) {
            Map<String, Money> t = new TreeMap<>();
            Map<String, Money> b = new TreeMap<>();
            f.forEach((k, v) -> {
                if (k.startsWith("tender.")) {
                    t.put(k.substring(7), money(v));
                } else if (k.startsWith("business.")) {
                    b.put(k.substring(9), money(v));
                }
            });
            boolean closed = Boolean.parseBoolean(f.get("closed"));
            return new Figures(1, closed ? 1 : 0, t, b, count(f.get("receiptNumbers")), count(f.get("voided")),
                    money(f.get("deposits")), count(f.get("depositCount")), closed ? money(f.get("overShort")) : Money.ZERO,
                    closed ? money(f.get("closedExpectedCash")) : Money.ZERO,
                    closed ? money(f.get("expectedCash")) : Money.ZERO, count(f.get("voucherM3")));
        }

        private static Money money(String v) {
            return v == null || v.equals("-") ? Money.ZERO : Money.parse(v);
        }

        private static int count(String v) {
            return v == null ? 0 : Integer.parseInt(v);
        }
    }

    /** A terminal's day: its figures, when its last batch with the day's events arrived, and whether that was late. */
    public record TerminalDay(String hall, String terminal, Figures figures, Instant receivedAt, boolean late) {
    }

    public record Hall(String hall, List<TerminalDay> terminals, Figures figures) {
        static Hall of(String hall, List<TerminalDay> terminals) {
            Figures sum = Figures.none();
            for (TerminalDay t : terminals) {
                sum = sum.plus(t.figures());
            }
            return new Hall(hall, List.copyOf(terminals), sum);
        }
    }

    /** Why a terminal's day is missing: nothing of the day arrived, or tills of it are still open. */
    public enum Missing { NOT_SENT, NOT_CLOSED }

    public record Overdue(String hall, String terminal, Missing why, Instant lastBatchAt) {
    }

    /** One hall's money taken on one day, and how many terminals sent figures for it. */
    public record DayTotal(String hall, LocalDate day, Money total, int terminals) {
    }

    public record Alarm(Instant at, String hall, String terminal, String kind, String detail) {
    }

    /** Every hall's figures summed. */
    public Figures total() {
        Figures sum = Figures.none();
        for (Hall h : halls) {
            sum = sum.plus(h.figures());
        }
        return sum;
    }

    /** The terminals of all halls, in hall and terminal order. */
    public List<TerminalDay> terminals() {
        List<TerminalDay> out = new ArrayList<>();
        halls.forEach(h -> out.addAll(h.terminals()));
        return out;
    }
}
