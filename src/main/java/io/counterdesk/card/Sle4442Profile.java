package io.counterdesk.card;

import java.util.Arrays;
import java.util.List;
import javax.smartcardio.ATR;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * The SLE4442 memory card (256 bytes, 3-byte PSC with a 3-try error counter) behind a reader with
 * ACS-style pseudo-APDUs (ACR38/ACR39 reference manuals, "Memory Card – SLE 4432/4442/5532/5542"):
 * {@code FF A4 00 00 01 06} select card type, {@code FF B0 00 addr len} read, {@code FF B1 00 00 04}
 * read the PSC error counter, {@code FF 20 00 00 03 psc} present the PSC (SW 90 xx, xx = the error
 * counter after the presentation, 07 = accepted), {@code FF D6 00 addr len data} update,
 * {@code FF D2 00 01 03 psc} change the PSC.
 *
 * <p>The error counter is read before every presentation, and no PSC is presented while fewer
 * than two tries remain: one wrong presentation can never lock a card.
 */
final class Sle4442Profile extends LayoutProfile {

    static final String ID = "sle4442";

    /** Historical bytes of the ATR readers report for SLE4442/5542 (the chip's ATR header). */
    private static final List<byte[]> HISTORICAL = List.of(
            new byte[] {(byte) 0xA2, 0x13, 0x10, (byte) 0x91},
            new byte[] {(byte) 0x92, 0x23, 0x10, (byte) 0x91});

    private static final int CLA = 0xFF;
    private static final int SLE4442_TYPE = 0x06;
    private static final int PSC_ACCEPTED = 0x07;
    private static final int MIN_TRIES_TO_PRESENT = 2;

    Sle4442Profile(CardKeys keys) {
        super(keys);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean matches(ATR atr) {
        byte[] historical = atr.getHistoricalBytes();
        return HISTORICAL.stream().anyMatch(known -> Arrays.equals(known, historical));
    }

    @Override
    int prepare(CardIo io) {
        io.sendOk(new CommandAPDU(CLA, 0xA4, 0x00, 0x00, new byte[] {SLE4442_TYPE}), "select card type");
        return triesLeft(errorCounter(io));
    }

    @Override
    byte[] readUser(CardIo io) {
        ResponseAPDU response = io.sendOk(
                new CommandAPDU(CLA, 0xB0, 0x00, CardLayout.SLE4442_START, CardLayout.USER_SIZE), "read memory");
        byte[] data = response.getData();
        // some ACS readers append the 4 protection-memory bytes to every read
        if (data.length != CardLayout.USER_SIZE && data.length != CardLayout.USER_SIZE + 4) {
            throw io.failed("read memory returned " + data.length + " bytes", response);
        }
        return Arrays.copyOf(data, CardLayout.USER_SIZE);
    }

    @Override
    void writeUser(CardIo io, CardLayout.Chunk chunk) {
        io.changeOk(new CommandAPDU(CLA, 0xD6, 0x00, CardLayout.SLE4442_START + chunk.offset(), chunk.bytes()),
                "update memory");
    }

    /**
     * An issued card has the PSC derived from its serial. A blank card has the factory PSC, unless
     * an issue was interrupted after its PSC was changed: then the derived PSC of the serial being
     * issued opens it.
     */
    @Override
    void unlock(CardIo io, CardContent current, CardImage next) {
        byte[] derived = keys.psc(next.serial());
        List<byte[]> candidates = current.image().isPresent() ? List.of(derived) : List.of(CardKeys.FACTORY_PSC, derived);
        int tries = triesLeft(errorCounter(io));
        for (byte[] psc : candidates) {
            if (tries < MIN_TRIES_TO_PRESENT) {
                throw new CardException(CardException.Reason.PSC_LOCK_RISK, "card.pscLockRisk", tries);
            }
            int counter = present(io, psc);
            if (counter == PSC_ACCEPTED) {
                if (psc != derived) {
                    io.changeOk(new CommandAPDU(CLA, 0xD2, 0x00, 0x01, derived), "change PSC");
                    if (present(io, derived) != PSC_ACCEPTED) {
                        throw new CardException(CardException.Reason.WRITE_UNCERTAIN,
                                new IllegalStateException("new PSC not accepted"), "card.writeUncertain");
                    }
                }
                return;
            }
            tries = triesLeft(counter);
        }
        throw new CardException(CardException.Reason.PSC_REFUSED, "card.pscRefused", tries);
    }

    private static int present(CardIo io, byte[] psc) {
        ResponseAPDU response = io.send(new CommandAPDU(CLA, 0x20, 0x00, 0x00, psc));
        if (response.getSW1() != 0x90) {
            throw io.failed("present PSC", response);
        }
        return response.getSW2();
    }

    private static int errorCounter(CardIo io) {
        ResponseAPDU response = io.sendOk(new CommandAPDU(CLA, 0xB1, 0x00, 0x00, 4), "read error counter");
        if (response.getData().length < 1) {
            throw io.failed("read error counter returned no data", response);
        }
        return response.getData()[0] & 0xFF;
    }

    /** 07 → 3, 03 → 2, 01 → 1, 00 → 0: one bit per try left. */
    static int triesLeft(int errorCounter) {
        return Integer.bitCount(errorCounter & 0x07);
    }
}
