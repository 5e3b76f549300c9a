package io.counterdesk.card.virtual;

import io.counterdesk.card.ReaderDialect;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * One emulated card, the same behind every transport (vpcd for the real pcscd, the in-process
 * simulated readers of demo mode, the simulated meter): either an SLE4442 memory card as a reader
 * of one {@link ReaderDialect} presents it, or the CPU card of {@code docs/card-layout.md}.
 *
 * <p>SLE4442: 256 bytes; 0x00–0x1F are the manufacturer's area, write-protected; the PSC error
 * counter starts at 07 and loses one bit per wrong presentation — which bit is the chip's
 * ({@link CounterBits}: 07 → 03 → 01 → 00, or 07 → 06 → 04 → 00); 00 = locked; a right
 * presentation sets it back to 07 and unlocks writes and the PSC change until the next power cycle
 * or card-type selection.
 *
 * <p>The reader's side answers as the reader's manual says (every rule cited in
 * {@code docs/card-layout.md}, "Reader dialects"):
 * <ul>
 *   <li>{@link ReaderDialect#ACS}: the pseudo-APDUs of ACS's ACR38x (CCID) reference manual v6.04
 *       §9.3.6 (SLE 4432/4442/5532/5542), answered exactly in its response formats; an instruction the
 *       reader does not have (UPDATE BINARY {@code FF D6} among them) answers {@code 6D 00}, a class
 *       other than {@code FF} {@code 6E 00}. A write while the PSC is not presented answers
 *       {@code 90 00} — the manual gives no other answer, and the chip ignores it: only a read-back
 *       tells.</li>
 *   <li>{@link ReaderDialect#PCSC_PART3}: READ BINARY {@code FF B0}, UPDATE BINARY {@code FF D6}
 *       (before VERIFY: {@code 69 82}, security status not satisfied), VERIFY {@code FF 20 00 00 03 psc}
 *       ({@code 90 00}; wrong: {@code 63 Cx}, x tries left; locked: {@code 69 83}); VERIFY without data
 *       tells the tries left ({@code 63 Cx}) without spending one. Anything else: {@code 6D 00}.</li>
 * </ul>
 *
 * <p>Memory, PSC and counter can be read and set directly for tests (forge a byte, preset the
 * counter), and a loss of contact can be planned at a given command, tearing an update after a
 * given number of bytes. Thread-safe.
 */
public final class VirtualCard {

    /** What the card is. */
    public enum Kind {
        SLE4442,
        CPU
    }

    /** Which bit of the SLE4442's error counter a wrong presentation clears: chips differ. */
    public enum CounterBits {
        /** 07 → 03 → 01 → 00 (the highest set bit first). */
        HIGH_FIRST,
        /** 07 → 06 → 04 → 00 (the lowest set bit first). */
        LOW_FIRST;

        int afterWrongTry(int counter) {
            return this == HIGH_FIRST ? counter >> 1 : counter & (counter - 1);
        }

        boolean isState(int counter) {
            return switch (counter) {
                case 0x07, 0x00 -> true;
                case 0x03, 0x01 -> this == HIGH_FIRST;
                case 0x06, 0x04 -> this == LOW_FIRST;
                default -> false;
            };
        }
    }

    /** The ATR an ACS reader reports for an SLE4442: 4 historical bytes, the chip's ATR header. */
    static final byte[] SLE4442_ATR = hex("3B04A2131091");
    /** A T=0 ATR with the historical bytes "CDGAS1". */
    static final byte[] CPU_ATR = hex("3B06434447415331");
    static final byte[] CPU_AID = hex("F0434447415301");
    static final int RECORDS_FILE = 0x0A01;
    static final int METER_FILE = 0x0A02;

    private static final int MEMORY_SIZE = 256;
    private static final int PROTECTED_END = 0x20;
    private static final int RECORDS_FILE_SIZE = 192;
    private static final int METER_FILE_SIZE = 32;
    private static final int USER_SIZE = MEMORY_SIZE - PROTECTED_END;

    private static final byte[] SW_OK = {(byte) 0x90, 0x00};

    private final Kind kind;
    private final byte[] memory;
    private final byte[] records;
    private final byte[] meterFile;
    private byte[] psc = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    private int errorCounter = 0x07;
    private ReaderDialect dialect = ReaderDialect.ACS;
    private CounterBits counterBits = CounterBits.HIGH_FIRST;
    /** Protection bits of bytes 0x00–0x1F, bit i for byte i: 0 = write-protected (the manufacturer's area). */
    private int protectionBits;
    /** Instructions the reader refuses outright, with the status word it answers (a test's hand). */
    private final java.util.Map<Integer, Integer> refused = new java.util.HashMap<>();

    private boolean powered;
    private boolean typeSelected;
    private boolean unlocked;
    private boolean applicationSelected;
    private int currentFile = -1;

    private int commands;
    private Predicate<byte[]> lossFilter;
    private int lossCountdown;
    private int lossBytes;

    private VirtualCard(Kind kind) {
        this.kind = kind;
        this.memory = new byte[kind == Kind.SLE4442 ? MEMORY_SIZE : 0];
        this.records = new byte[kind == Kind.CPU ? RECORDS_FILE_SIZE : 0];
        this.meterFile = new byte[kind == Kind.CPU ? METER_FILE_SIZE : 0];
        Arrays.fill(memory, (byte) 0xFF);
        Arrays.fill(records, (byte) 0xFF);
        Arrays.fill(meterFile, (byte) 0xFF);
        if (kind == Kind.SLE4442) {
            System.arraycopy(SLE4442_ATR, 2, memory, 0, 4);
            byte[] chipId = new byte[4];
            new SecureRandom().nextBytes(chipId);
            System.arraycopy(chipId, 0, memory, 0x15, 4);
            Arrays.fill(memory, 0x04, 0x15, (byte) 0x00);
        }
    }

    /**
     * A fresh SLE4442 as it comes from the factory (user memory all FF, PSC FF FF FF, counter 07),
     * behind an ACS reader, its counter clearing the highest bit first.
     */
    public static VirtualCard sle4442() {
        return new VirtualCard(Kind.SLE4442);
    }

    /** A fresh SLE4442 behind a reader of {@code dialect}, its error counter in {@code bits} order. */
    public static VirtualCard sle4442(ReaderDialect dialect, CounterBits bits) {
        VirtualCard card = new VirtualCard(Kind.SLE4442);
        card.dialect = dialect;
        card.counterBits = bits;
        return card;
    }

    /** The reader the SLE4442 sits in (the same chip answers differently behind another reader family). */
    public synchronized ReaderDialect readerDialect() {
        return dialect;
    }

    public synchronized void readerDialect(ReaderDialect readerDialect) {
        requireSle4442();
        this.dialect = java.util.Objects.requireNonNull(readerDialect);
    }

    public synchronized CounterBits counterBits() {
        return counterBits;
    }

    /** A fresh CPU card personalised with the CounterDesk application, its files all FF. */
    public static VirtualCard cpu() {
        return new VirtualCard(Kind.CPU);
    }

    public Kind kind() {
        return kind;
    }

    public byte[] atr() {
        return (kind == Kind.SLE4442 ? SLE4442_ATR : CPU_ATR).clone();
    }

    /** Power on (insertion, or a reader's cold reset): nothing is selected or unlocked. */
    public synchronized void powerOn() {
        powered = true;
        resetSession();
    }

    public synchronized void powerOff() {
        powered = false;
        resetSession();
    }

    /** Warm reset: as power on. */
    public synchronized void reset() {
        powerOn();
    }

    /**
     * Answers one command APDU.
     *
     * @throws LostContact when a planned loss of contact happens at this command: no answer
     */
    public synchronized byte[] process(byte[] apdu) {
        commands++;
        boolean lose = false;
        if (lossFilter != null && lossFilter.test(apdu) && --lossCountdown == 0) {
            lossFilter = null;
            lose = true;
        }
        if (!powered) {
            return sw(0x6F00);
        }
        if (apdu.length < 4) {
            return sw(0x6700);
        }
        byte[] response = kind == Kind.SLE4442 ? sle4442(apdu, lose ? lossBytes : Integer.MAX_VALUE)
                : cpu(apdu, lose ? lossBytes : Integer.MAX_VALUE);
        if (lose) {
            powered = false;
            resetSession();
            throw new LostContact();
        }
        return response;
    }

    // ---- for tests and the demo ----

    /** The 224 bytes of the card layout: SLE4442 0x20–0xFF, or the CPU card's two files one after the other. */
    public synchronized byte[] userArea() {
        if (kind == Kind.SLE4442) {
            return Arrays.copyOfRange(memory, PROTECTED_END, MEMORY_SIZE);
        }
        byte[] user = Arrays.copyOf(records, USER_SIZE);
        System.arraycopy(meterFile, 0, user, RECORDS_FILE_SIZE, METER_FILE_SIZE);
        return user;
    }

    /** Sets user-area bytes directly, past every protection (a forger's or a test's hand). */
    public synchronized void poke(int userOffset, byte... bytes) {
        if (userOffset < 0 || userOffset + bytes.length > USER_SIZE) {
            throw new IllegalArgumentException("outside the user area");
        }
        for (int i = 0; i < bytes.length; i++) {
            int offset = userOffset + i;
            if (kind == Kind.SLE4442) {
                memory[PROTECTED_END + offset] = bytes[i];
            } else if (offset < RECORDS_FILE_SIZE) {
                records[offset] = bytes[i];
            } else {
                meterFile[offset - RECORDS_FILE_SIZE] = bytes[i];
            }
        }
    }

    /** The whole SLE4442 memory, manufacturer's area included. */
    public synchronized byte[] memory() {
        requireSle4442();
        return memory.clone();
    }

    /** The SLE4442 PSC error counter: 07, then 03/01 or 06/04 by {@link #counterBits()}, 00 = locked. */
    public synchronized int pscErrorCounter() {
        requireSle4442();
        return errorCounter;
    }

    public synchronized void pscErrorCounter(int counter) {
        requireSle4442();
        if (!counterBits.isState(counter)) {
            throw new IllegalArgumentException("this SLE4442's error counter is 07, "
                    + (counterBits == CounterBits.HIGH_FIRST ? "03, 01" : "06, 04") + " or 00");
        }
        this.errorCounter = counter;
    }

    public synchronized byte[] psc() {
        requireSle4442();
        return psc.clone();
    }

    public synchronized void psc(byte[] newPsc) {
        requireSle4442();
        if (newPsc.length != 3) {
            throw new IllegalArgumentException("the PSC has 3 bytes");
        }
        this.psc = newPsc.clone();
    }

    /** Command APDUs answered so far. */
    public synchronized int commandCount() {
        return commands;
    }

    /** Loses contact at the {@code n}-th command from now (1 = the next), before answering it. */
    public synchronized void loseContactAtCommand(int n) {
        planLoss(apdu -> true, n, 0);
    }

    /**
     * Loses contact during the {@code n}-th memory update from now (1 = the next): only its first
     * {@code bytesWritten} bytes reach the memory, and it is not answered.
     */
    public synchronized void tearUpdate(int n, int bytesWritten) {
        planLoss(VirtualCard::isUpdate, n, bytesWritten);
    }

    /**
     * Loses contact during the {@code n}-th PSC presentation from now (1 = the next): the chip has
     * cleared its counter bit but not yet compared and erased it — a card pulled at that moment
     * keeps one try fewer, whatever PSC was presented.
     */
    public synchronized void tearPresentation(int n) {
        planLoss(apdu -> apdu.length > 5 && (apdu[1] & 0xFF) == 0x20, n, 0);
    }

    /**
     * Loses contact right after the {@code n}-th command with instruction {@code ins} from now was
     * carried out: the card did it, the answer never comes (a card pulled after a PSC change …).
     */
    public synchronized void loseAnswer(int ins, int n) {
        planLoss(apdu -> apdu.length > 1 && (apdu[1] & 0xFF) == ins, n, Integer.MAX_VALUE);
    }

    /**
     * From now on the reader answers {@code sw} to instruction {@code ins} without passing it to the
     * chip, as a reader without that command (or firmware that refuses it) does.
     */
    public synchronized void refuse(int ins, int sw) {
        refused.put(ins, sw);
    }

    /** Counts only memory updates (WRITE_MEMORY_CARD {@code D0} or UPDATE BINARY {@code D6}), as {@link #tearUpdate} does. */
    static boolean isUpdate(byte[] apdu) {
        return apdu.length > 4 && ((apdu[1] & 0xFF) == 0xD6 || (apdu[1] & 0xFF) == 0xD0);
    }

    private void planLoss(Predicate<byte[]> filter, int n, int bytesWritten) {
        if (n < 1 || bytesWritten < 0) {
            throw new IllegalArgumentException("n >= 1, bytes >= 0");
        }
        lossFilter = filter;
        lossCountdown = n;
        lossBytes = bytesWritten;
    }

    /** The card stopped answering: pulled out, or power lost. Transports treat it as a removal. */
    public static final class LostContact extends RuntimeException {

        private static final long serialVersionUID = 1L;

        LostContact() {
            super("the card lost contact", null, false, false);
        }
    }

    // ---- SLE4442 behind an ACS reader (ACR38x CCID reference manual v6.04, §9.3.6) ----

    private byte[] sle4442(byte[] apdu, int writeLimit) {
        if ((apdu[0] & 0xFF) != 0xFF) {
            return sw(0x6E00);
        }
        Integer refusal = refused.get(apdu[1] & 0xFF);
        if (refusal != null) {
            return sw(refusal);
        }
        return dialect == ReaderDialect.ACS ? acs(apdu, writeLimit) : part3(apdu, writeLimit);
    }

    private byte[] acs(byte[] apdu, int writeLimit) {
        int ins = apdu[1] & 0xFF;
        int p1 = apdu[2] & 0xFF;
        int p2 = apdu[3] & 0xFF;
        byte[] data = data(apdu);
        if (ins == 0xA4) {
            // §9.3.6.1 SELECT_CARD_TYPE FF A4 00 00 01 06 → 90 00
            if (data.length != 1 || data[0] != 0x06) {
                return sw(0x6A81);
            }
            typeSelected = true;
            unlocked = false;
            return SW_OK.clone();
        }
        if (!KNOWN_ACS.contains(ins)) {
            return sw(0x6D00);
        }
        if (!typeSelected) {
            return sw(0x6985);
        }
        return switch (ins) {
            // §9.3.6.2 READ_MEMORY_CARD FF B0 00 addr len → data, 90 00
            case 0xB0 -> p1 != 0 || p2 + le(apdu) > MEMORY_SIZE ? sw(0x6B00) : read(p2, le(apdu));
            // §9.3.6.3 READ_PRESENTATION_ERROR_COUNTER FF B1 00 00 04 → ERRCNT, 3 dummy bytes, 90 00
            case 0xB1 -> withOk(new byte[] {(byte) errorCounter, 0, 0, 0});
            // §9.3.6.4 READ_PROTECTION_BITS FF B2 00 00 04 → PROT 1–4, 90 00
            case 0xB2 -> withOk(new byte[] {(byte) protectionBits, (byte) (protectionBits >> 8),
                (byte) (protectionBits >> 16), (byte) (protectionBits >> 24)});
            // §9.3.6.5 WRITE_MEMORY_CARD FF D0 00 addr len data → 90 00
            case 0xD0 -> p1 != 0 || data.length == 0 || p2 + data.length > MEMORY_SIZE ? sw(0x6B00)
                    : write(p2, data, writeLimit);
            // §9.3.6.6 WRITE_PROTECTION_MEMORY_CARD FF D1 00 addr len data → 90 00
            case 0xD1 -> p1 != 0 || data.length == 0 || p2 + data.length > PROTECTED_END ? sw(0x6B00)
                    : protect(p2, data);
            // §9.3.6.7 PRESENT_CODE_MEMORY_CARD FF 20 00 00 03 code → 90 ErrorCnt
            case 0x20 -> data.length != 3 ? sw(0x6700) : new byte[] {(byte) 0x90, (byte) presentPsc(data, writeLimit)};
            // §9.3.6.8 CHANGE_CODE_MEMORY_CARD FF D2 00 01 03 code → 90 00
            case 0xD2 -> {
                if (data.length != 3 || p2 != 0x01) {
                    yield sw(0x6700);
                }
                if (unlocked && writeLimit >= 3) {
                    psc = data.clone();
                }
                yield SW_OK.clone();
            }
            default -> sw(0x6D00);
        };
    }

    private static final java.util.Set<Integer> KNOWN_ACS = java.util.Set.of(0xB0, 0xB1, 0xB2, 0xD0, 0xD1, 0x20, 0xD2);

    /** SLE4442 behind a reader with PC/SC Part 3 storage-card commands. */
    private byte[] part3(byte[] apdu, int writeLimit) {
        int ins = apdu[1] & 0xFF;
        int p1 = apdu[2] & 0xFF;
        int p2 = apdu[3] & 0xFF;
        byte[] data = data(apdu);
        return switch (ins) {
            case 0xB0 -> p1 != 0 || p2 + le(apdu) > MEMORY_SIZE ? sw(0x6B00) : read(p2, le(apdu));
            case 0xD6 -> {
                if (p1 != 0 || data.length == 0 || p2 + data.length > MEMORY_SIZE) {
                    yield sw(0x6B00);
                }
                yield unlocked ? write(p2, data, writeLimit) : sw(0x6982);
            }
            case 0x20 -> {
                int tries = Integer.bitCount(errorCounter);
                if (apdu.length <= 5) {
                    yield sw(0x63C0 | tries);
                }
                if (data.length != 3) {
                    yield sw(0x6700);
                }
                if (errorCounter == 0) {
                    yield sw(0x6983);
                }
                int after = presentPsc(data, writeLimit);
                yield after == 0x07 ? SW_OK.clone() : sw(0x63C0 | Integer.bitCount(after));
            }
            default -> sw(0x6D00);
        };
    }

    private byte[] read(int address, int length) {
        return withOk(Arrays.copyOfRange(memory, address, address + length));
    }

    /** Writes what the chip takes: nothing while locked, never the protected bytes; the reader says 90 00. */
    private byte[] write(int address, byte[] data, int writeLimit) {
        int written = Math.min(data.length, writeLimit);
        for (int i = 0; i < written; i++) {
            int at = address + i;
            if (unlocked && (at >= PROTECTED_END || (protectionBits & (1 << at)) != 0)) {
                memory[at] = data[i];
            }
        }
        return SW_OK.clone();
    }

    /** Protects each byte that matches the data (the chip compares; only while unlocked). */
    private byte[] protect(int address, byte[] data) {
        for (int i = 0; i < data.length; i++) {
            if (unlocked && memory[address + i] == data[i]) {
                protectionBits &= ~(1 << (address + i));
            }
        }
        return SW_OK.clone();
    }

    /**
     * The chip's presentation: clear one counter bit, compare, erase the counter on a match. A
     * presentation torn after its first step ({@code writeLimit} 0) leaves the bit cleared.
     * Returns the counter after.
     */
    private int presentPsc(byte[] presented, int writeLimit) {
        if (errorCounter == 0) {
            return 0;
        }
        errorCounter = counterBits.afterWrongTry(errorCounter);
        if (writeLimit > 0 && Arrays.equals(presented, psc)) {
            errorCounter = 0x07;
            unlocked = true;
        }
        return errorCounter;
    }

    // ---- CPU card, ISO 7816-4 ----

    private byte[] cpu(byte[] apdu, int writeLimit) {
        if (apdu[0] != 0x00) {
            return sw(0x6E00);
        }
        int ins = apdu[1] & 0xFF;
        int p1 = apdu[2] & 0xFF;
        byte[] data = data(apdu);
        return switch (ins) {
            case 0xA4 -> select(p1, data);
            case 0xB0, 0xD6 -> {
                byte[] file = currentFile();
                if (file == null) {
                    yield sw(0x6986);
                }
                int offset = offset(apdu);
                if ((p1 & 0x80) != 0 || offset >= file.length) {
                    yield sw(0x6B00);
                }
                yield ins == 0xB0 ? readBinary(file, offset, le(apdu)) : updateBinary(file, offset, data, writeLimit);
            }
            default -> sw(0x6D00);
        };
    }

    private static byte[] readBinary(byte[] file, int offset, int wanted) {
        int available = Math.min(wanted, file.length - offset);
        byte[] out = Arrays.copyOfRange(file, offset, offset + available);
        return available < wanted ? concat(out, sw(0x6282)) : withOk(out);
    }

    private static byte[] updateBinary(byte[] file, int offset, byte[] data, int writeLimit) {
        if (data.length == 0 || offset + data.length > file.length) {
            return sw(0x6700);
        }
        System.arraycopy(data, 0, file, offset, Math.min(data.length, writeLimit));
        return SW_OK.clone();
    }

    private byte[] select(int p1, byte[] data) {
        if (p1 == 0x04) {
            if (!Arrays.equals(data, CPU_AID)) {
                return sw(0x6A82);
            }
            applicationSelected = true;
            currentFile = -1;
            return SW_OK.clone();
        }
        if (p1 == 0x00 || p1 == 0x02) {
            int fileId = data.length == 2 ? ((data[0] & 0xFF) << 8) | (data[1] & 0xFF) : -1;
            if (!applicationSelected || (fileId != RECORDS_FILE && fileId != METER_FILE)) {
                return sw(0x6A82);
            }
            currentFile = fileId;
            return SW_OK.clone();
        }
        return sw(0x6A86);
    }

    private byte[] currentFile() {
        if (currentFile == RECORDS_FILE) {
            return records;
        }
        return currentFile == METER_FILE ? meterFile : null;
    }

    // ---- helpers ----

    private void resetSession() {
        typeSelected = false;
        unlocked = false;
        applicationSelected = false;
        currentFile = -1;
    }

    private void requireSle4442() {
        if (kind != Kind.SLE4442) {
            throw new IllegalStateException("only an SLE4442 has this");
        }
    }

    /** The command data of a short APDU (case 3 or 4), or none. */
    private static byte[] data(byte[] apdu) {
        if (apdu.length <= 5) {
            return new byte[0];
        }
        int lc = apdu[4] & 0xFF;
        return Arrays.copyOfRange(apdu, 5, Math.min(apdu.length, 5 + lc));
    }

    /** Le of a case 2 APDU (0 = 256); 256 when absent. */
    private static int le(byte[] apdu) {
        if (apdu.length != 5) {
            return 256;
        }
        int le = apdu[4] & 0xFF;
        return le == 0 ? 256 : le;
    }

    private static int offset(byte[] apdu) {
        return ((apdu[2] & 0x7F) << 8) | (apdu[3] & 0xFF);
    }

    private static byte[] withOk(byte[] data) {
        return concat(data, SW_OK);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] sw(int sw) {
        return new byte[] {(byte) (sw >> 8), (byte) sw};
    }

    static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }
}
