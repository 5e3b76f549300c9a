package io.counterdesk.sync;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The money one event carries, for the manifest's per-type totals (docs/sync-protocol.md): the sum
 * of its {@code lines[].amountFen} when it has lines (payments, reversals); else its
 * {@code amountFen}; else {@code floatFen} (a till opened); else {@code countedCashFen} (a till
 * counted or closed); else 0.
 */
public final class EventMoney {

    private EventMoney() {
    }

    public static long of(JsonNode payload) {
        if (payload.has("lines") && payload.get("lines").isArray()) {
            long sum = 0;
            for (JsonNode l : payload.get("lines")) {
                sum += l.path("amountFen").asLong();
            }
            return sum;
        }
        for (String field : new String[] {"amountFen", "floatFen", "countedCashFen"}) {
            if (payload.has(field)) {
                return payload.get(field).asLong();
            }
        }
        return 0;
    }
}
