package io.counterdesk.card;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The open card layout of docs/card-layout.md: 224 bytes of user memory (SLE4442 addresses
 * 0x20–0xFF; the CPU card keeps the same bytes in two files) holding two record slots sealed by
 * a MAC and two meter slots checked by a CRC. Offsets here are relative to the start of user
 * memory. Pure functions, no I/O: profiles read the bytes, this class decodes them and plans the
 * writes that turn them into another image.
 */
final class CardLayout {

    /** SLE4442 address of user offset 0; 0x00–0x1F is the manufacturer's protected area. */
    static final int SLE4442_START = 0x20;
    static final int USER_SIZE = 224;
    static final int VERSION = 1;

    static final int RECORD_SIZE = 96;
    static final int RECORDS_SIZE = 2 * RECORD_SIZE;
    static final int METER_SIZE = 16;
    static final int METER_START = RECORDS_SIZE;

    /** Record fields, relative to the slot. */
    static final int R_VERSION = 0;
    static final int R_SEQUENCE = 1;
    static final int R_STATE = 5;
    static final int R_SERIAL = 6;
    static final int R_UTILITY = 14;
    static final int R_AREA = 16;
    static final int R_ACCOUNT = 18;
    static final int ACCOUNT_LENGTH = 20;
    static final int R_METER_NO = 38;
    static final int METER_NO_LENGTH = 30;
    static final int R_PURCHASES = 68;
    static final int R_LAST_PURCHASE = 72;
    static final int R_CUMULATIVE = 76;
    static final int R_REISSUES = 82;
    static final int R_LOADED = 84;
    static final int R_MAC = 88;

    /** Meter slot fields, relative to the slot. */
    static final int M_SEQUENCE = 0;
    static final int M_REMAINING = 1;
    static final int M_CUMULATIVE_USE = 6;
    static final int M_FLAGS = 11;
    static final int M_TAMPER = 12;
    static final int M_CRC = 14;

    /** Written into the version byte of the record slot a write replaced. */
    static final byte RETIRED = 0x00;

    /** Unchanged bytes between two changed runs up to which the runs go out as one update. */
    private static final int MERGE_GAP = 4;

    private static final long UINT32 = 0xFFFF_FFFFL;
    private static final long UINT40 = 0xFF_FFFF_FFFFL;
    private static final long UINT48 = 0xFFFF_FFFF_FFFFL;

    private CardLayout() {
    }

    /** One update: {@code bytes} at user offset {@code offset}. */
    record Chunk(int offset, byte[] bytes) {

        int end() {
            return offset + bytes.length;
        }
    }

    /**
     * What the user memory holds.
     *
     * @param image      the issued card's content; empty for a blank card
     * @param recordSlot the slot holding the current record, -1 for a blank card
     * @param sequence   the current record's write sequence, 0 for a blank card
     * @param meterSlot  the slot holding the meter's latest figures, -1 when the meter never wrote
     * @param meterSequence that slot's sequence byte
     */
    record Decoded(Optional<CardImage> image, int recordSlot, long sequence, int meterSlot, int meterSequence) {
    }

    /** The user memory of a card fresh from the factory. */
    static byte[] blank() {
        byte[] user = new byte[USER_SIZE];
        Arrays.fill(user, (byte) 0xFF);
        return user;
    }

    /**
     * Reads the card's content.
     *
     * @throws CardException {@code FORGED} when a record or the meter area fails its check and no torn
     *                       write explains it; {@code UNKNOWN_CARD} for memory that is not this layout
     */
    static Decoded decode(byte[] user, CardKeys keys) {
        if (user.length != USER_SIZE) {
            throw new IllegalArgumentException("user memory has " + USER_SIZE + " bytes, not " + user.length);
        }
        int current = -1;
        long sequence = 0;
        for (int slot = 0; slot < 2; slot++) {
            int base = slot * RECORD_SIZE;
            if (!keys.macMatches(user, base, R_MAC, base + R_MAC)) {
                continue;
            }
            if (user[base + R_VERSION] != VERSION) {
                throw new CardException(CardException.Reason.UNKNOWN_CARD, "card.unknown");
            }
            long slotSequence = uint(user, base + R_SEQUENCE, 4);
            if (current >= 0 && slotSequence == sequence
                    && !Arrays.equals(user, base, base + RECORD_SIZE, user, 0, RECORD_SIZE)) {
                throw new CardException(CardException.Reason.FORGED, "card.forged");
            }
            if (current < 0 || slotSequence > sequence) {
                current = slot;
                sequence = slotSequence;
            }
        }
        if (current < 0) {
            // never issued, or an issue cut before its record was sealed: the second slot is still erased
            if (!erased(user, RECORD_SIZE, RECORD_SIZE) || !erased(user, METER_START, 2 * METER_SIZE)) {
                throw oursOrNot(user);
            }
            return new Decoded(Optional.empty(), -1, 0, -1, 0);
        }
        int[] meter = newestMeterSlot(user);
        MeterArea meterArea = meter[0] < 0 ? MeterArea.EMPTY : decodeMeter(user, METER_START + meter[0] * METER_SIZE);
        CardImage image;
        try {
            image = decodeRecord(user, current * RECORD_SIZE, meterArea);
        } catch (IllegalArgumentException sealedButNotOurs) {
            throw new CardException(CardException.Reason.UNKNOWN_CARD, sealedButNotOurs, "card.unknown");
        }
        return new Decoded(Optional.of(image), current, sequence, meter[0], meter[1]);
    }

