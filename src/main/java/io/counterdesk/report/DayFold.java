package io.counterdesk.report;

import io.counterdesk.persistence.EventPayload;
import io.counterdesk.persistence.JournalEvent;
import io.counterdesk.shared.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The day's figures of each till worked out from journal events alone: a pure fold, no tables.
 * {@link DayCheck} sets them against the terminal's own reports ({@code check-day}); head office
 * folds the events of the batches it received into the same figures (docs/sync-protocol.md), so a
 * figure at head office is the figure of the cashier's daily cash report, by construction and by
 * test ({@code DayFoldProofTest}).
 *
 * <p>Events read: TILL_OPENED, PAYMENT, PAYMENT_REVERSED (a payment's shape, every figure negated),
 * TILL_DEPOSIT, RECEIPT_VOIDED (counted for the till of the payment it voids), TILL_CLOSED. Others
 * are passed over.
 */
public final class DayFold {

    /** The event types the fold reads; the rest may be left out of its input. */
    public static final List<String> TYPES = List.of("TILL_OPENED", "PAYMENT", "PAYMENT_REVERSED", "TILL_DEPOSIT",
            "RECEIPT_VOIDED", "TILL_CLOSED");

    /** One till's day as the journal tells it. {@code openingFloat} is null when its opening was not among the events. */
    public record TillDay(long tillId, String staffNo, LocalDate businessDay, Money openingFloat, Money cashIn,
                          Money cashOut, Map<String, Money> tenders, Map<String, Money> businesses, long voucherM3,
                          int receiptNumbers, int voided, Money deposits, int depositCount, boolean closed,
                          Money closedExpectedCash, Money countedCash, Money overShort) {

        /** Float + cash in − change and refunds − deposits; null without the float. */
        public Money expectedCash() {
            return openingFloat == null ? null : openingFloat.plus(cashIn).minus(cashOut).minus(deposits);
        }

        /** The tender's money: cash net of change and refunds, the others as taken; zero when none. */
        public Money tender(String kind) {
            return kind.equals("CASH") ? cashIn.minus(cashOut) : tenders.getOrDefault(kind, Money.ZERO);
        }

        public Money business(String business) {
            return businesses.getOrDefault(business, Money.ZERO);
        }

        /**
         * Every figure by the name {@code check-day} gives it (money as plain yuan, e.g. "12.30";
         * "-" where the journal has none): float, cashIn, changeAndRefunds, deposits, depositCount,
         * expectedCash, tender.KIND, business.KIND, voucherM3, receiptNumbers, voided, closed, and for
         * a closed till closedExpectedCash, countedCash and overShort.
         */
        public Map<String, String> figures() {
            Map<String, String> f = new TreeMap<>();
            f.put("float", plain(openingFloat));
            f.put("cashIn", plain(cashIn));
            f.put("changeAndRefunds", plain(cashOut));
            f.put("deposits", plain(deposits));
            f.put("depositCount", Integer.toString(depositCount));
            f.put("expectedCash", plain(expectedCash()));
            f.put("tender.CASH", plain(tender("CASH")));
            tenders.forEach((k, v) -> f.put("tender." + k, plain(v)));
            businesses.forEach((k, v) -> f.put("business." + k, plain(v)));
            f.put("voucherM3", Long.toString(voucherM3));
            f.put("receiptNumbers", Integer.toString(receiptNumbers));
            f.put("voided", Integer.toString(voided));
            f.put("closed", Boolean.toString(closed));
            if (closed) {
                f.put("closedExpectedCash", plain(closedExpectedCash));
                f.put("countedCash", plain(countedCash));
                f.put("overShort", plain(overShort));
            }
            return f;
        }

        private static String plain(Money m) {
            return m == null ? "-" : m.toPlainString();
        }

        /**
         * The till back from its {@link #figures()} (as head office stores them), so a fold can go on
         * from them; empty when they do not say it exactly: a {@code tender.CASH} other than cash in
         * − change (a CASH entry in a payment's {@code tenders[]}, which no terminal writes) cannot be
         * told from the derived one. The business day is not among the figures (null).
         */
        public static java.util.Optional<TillDay> ofFigures(long tillId, String staffNo, Map<String, String> f) {
            try {
                return parse(tillId, staffNo, f);
            } catch (RuntimeException e) {
                return java.util.Optional.empty(); // a figure missing or unreadable: not a fold's figures
            }
        }

        private static java.util.Optional<TillDay> parse(long tillId, String staffNo, Map<String, String> f) {
            Money cashIn = money(f.get("cashIn"));
            Money cashOut = money(f.get("changeAndRefunds"));
            Map<String, Money> tenders = new TreeMap<>();
            Map<String, Money> businesses = new TreeMap<>();
            for (var e : f.entrySet()) {
                if (e.getKey().startsWith("tender.") && !e.getKey().equals("tender.CASH")) {
                    tenders.put(e.getKey().substring("tender.".length()), money(e.getValue()));
                } else if (e.getKey().startsWith("business.")) {
                    businesses.put(e.getKey().substring("business.".length()), money(e.getValue()));
                }
            }
            boolean closed = Boolean.parseBoolean(f.get("closed"));
            TillDay t = new TillDay(tillId, staffNo, null, money(f.get("float")), cashIn, cashOut, tenders, businesses,
                    Long.parseLong(f.get("voucherM3")), Integer.parseInt(f.get("receiptNumbers")),
                    Integer.parseInt(f.get("voided")), money(f.get("deposits")), Integer.parseInt(f.get("depositCount")),
                    closed, closed ? money(f.get("closedExpectedCash")) : null, closed ? money(f.get("countedCash")) : null,
                    closed ? money(f.get("overShort")) : null);
            return t.figures().equals(f) ? java.util.Optional.of(t) : java.util.Optional.empty();
        }

        private static Money money(String plain) {
            return plain == null || plain.equals("-") ? null : Money.ofFen(new java.math.BigDecimal(plain).movePointRight(2)
                    .longValueExact());
        }
    }

    private DayFold() {
    }

    /** Each till's figures, by till id, in the order the tills first appear. */
    public static Map<Long, TillDay> fold(Collection<JournalEvent> events) {
        return fold(Map.of(), id -> null, events);
    }

    /**
     * The fold continued (head office, one batch at a time): {@code start} is the tills' day as folded
     * from the events before {@code events} (e.g. read back with {@link TillDay#ofFigures}), and
     * {@code earlierTillOfPayment} names the till of a payment among those earlier events (null when
     * none), for a void of it. Equal to the fold of all the events at once when {@code events} follow
     * the earlier ones in journal order (a void never precedes its payment).
     */
    public static Map<Long, TillDay> fold(Map<Long, TillDay> start, java.util.function.LongFunction<Long> earlierTillOfPayment,
                                          Collection<JournalEvent> events) {
        return fold(start, earlierTillOfPayment, events, e -> read(e.payload()));
    }

    /** As {@link #fold(Map, java.util.function.LongFunction, Collection)}, with each event's payload already read. */
    public static Map<Long, TillDay> fold(Map<Long, TillDay> start, java.util.function.LongFunction<Long> earlierTillOfPayment,
                                          Collection<JournalEvent> events,
                                          java.util.function.Function<JournalEvent, EventPayload> payloadOf) {
        Map<Long, Builder> tills = new LinkedHashMap<>();
        start.forEach((id, t) -> tills.put(id, new Builder(t)));
        Map<Long, Long> tillOfPayment = new LinkedHashMap<>();
        List<Long> voidedPayments = new ArrayList<>();
        List<Long> reissuedPayments = new ArrayList<>();
        for (JournalEvent e : events) {
            if (!TYPES.contains(e.type())) {
                continue;
            }
            EventPayload p = payloadOf.apply(e);
            if (e.type().equals("RECEIPT_VOIDED")) {
                voidedPayments.add(p.paymentId());
                if (p.hasReplacementNumber()) {
                    // 作废重开: the replacement's number is taken by the void, not by the payment
                    reissuedPayments.add(p.paymentId());
                }
                continue;
            }
            long tillId = p.tillId();
            Builder t = tills.computeIfAbsent(tillId, id -> new Builder(id, e.staffNo()));
            switch (e.type()) {
                case "TILL_OPENED" -> {
                    t.openingFloat = Money.ofFen(p.floatFen());
                    t.businessDay = LocalDate.parse(p.businessDay());
                }
                // a reversal's event has a payment's shape with every figure negated (cash back as change)
                case "PAYMENT", "PAYMENT_REVERSED" -> {
                    long paymentId = p.paymentId();
                    tillOfPayment.put(paymentId, tillId);
                    t.cashIn = t.cashIn.plus(Money.ofFen(p.cashReceivedFen()));
                    t.cashOut = t.cashOut.plus(Money.ofFen(p.changeFen()));
                    t.tenders.merge("CREDIT", Money.ofFen(p.creditUsedFen()), Money::plus);
                    for (EventPayload.Item tender : p.tenders()) {
                        t.tenders.merge(tender.kind(), Money.ofFen(tender.amountFen()), Money::plus);
                    }
                    for (EventPayload.Item l : p.lines()) {
                        String b = DayReportService.businessOf(l.kind());
                        if (b != null) {
                            t.businesses.merge(b, Money.ofFen(l.amountFen()), Money::plus);
                        }
                    }
                    t.voucherM3 += p.voucherM3();
                    t.receipts += p.receiptCount();
                }
                case "TILL_DEPOSIT" -> {
                    t.deposits = t.deposits.plus(Money.ofFen(p.amountFen()));
                    t.depositCount++;
                }
                case "TILL_CLOSED" -> {
                    t.closed = true;
                    t.closedExpected = Money.ofFen(p.expectedCashFen());
                    t.counted = Money.ofFen(p.countedCashFen());
                    t.overShort = Money.ofFen(p.overShortFen());
                }
                default -> { }
            }
        }
        for (long paymentId : voidedPayments) {
            Builder till = tillOf(paymentId, tillOfPayment, earlierTillOfPayment, tills);
            if (till != null) {
                till.voided++;
            }
        }
        for (long paymentId : reissuedPayments) {
            Builder till = tillOf(paymentId, tillOfPayment, earlierTillOfPayment, tills);
            if (till != null) {
                till.receipts++;
            }
        }
        Map<Long, TillDay> out = new LinkedHashMap<>();
        tills.forEach((id, b) -> out.put(id, b.build()));
        return out;
    }

    private static Builder tillOf(long paymentId, Map<Long, Long> tillOfPayment,
                                  java.util.function.LongFunction<Long> earlier, Map<Long, Builder> tills) {
        Long till = tillOfPayment.get(paymentId);
        if (till == null) {
            till = earlier.apply(paymentId);
        }
        return till == null ? null : tills.get(till);
    }

    private static final class Builder {
        final long tillId;
        final String staffNo;
        LocalDate businessDay;
        Money openingFloat;
        Money cashIn = Money.ZERO;
        Money cashOut = Money.ZERO;
        final Map<String, Money> tenders = new TreeMap<>();
        final Map<String, Money> businesses = new TreeMap<>();
        long voucherM3;
        int receipts;
        int voided;
        Money deposits = Money.ZERO;
        int depositCount;
        boolean closed;
        Money closedExpected;
        Money counted;
        Money overShort;

        Builder(long tillId, String staffNo) {
            this.tillId = tillId;
            this.staffNo = staffNo;
        }

        Builder(TillDay t) {
            this(t.tillId(), t.staffNo());
            businessDay = t.businessDay();
            openingFloat = t.openingFloat();
            cashIn = t.cashIn();
            cashOut = t.cashOut();
            tenders.putAll(t.tenders());
            businesses.putAll(t.businesses());
            voucherM3 = t.voucherM3();
            receipts = t.receiptNumbers();
            voided = t.voided();
            deposits = t.deposits();
            depositCount = t.depositCount();
            closed = t.closed();
            closedExpected = t.closedExpectedCash();
            counted = t.countedCash();
            overShort = t.overShort();
        }

        TillDay build() {
            return new TillDay(tillId, staffNo, businessDay, openingFloat, cashIn, cashOut, java.util.Collections.unmodifiableMap(tenders),
                    java.util.Collections.unmodifiableMap(businesses), voucherM3, receipts, voided, deposits, depositCount, closed, closedExpected,
                    counted, overShort);
        }
    }

    private static EventPayload read(String payload) {
        try {
            return EventPayload.of(payload);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable journal payload", e);
        }
    }
}
