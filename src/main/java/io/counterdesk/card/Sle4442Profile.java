package io.counterdesk.card;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.smartcardio.ATR;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * The SLE4442 memory card (256 bytes, 3-byte PSC with a 3-try error counter) behind a reader of
 * one {@link ReaderDialect}: the commands are the reader's, taken from its manual (table and
 * citations in {@code docs/card-layout.md}).
 * <ul>
 *   <li>ACS (ACR38x CCID reference manual v6.04 §9.3.6; the same in ACR39x v1.03 and ACR1281U):
 *       {@code FF A4 00 00 01 06} select card type, {@code FF B0 00 addr len} read,
 *       {@code FF B1 00 00 04} read the error counter, {@code FF 20 00 00 03 psc} present the PSC
 *       (SW {@code 90 xx}, xx = the error counter after it, 07 = accepted),
 *       {@code FF D0 00 addr len data} write, {@code FF D2 00 01 03 psc} change the PSC.</li>
 *   <li>PC/SC Part 3 storage-card commands: {@code FF B0} READ BINARY, {@code FF D6} UPDATE BINARY,
 *       {@code FF 20 00 00 03 psc} VERIFY ({@code 90 00}; {@code 63 Cx} = refused, x tries left);
 *       VERIFY without data asks the tries left without spending one. There is no PSC change: such a
 *       reader cannot issue a blank card (refused before anything is written).</li>
 * </ul>
 *
 * <p>The PSC is never put at risk: exactly one PSC is presented per write — the one this card must
 * have by its own bytes (an issued card or a blank card carrying the {@linkplain CardLayout#issueMark
 * issue mark} of its serial: the derived PSC; an unmarked blank card: the factory PSC) — and only
 * while at least 2 tries remain. Nothing is probed: a second guess after a refusal would leave
 * fewer than 2 tries.
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
    /** Tries that must remain before a PSC is presented: a wrong one then still leaves one the program never uses. */
    static final int MIN_TRIES_TO_PRESENT = 2;
    /** The answer of a Part 3 reader that cannot say the tries left. */
    static final int TRIES_UNKNOWN = -1;

    private final ReaderDialect dialect;

    Sle4442Profile(CardKeys keys, ReaderDialect dialect) {
        super(keys);
        this.dialect = Objects.requireNonNull(dialect);
    }

    @Override
    public String id() {
        return ID;
    }

    ReaderDialect dialect() {
        return dialect;
    }

    @Override
    public boolean matches(ATR atr) {
        byte[] historical = atr.getHistoricalBytes();
        return HISTORICAL.stream().anyMatch(known -> Arrays.equals(known, historical));
    }

    @Override
    int prepare(CardIo io) {
        if (dialect == ReaderDialect.ACS) {
            io.sendOk(new CommandAPDU(CLA, 0xA4, 0x00, 0x00, new byte[] {SLE4442_TYPE}), "select card type");
        }
        return triesLeft(io);
    }

    @Override
    byte[] readUser(CardIo io) {
        ResponseAPDU response = io.sendOk(
                new CommandAPDU(CLA, 0xB0, 0x00, CardLayout.SLE4442_START, CardLayout.USER_SIZE), "read memory");
        byte[] data = response.getData();
        // the non-CCID ACR38 firmware appends the 4 protection-memory bytes to every read (ACR38x v6.02 §9.2.2.6.1)
        if (data.length != CardLayout.USER_SIZE && data.length != CardLayout.USER_SIZE + 4) {
            throw io.failed("read memory returned " + data.length + " bytes", response);
        }
        return Arrays.copyOf(data, CardLayout.USER_SIZE);
    }

    @Override
    void writeUser(CardIo io, CardLayout.Chunk chunk) {
        int ins = dialect == ReaderDialect.ACS ? 0xD0 : 0xD6;
        io.changeOk(new CommandAPDU(CLA, ins, 0x00, CardLayout.SLE4442_START + chunk.offset(), chunk.bytes()),
                dialect == ReaderDialect.ACS ? "write memory card" : "update binary");
    }

    /**
     * Presents the one PSC this card must have. An issued card, or a blank one marked with the
     * serial being issued (an issue cut after its mark: the PSC may already be changed), gets the
     * PSC derived from its serial. An unmarked blank card still has the factory PSC: it is
     * presented, the card marked, the PSC changed to the derived one and that presented to confirm.
     */
    @Override
    void unlock(CardIo io, CardContent current, CardImage next) {
        byte[] derived = keys.psc(next.serial());
        boolean fresh = current.image().isEmpty() && !CardLayout.marked(current.raw(), next.serial());
        if (fresh && dialect == ReaderDialect.PCSC_PART3) {
            throw new CardException(CardException.Reason.NOT_WRITTEN, "card.notWritten.cannotIssue");
        }
        int tries = triesLeft(io);
        if (tries == TRIES_UNKNOWN) {
            throw new CardException(CardException.Reason.PSC_LOCK_RISK, "card.pscTriesUnknown");
        }
        if (tries < MIN_TRIES_TO_PRESENT) {
            throw new CardException(CardException.Reason.PSC_LOCK_RISK, "card.pscLockRisk", tries);
        }
        byte[] psc = fresh ? CardKeys.FACTORY_PSC : derived;
        int after = present(io, psc);
        if (after != PSC_ACCEPTED) {
            throw new CardException(CardException.Reason.PSC_REFUSED,
                    current.image().isPresent() ? "card.pscRefused" : "card.pscRefused.blank", triesLeft(after));
        }
        if (fresh) {
            writeUser(io, CardLayout.issueMark(next.serial()));
            io.changeOk(new CommandAPDU(CLA, 0xD2, 0x00, 0x01, derived), "change PSC");
            if (present(io, derived) != PSC_ACCEPTED) {
                throw new CardException(CardException.Reason.WRITE_UNCERTAIN,
                        new IllegalStateException("new PSC not accepted"), "card.writeUncertain");
            }
        }
    }

    /** Presents a PSC; the error counter after it (07 = accepted). */
    private int present(CardIo io, byte[] psc) {
        ResponseAPDU response = io.send(new CommandAPDU(CLA, 0x20, 0x00, 0x00, psc));
        if (dialect == ReaderDialect.ACS) {
            // CCID firmware (ACR38x CCID v6.04 §9.3.6.7, ACR33U v1.02 §8.3.6.7): SW1 = 90, SW2 = the
            // error counter. The older ACR38 firmware (ACR38 manual v1.9 §8.2.7.5) answers ERRCNT and
            // the 3 code bytes as data, then 90 00: the counter is then the first data byte.
            if (response.getSW1() != 0x90) {
                throw io.failed("present PSC", response);
            }
            return response.getData().length > 0 ? response.getData()[0] & 0xFF : response.getSW2();
        }
        if (response.getSW() == CardIo.SW_OK) {
            return PSC_ACCEPTED;
        }
        if ((response.getSW() & 0xFFF0) == 0x63C0) {
            return (1 << (response.getSW2() & 0x0F)) - 1;
        }
        if (response.getSW() == 0x6983) {
            return 0;
        }
        throw io.failed("verify", response);
    }

    /** The tries left before a presentation, or {@link #TRIES_UNKNOWN} from a Part 3 reader that cannot tell. */
    private int triesLeft(CardIo io) {
        if (dialect == ReaderDialect.ACS) {
            ResponseAPDU response = io.sendOk(new CommandAPDU(CLA, 0xB1, 0x00, 0x00, 4), "read error counter");
            if (response.getData().length < 1) {
                throw io.failed("read error counter returned no data", response);
            }
            return triesLeft(response.getData()[0] & 0xFF);
        }
        // ISO 7816-4 VERIFY with no data field: 63 Cx = x tries left, none spent
        ResponseAPDU response = io.send(new CommandAPDU(CLA, 0x20, 0x00, 0x00));
        if ((response.getSW() & 0xFFF0) == 0x63C0) {
            return Math.min(3, response.getSW2() & 0x0F);
        }
        return response.getSW() == 0x6983 ? 0 : TRIES_UNKNOWN;
    }

    /**
     * One bit per try left, whichever bit the chip clears first: 07 → 3; 03 or 06 → 2; 01 or 04 → 1;
     * 00 → 0 (SLE4442 counters go 07 → 03 → 01 → 00 on some chips, 07 → 06 → 04 → 00 on others).
     */
    static int triesLeft(int errorCounter) {
        return Integer.bitCount(errorCounter & 0x07);
    }
}
