package io.counterdesk.card;

/**
 * What the meter writes back onto the card each time the card is inserted into it (表写卡区). The
 * counter reads, shows and records it; it never writes it. Volumes are in hundredths of a cubic
 * metre because the meter measures continuously.
 *
 * @param remainingCentiM3      gas left in the meter
 * @param cumulativeUseCentiM3  gas used through the meter since it was installed
 * @param valveOpen             whether the meter's valve is open
 * @param tamperEvents          bit set of tamper events the meter recorded (magnet, cover, battery …)
 * @param written               false while the meter has never written this area
 */
public record MeterArea(long remainingCentiM3, long cumulativeUseCentiM3, boolean valveOpen, int tamperEvents,
                        boolean written) {

    public static final MeterArea EMPTY = new MeterArea(0, 0, false, 0, false);

    public MeterArea {
        if (remainingCentiM3 < 0 || cumulativeUseCentiM3 < 0 || tamperEvents < 0) {
            throw new IllegalArgumentException("meter figures are never negative");
        }
    }
}
