package io.counterdesk.card;

import java.nio.charset.StandardCharsets;

/** Keys and card images for the card tests. */
final class TestCards {

    static final CardKeys KEYS = new CardKeys("utility secret of 杭州燃气 for tests".getBytes(StandardCharsets.UTF_8));
    static final CardKeys OTHER_UTILITY = new CardKeys("another utility's secret, not ours".getBytes(StandardCharsets.UTF_8));

    static final String SERIAL = "3301000000000017";
    static final String METER_NO = "8000000017";

    private TestCards() {
    }

    /** A card as issued: opening card, no purchase yet, meter never wrote. */
    static CardImage issued() {
        return issued(SERIAL);
    }

    static CardImage issued(String serial) {
        return new CardImage(serial, 3301, 12, "3300000017", METER_NO, CardState.OPENING, 0, 0, 0, 0, true,
                MeterArea.EMPTY);
    }
}
