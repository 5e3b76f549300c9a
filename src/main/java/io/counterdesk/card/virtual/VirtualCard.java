package io.counterdesk.card.virtual;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * One emulated card, the same behind every transport (vpcd for the real pcscd, the in-process
 * simulated readers of demo mode, the simulated meter): either an SLE4442 memory card as an
 * ACS-style reader presents it, or the CPU card of {@code docs/card-layout.md}.
 *
 * <p>SLE4442: 256 bytes; 0x00–0x1F are the manufacturer's area, write-protected; the PSC error
 * counter starts at 07 and loses one bit per wrong presentation (07 → 03 → 01 → 00 = locked); a
 * right presentation sets it back to 07 and unlocks writes and the PSC change until the next power
 * cycle or card-type selection. Like the chip, it ignores updates while locked and the reader
 * still answers 90 00: only a read-back tells.
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

    /** A fresh SLE4442 as it comes from the factory: user memory all FF, PSC FF FF FF, counter 07. */
    public static VirtualCard sle4442() {
        return new VirtualCard(Kind.SLE4442);
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

    /** The SLE4442 PSC error counter: 07, 03, 01 or 00. */
    public synchronized int pscErrorCounter() {
        requireSle4442();
        return errorCounter;
    }

    public synchronized void pscErrorCounter(int counter) {
        requireSle4442();
        if (counter != 0x07 && counter != 0x03 && counter != 0x01 && counter != 0x00) {
            throw new IllegalArgumentException("an SLE4442 error counter is 07, 03, 01 or 00");
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

    /** Counts only memory updates, as {@link #tearUpdate} does. */
    static boolean isUpdate(byte[] apdu) {
        return apdu.length > 4 && (apdu[1] & 0xFF) == 0xD6;
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

    // ---- SLE4442 behind an ACS-style reader ----

    private byte[] sle4442(byte[] apdu, int writeLimit) {
        if ((apdu[0] & 0xFF) != 0xFF) {
            return sw(0x6E00);
        }
        int ins = apdu[1] & 0xFF;
        int p1 = apdu[2] & 0xFF;
        int p2 = apdu[3] & 0xFF;
        byte[] data = data(apdu);
        if (ins == 0xA4) {
            if (data.length != 1 || data[0] != 0x06) {
                return sw(0x6A81);
            }
            typeSelected = true;
            unlocked = false;
            return SW_OK.clone();
        }
        if (!typeSelected) {
            return sw(0x6985);
        }
        return switch (ins) {
            case 0xB0 -> {
                int length = le(apdu);
                if (p1 != 0 || p2 + length > MEMORY_SIZE) {
                    yield sw(0x6B00);
                }
                yield withOk(Arrays.copyOfRange(memory, p2, p2 + length));
            }
            case 0xB1 -> withOk(new byte[] {(byte) errorCounter, 0, 0, 0});
            case 0x20 -> {
                if (data.length != 3) {
                    yield sw(0x6700);
                }
                yield presentPsc(data);
            }
            case 0xD6 -> {
                if (p1 != 0 || data.length == 0 || p2 + data.length > MEMORY_SIZE) {
                    yield sw(0x6B00);
                }
                int written = Math.min(data.length, writeLimit);
                for (int i = 0; i < written; i++) {
                    if (unlocked && p2 + i >= PROTECTED_END) {
                        memory[p2 + i] = data[i];
                    }
                }
                yield SW_OK.clone();
            }
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

    private byte[] presentPsc(byte[] presented) {
        if (errorCounter == 0) {
            return new byte[] {(byte) 0x90, 0x00};
        }
        errorCounter >>= 1;
        if (Arrays.equals(presented, psc)) {
            errorCounter = 0x07;
            unlocked = true;
        }
        return new byte[] {(byte) 0x90, (byte) errorCounter};
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