    /**
     * The updates, in the order they must reach the card, that make {@code user} hold {@code next}:
     * the new record into the other slot (changed bytes only, its MAC last), then the version byte
     * of the slot it replaces retired (at issue: of the still erased second slot, so that an issued
     * card never again looks like one whose issue was cut), then the meter area if
     * {@code next.meter()} differs from the card's.
     * Empty when the card already holds {@code next}.
     */
    static List<Chunk> plan(byte[] user, CardImage next, CardKeys keys) {
        Decoded now = decode(user, keys);
        List<Chunk> chunks = new ArrayList<>();
        boolean recordChanges = now.image().map(image -> !sameRecord(image, next)).orElse(true);
        if (recordChanges) {
            if (now.sequence() == UINT32) {
                throw new IllegalStateException("record sequence exhausted");
            }
            int target = now.recordSlot() < 0 ? 0 : 1 - now.recordSlot();
            byte[] record = encodeRecord(next, now.sequence() + 1, keys);
            int base = target * RECORD_SIZE;
            chunks.addAll(changedRuns(user, base, record, 0, R_MAC));
            chunks.addAll(changedRuns(user, base, record, R_MAC, RECORD_SIZE));
            int other = (1 - target) * RECORD_SIZE;
            if (user[other + R_VERSION] != RETIRED) {
                chunks.add(new Chunk(other + R_VERSION, new byte[] {RETIRED}));
            }
        }
        MeterArea onCard = now.image().map(CardImage::meter).orElse(MeterArea.EMPTY);
        if (!next.meter().equals(onCard)) {
            if (!next.meter().written()) {
                throw new IllegalArgumentException("a meter area once written is never unwritten");
            }
            int target = now.meterSlot() < 0 ? 0 : 1 - now.meterSlot();
            int sequence = now.meterSlot() < 0 ? 0 : (now.meterSequence() + 1) & 0xFF;
            chunks.addAll(changedRuns(user, METER_START + target * METER_SIZE, encodeMeter(next.meter(), sequence), 0,
                    METER_SIZE));
        }
        return chunks;
    }

    /**
     * The issue mark: the serial being issued, in slot A's serial field of a blank card, written
     * with the factory PSC before the PSC is changed. A blank card that carries it may already have
     * the PSC derived from that serial; one that does not certainly still has the factory PSC. The
     * bytes are the first record's own (it goes into slot A), and slot B stays erased, so the card
     * still reads as blank until the record is sealed.
     */
    static Chunk issueMark(String serial) {
        byte[] bcd = new byte[8];
        putSerial(bcd, 0, serial);
        return new Chunk(R_SERIAL, bcd);
    }

    /** Whether the user memory of a blank card carries the {@linkplain #issueMark issue mark} of {@code serial}. */
    static boolean marked(byte[] user, String serial) {
        Chunk mark = issueMark(serial);
        return Arrays.equals(Arrays.copyOfRange(user, mark.offset(), mark.offset() + mark.bytes().length), mark.bytes());
    }

    /** {@code user} with the chunks applied, as the card holds it after a complete write. */
    static byte[] apply(byte[] user, List<Chunk> chunks) {
        byte[] after = user.clone();
        for (Chunk chunk : chunks) {
            System.arraycopy(chunk.bytes(), 0, after, chunk.offset(), chunk.bytes().length);
        }
        return after;
    }

    /** Everything but the meter area, which the meter writes on its own. */
    static boolean sameRecord(CardImage a, CardImage b) {
        return a.equals(withMeter(b, a.meter()));
    }

