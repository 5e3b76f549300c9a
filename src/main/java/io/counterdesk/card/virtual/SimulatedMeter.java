package io.counterdesk.card.virtual;

import io.counterdesk.card.CardContent;
import io.counterdesk.card.CardException;
import io.counterdesk.card.CardImage;
import io.counterdesk.card.CardKeys;
import io.counterdesk.card.CardProfile;
import io.counterdesk.card.CardProfiles;
import io.counterdesk.card.CardState;
import io.counterdesk.card.MeterArea;
import io.counterdesk.card.ReaderDialect;
import java.util.Objects;
import javax.smartcardio.ATR;
import javax.smartcardio.CardChannel;

/**
 * A prepaid gas meter (IC卡燃气表) for demos and life-cycle tests. Inserting a card makes it do what
 * a real meter does, through the card's own commands and with the utility's keys like a meter's
 * firmware: read and check the card, load the unloaded purchase into its register, mark the card
 * loaded, and write its figures back to the card's meter area.
 *
 * <p>It remembers the last purchase count it loaded, so a card pulled out after the meter took the
 * gas but before the card was marked is only marked, never loaded twice. Its own register is
 * updated first, then the card's record (loaded), then the meter area. Thread-safe.
 */
public final class SimulatedMeter {

    /** What an insertion did. */
    public enum Outcome {
        /** The unloaded purchase went into the meter. */
        LOADED,
        /** Nothing was waiting on the card; the meter wrote its figures back. */
        NOTHING_TO_LOAD,
        /** The card was never issued. */
        BLANK_CARD,
        /** The card belongs to another meter. */
        OTHER_METER,
        /** The card was cleared (已清卡) and carries nothing for a meter. */
        CLEARED_CARD
    }

    /**
     * @param outcome  what happened
     * @param loadedM3 the volume loaded now (0 unless LOADED)
     * @param card     the card as the meter left it, null for a blank card
     */
    public record Insertion(Outcome outcome, long loadedM3, CardImage card) {
    }

    private static final long CENTI = 100;

    private final String meterNo;
    private final CardKeys keys;
    private long remainingCentiM3;
    private long cumulativeUseCentiM3;
    private int tamperEvents;
    private int lastLoadedPurchase;

    /**
     * @param meterNo the meter's number, as cards bound to it carry it
     * @param keys    the utility's card keys, as the meter's firmware holds them
     */
    public SimulatedMeter(String meterNo, CardKeys keys) {
        this.meterNo = Objects.requireNonNull(meterNo);
        this.keys = Objects.requireNonNull(keys);
    }

    /**
     * The card goes into the meter and comes out again.
     *
     * @throws CardException as the card profiles raise it: a forged card, a PSC problem, a card
     *                       pulled out mid-write ({@code WRITE_UNCERTAIN})
     */
    public synchronized Insertion insert(VirtualCard card) {
        boolean[] inSlot = {true};
        card.powerOn();
        SimulatedCard connection = new SimulatedCard(card, "T=0", new Contact() {
            @Override
            public boolean inContact() {
                return inSlot[0];
            }

            @Override
            public void lost() {
                inSlot[0] = false;
            }
        });
        try {
            // the meter's own card slot speaks whatever the emulated card answers to
            CardProfile profile = CardProfiles.pick(CardProfiles.standard(keys,
                    card.kind() == VirtualCard.Kind.SLE4442 ? card.readerDialect() : ReaderDialect.ACS),
                    new ATR(card.atr()));
            CardChannel channel = connection.getBasicChannel();
            CardContent content = profile.read(channel);
            if (content.image().isEmpty()) {
                return new Insertion(Outcome.BLANK_CARD, 0, null);
            }
            CardImage image = content.image().get();
            if (!image.meterNo().equals(meterNo)) {
                return new Insertion(Outcome.OTHER_METER, 0, image);
            }
            if (image.state() == CardState.CLEARED) {
                return new Insertion(Outcome.CLEARED_CARD, 0, image);
            }
            long loaded = 0;
            if (!image.loaded() && image.purchaseCount() > lastLoadedPurchase) {
                loaded = image.lastPurchaseM3();
                remainingCentiM3 += loaded * CENTI;
                lastLoadedPurchase = image.purchaseCount();
            }
            CardImage next = image.loadedBy(figures());
            profile.write(channel, content, next);
            return new Insertion(loaded > 0 ? Outcome.LOADED : Outcome.NOTHING_TO_LOAD, loaded, next);
        } finally {
            card.powerOff();
        }
    }

    /**
     * A meter as it was left (the demo keeps its meters between runs): its register, cumulative
     * use, tamper events and the last purchase it loaded.
     */
    public static SimulatedMeter restored(String meterNo, CardKeys keys, long remainingCentiM3,
                                          long cumulativeUseCentiM3, int tamperEvents, int lastLoadedPurchase) {
        if (remainingCentiM3 < 0 || cumulativeUseCentiM3 < 0 || tamperEvents < 0 || lastLoadedPurchase < 0) {
            throw new IllegalArgumentException("meter figures are never negative");
        }
        SimulatedMeter meter = new SimulatedMeter(meterNo, keys);
        meter.remainingCentiM3 = remainingCentiM3;
        meter.cumulativeUseCentiM3 = cumulativeUseCentiM3;
        meter.tamperEvents = tamperEvents;
        meter.lastLoadedPurchase = lastLoadedPurchase;
        return meter;
    }

    /** The tamper events recorded so far (bits). */
    public synchronized int tamperEvents() {
        return tamperEvents;
    }

    /** Gas flows through the meter; it stops at zero (the valve closes). */
    public synchronized void use(long centiM3) {
        if (centiM3 < 0) {
            throw new IllegalArgumentException("gas does not flow back");
        }
        long used = Math.min(centiM3, remainingCentiM3);
        remainingCentiM3 -= used;
        cumulativeUseCentiM3 += used;
    }

    /** The meter records a tamper event (bits: 1 magnet, 2 cover, 4 battery …); the next insertion writes it to the card. */
    public synchronized void tamper(int eventBits) {
        if (eventBits <= 0 || eventBits > 0xFFFF) {
            throw new IllegalArgumentException("tamper events are bits 0–15");
        }
        tamperEvents |= eventBits;
    }

    public synchronized long remainingCentiM3() {
        return remainingCentiM3;
    }

    public synchronized long cumulativeUseCentiM3() {
        return cumulativeUseCentiM3;
    }

    /** Open while gas is left. */
    public synchronized boolean valveOpen() {
        return remainingCentiM3 > 0;
    }

    /** The purchase count of the last purchase this meter loaded. */
    public synchronized int lastLoadedPurchase() {
        return lastLoadedPurchase;
    }

    public String meterNo() {
        return meterNo;
    }

    private MeterArea figures() {
        return new MeterArea(remainingCentiM3, cumulativeUseCentiM3, valveOpen(), tamperEvents, true);
    }
}
