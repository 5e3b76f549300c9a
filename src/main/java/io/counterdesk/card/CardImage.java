package io.counterdesk.card;

import java.util.Objects;

/**
 * The logical content of an issued gas card, independent of the chip that stores it
 * (docs/card-layout.md). Volumes bought through the counter are whole cubic metres, as on bills.
 *
 * @param serial                  card serial assigned at issue (16 decimal digits)
 * @param utilityCode             the gas company's code (4 digits)
 * @param areaCode                the area / hall group code (4 digits)
 * @param accountNo               the account (户号) the card belongs to
 * @param meterNo                 the meter the card is bound to
 * @param state                   what the card is for
 * @param purchaseCount           purchases written to this account's cards so far (购气次数)
 * @param lastPurchaseM3          volume of the last purchase written
 * @param cumulativePurchasedM3   all gas ever written for this account (carried over on reissue)
 * @param reissueCount            how many times the account's card was reissued (补卡次数)
 * @param loaded                  whether the meter has loaded the last purchase (the meter sets it)
 * @param meter                   the area the meter writes back
 */
public record CardImage(String serial, int utilityCode, int areaCode, String accountNo, String meterNo,
                        CardState state, int purchaseCount, long lastPurchaseM3, long cumulativePurchasedM3,
                        int reissueCount, boolean loaded, MeterArea meter) {

    public CardImage {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(accountNo, "accountNo");
        Objects.requireNonNull(meterNo, "meterNo");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(meter, "meter");
        if (!serial.matches("\\d{16}")) {
            throw new IllegalArgumentException("card serial must be 16 digits: " + serial);
        }
        if (utilityCode < 0 || utilityCode > 9999 || areaCode < 0 || areaCode > 9999) {
            throw new IllegalArgumentException("utility and area codes have 4 digits");
        }
        if (purchaseCount < 0 || lastPurchaseM3 < 0 || cumulativePurchasedM3 < 0 || reissueCount < 0) {
            throw new IllegalArgumentException("card counters are never negative");
        }
    }

    /** This card after the counter writes a purchase of {@code volumeM3}: not yet loaded. */
    public CardImage withPurchase(long volumeM3) {
        if (volumeM3 <= 0) {
            throw new IllegalArgumentException("a purchase is at least 1 m³");
        }
        return new CardImage(serial, utilityCode, areaCode, accountNo, meterNo,
                state == CardState.OPENING || state == CardState.TRANSFER ? state : CardState.USER, purchaseCount + 1,
                volumeM3, cumulativePurchasedM3 + volumeM3, reissueCount,
                false, meter);
    }

    /**
     * This card after the counter writes {@code volumeM3} onto it: a purchase, or for a transfer card
     * whose old meter held no whole m³, a write of no gas — the count steps on so that the write is
     * named on the card (a count names one write), with nothing to load.
     */
    public CardImage withWrite(long volumeM3) {
        if (volumeM3 > 0) {
            return withPurchase(volumeM3);
        }
        if (volumeM3 < 0) {
            throw new IllegalArgumentException("no write takes gas off a card");
        }
        return new CardImage(serial, utilityCode, areaCode, accountNo, meterNo, state, purchaseCount + 1, 0,
                cumulativePurchasedM3, reissueCount, true, meter);
    }

    /** This card after the meter loaded the last purchase and wrote its figures back. */
    public CardImage loadedBy(MeterArea written) {
        return new CardImage(serial, utilityCode, areaCode, accountNo, meterNo,
                state == CardState.OPENING || state == CardState.TRANSFER ? CardState.USER : state, purchaseCount,
                lastPurchaseM3,
                cumulativePurchasedM3, reissueCount, true, written);
    }

    /** This card in another state (for example cleared after a reversal). */
    public CardImage withState(CardState newState) {
        return new CardImage(serial, utilityCode, areaCode, accountNo, meterNo, newState, purchaseCount,
                lastPurchaseM3, cumulativePurchasedM3, reissueCount, loaded, meter);
    }

    /**
     * This card with its last, unloaded purchase taken off again (冲正): the cumulative volume steps
     * back and the card holds no gas to load. The purchase count stays: counts only ever grow, so a
     * count names exactly one write.
     */
    public CardImage withoutLastPurchase() {
        if (loaded || purchaseCount == 0) {
            throw new IllegalStateException("only an unloaded purchase can be taken off the card");
        }
        return new CardImage(serial, utilityCode, areaCode, accountNo, meterNo, state, purchaseCount, 0,
                cumulativePurchasedM3 - lastPurchaseM3, reissueCount, true, meter);
    }

    /**
     * This card made a transfer card (转移卡) for a new meter: bound to {@code newMeterNo}; the gas
     * moved from the old meter follows as a purchase written with it.
     */
    public CardImage forNewMeter(String newMeterNo) {
        return new CardImage(serial, utilityCode, areaCode, accountNo, newMeterNo, CardState.TRANSFER, purchaseCount,
                lastPurchaseM3, cumulativePurchasedM3, reissueCount, loaded, meter);
    }

    /**
     * A card as the counter issues it, from the system's figures for the account: the first card
     * (opening card, nothing bought yet) or a reissued one (补卡) carrying the account's counters
     * over. It holds no gas to load; a re-credit is written onto it afterwards as a purchase.
     */
    public static CardImage issue(String serial, int utilityCode, int areaCode, String accountNo, String meterNo,
                                  int purchaseCount, long cumulativePurchasedM3, int reissueCount) {
        return new CardImage(serial, utilityCode, areaCode, accountNo, meterNo,
                purchaseCount == 0 ? CardState.OPENING : CardState.USER, purchaseCount, 0, cumulativePurchasedM3,
                reissueCount, true, MeterArea.EMPTY);
    }

    /** Gas written to the card that the meter has not loaded yet. */
    public long unloadedM3() {
        return loaded ? 0 : lastPurchaseM3;
    }
}