    static CardImage withMeter(CardImage image, MeterArea meter) {
        return new CardImage(image.serial(), image.utilityCode(), image.areaCode(), image.accountNo(), image.meterNo(),
                image.state(), image.purchaseCount(), image.lastPurchaseM3(), image.cumulativePurchasedM3(),
                image.reissueCount(), image.loaded(), meter);
    }

    static byte[] encodeRecord(CardImage image, long sequence, CardKeys keys) {
        byte[] slot = new byte[RECORD_SIZE];
        slot[R_VERSION] = VERSION;
        put(slot, R_SEQUENCE, 4, sequence, UINT32, "sequence");
        slot[R_STATE] = (byte) (image.state().ordinal() + 1);
        putSerial(slot, R_SERIAL, image.serial());
        put(slot, R_UTILITY, 2, image.utilityCode(), 0xFFFF, "utility code");
        put(slot, R_AREA, 2, image.areaCode(), 0xFFFF, "area code");
        putText(slot, R_ACCOUNT, ACCOUNT_LENGTH, image.accountNo(), "account number");
        putText(slot, R_METER_NO, METER_NO_LENGTH, image.meterNo(), "meter number");
        put(slot, R_PURCHASES, 4, image.purchaseCount(), UINT32, "purchase count");
        put(slot, R_LAST_PURCHASE, 4, image.lastPurchaseM3(), UINT32, "last purchase");
        put(slot, R_CUMULATIVE, 6, image.cumulativePurchasedM3(), UINT48, "cumulative purchases");
        put(slot, R_REISSUES, 2, image.reissueCount(), 0xFFFF, "reissue count");
        slot[R_LOADED] = (byte) (image.loaded() ? 1 : 0);
        System.arraycopy(keys.mac(slot, 0, R_MAC), 0, slot, R_MAC, CardKeys.MAC_LENGTH);
        return slot;
    }

    static byte[] encodeMeter(MeterArea meter, int sequence) {
        byte[] slot = new byte[METER_SIZE];
        slot[M_SEQUENCE] = (byte) sequence;
        put(slot, M_REMAINING, 5, meter.remainingCentiM3(), UINT40, "remaining gas");
        put(slot, M_CUMULATIVE_USE, 5, meter.cumulativeUseCentiM3(), UINT40, "cumulative use");
        slot[M_FLAGS] = (byte) (meter.valveOpen() ? 1 : 0);
        put(slot, M_TAMPER, 2, meter.tamperEvents(), 0xFFFF, "tamper events");
        int crc = crc16(slot, 0, M_CRC);
        slot[M_CRC] = (byte) (crc >>> 8);
        slot[M_CRC + 1] = (byte) crc;
        return slot;
    }

    /** CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection); "123456789" gives 0x29B1. */
    static int crc16(byte[] data, int offset, int length) {
        int crc = 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc ^= (data[i] & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }
        return crc & 0xFFFF;
    }

    private static CardImage decodeRecord(byte[] user, int base, MeterArea meter) {
        int stateCode = user[base + R_STATE] & 0xFF;
        if (stateCode < 1 || stateCode > CardState.values().length) {
            throw new IllegalArgumentException("card state " + stateCode);
        }
        int loaded = user[base + R_LOADED];
        if (loaded != 0 && loaded != 1) {
            throw new IllegalArgumentException("loaded flag " + loaded);
        }
        return new CardImage(serial(user, base + R_SERIAL), (int) uint(user, base + R_UTILITY, 2),
                (int) uint(user, base + R_AREA, 2), text(user, base + R_ACCOUNT, ACCOUNT_LENGTH),
                text(user, base + R_METER_NO, METER_NO_LENGTH), CardState.values()[stateCode - 1],
                Math.toIntExact(uint(user, base + R_PURCHASES, 4)), uint(user, base + R_LAST_PURCHASE, 4),
                uint(user, base + R_CUMULATIVE, 6), (int) uint(user, base + R_REISSUES, 2), loaded == 1, meter);
    }

    private static MeterArea decodeMeter(byte[] user, int base) {
        return new MeterArea(uint(user, base + M_REMAINING, 5), uint(user, base + M_CUMULATIVE_USE, 5),
                (user[base + M_FLAGS] & 1) != 0, (int) uint(user, base + M_TAMPER, 2), true);
    }

