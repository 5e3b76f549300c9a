package io.counterdesk.sync;

import io.counterdesk.persistence.EventPayload;

/**
 * The money one event carries, for the manifest's per-type totals (docs/sync-protocol.md): the sum
 * of its {@code lines[].amountFen} when it has lines (payments, reversals); else its
 * {@code amountFen}; else {@code floatFen} (a till opened); else {@code countedCashFen} (a till
 * counted or closed); else 0.
 */
public final class EventMoney {

    private EventMoney() {
    }

    public static long of(EventPayload payload) {
        if (payload.linesArray()) {
            long sum = 0;
            for (EventPayload.Item l : payload.lines()) {
                sum += l.amountFen();
            }
            return sum;
        }
        if (payload.hasAmountFen()) {
            return payload.amountFen();
        }
        if (payload.hasFloatFen()) {
            return payload.floatFen();
        }
        return payload.hasCountedCashFen() ? payload.countedCashFen() : 0;
    }
}