    /**
     * {slot, sequence} of the newest meter slot with a good CRC, or {-1, 0} when the meter never
     * completed a write (the second slot still erased).
     */
    private static int[] newestMeterSlot(byte[] user) {
        boolean[] valid = new boolean[2];
        int[] sequences = new int[2];
        for (int slot = 0; slot < 2; slot++) {
            int base = METER_START + slot * METER_SIZE;
            valid[slot] = !erased(user, base, METER_SIZE)
                    && crc16(user, base, M_CRC) == uint(user, base + M_CRC, 2);
            sequences[slot] = user[base + M_SEQUENCE] & 0xFF;
        }
        if (valid[0] && valid[1]) {
            int ahead = (sequences[1] - sequences[0]) & 0xFF;
            int newest = ahead != 0 && ahead < 128 ? 1 : 0;
            return new int[] {newest, sequences[newest]};
        }
        for (int slot = 0; slot < 2; slot++) {
            if (valid[slot]) {
                return new int[] {slot, sequences[slot]};
            }
        }
        if (!erased(user, METER_START + METER_SIZE, METER_SIZE)) {
            throw new CardException(CardException.Reason.FORGED, "card.meter.damaged");
        }
        return new int[] {-1, 0};
    }

    /** No valid record, and the card has been written beyond a cut issue: damaged or edited if ours, else not ours. */
    private static CardException oursOrNot(byte[] user) {
        boolean ours = false;
        for (int slot = 0; slot < 2; slot++) {
            byte version = user[slot * RECORD_SIZE + R_VERSION];
            int meter = METER_START + slot * METER_SIZE;
            ours |= version == VERSION || version == RETIRED
                    || !erased(user, meter, METER_SIZE) && crc16(user, meter, M_CRC) == uint(user, meter + M_CRC, 2);
        }
        return ours ? new CardException(CardException.Reason.FORGED, "card.forged")
                : new CardException(CardException.Reason.UNKNOWN_CARD, "card.unknown");
    }

    /** Runs of bytes in {@code wanted[from..to)} that differ from the card at {@code base}, close runs merged. */
    private static List<Chunk> changedRuns(byte[] user, int base, byte[] wanted, int from, int to) {
        List<Chunk> runs = new ArrayList<>();
        int start = -1;
        int lastChanged = -1;
        for (int i = from; i < to; i++) {
            if (user[base + i] == wanted[i]) {
                continue;
            }
            if (start >= 0 && i - lastChanged - 1 > MERGE_GAP) {
                runs.add(new Chunk(base + start, Arrays.copyOfRange(wanted, start, lastChanged + 1)));
                start = -1;
            }
            if (start < 0) {
                start = i;
            }
            lastChanged = i;
        }
        if (start >= 0) {
            runs.add(new Chunk(base + start, Arrays.copyOfRange(wanted, start, lastChanged + 1)));
        }
        return runs;
    }

    static boolean erased(byte[] user, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (user[i] != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }

    private static void put(byte[] target, int offset, int length, long value, long max, String what) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + " does not fit the card layout: " + value);
        }
        for (int i = length - 1; i >= 0; i--) {
            target[offset + i] = (byte) value;
            value >>>= 8;
        }
    }

    static long uint(byte[] source, int offset, int length) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = (value << 8) | (source[offset + i] & 0xFF);
        }
        return value;
    }

    private static void putSerial(byte[] target, int offset, String serial) {
        for (int i = 0; i < 8; i++) {
            target[offset + i] = (byte) (((serial.charAt(2 * i) - '0') << 4) | (serial.charAt(2 * i + 1) - '0'));
        }
    }

    private static String serial(byte[] source, int offset) {
        StringBuilder digits = new StringBuilder(16);
        for (int i = 0; i < 8; i++) {
            int high = (source[offset + i] >> 4) & 0x0F;
            int low = source[offset + i] & 0x0F;
            if (high > 9 || low > 9) {
                throw new IllegalArgumentException("serial is not BCD");
            }
            digits.append((char) ('0' + high)).append((char) ('0' + low));
        }
        return digits.toString();
    }

    private static void putText(byte[] target, int offset, int length, String text, String what) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        if (text.isEmpty() || bytes.length > length || !text.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException(what + " must be 1 to " + length + " printable ASCII characters: " + text);
        }
        System.arraycopy(bytes, 0, target, offset, bytes.length);
    }

    private static String text(byte[] source, int offset, int length) {
        int end = offset;
        while (end < offset + length && source[end] != 0) {
            end++;
        }
        for (int i = end; i < offset + length; i++) {
            if (source[i] != 0) {
                throw new IllegalArgumentException("text field not padded with zero bytes");
            }
        }
        String text = new String(source, offset, end - offset, StandardCharsets.US_ASCII);
        if (text.isEmpty() || !text.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("text field is not printable ASCII");
        }
        return text;
    }
}
