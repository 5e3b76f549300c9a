package io.counterdesk.account;

import java.util.Arrays;

/**
 * Which accounts of one block of {@value #SIZE} consecutive account ids hold a search slice: the
 * value of {@code search_gram.members} (ADR 0005). Stored compactly: while a block has at most
 * {@value #MAX_LISTED} members, as their offsets in the block, two bytes each, ascending; from then
 * on as a bitmap of {@value #BITMAP_BYTES} bytes (offset {@code 8i+j} is bit {@code j}, least
 * significant first, of byte {@code i}). The length tells the two forms apart. Mutable; not
 * thread-safe.
 */
final class BlockMembers {

    static final int BLOCK_BITS = 10;
    static final int SIZE = 1 << BLOCK_BITS;
    static final int BITMAP_BYTES = SIZE / Byte.SIZE;
    static final int MAX_LISTED = BITMAP_BYTES / 2 - 1;

    private final long[] words = new long[SIZE / Long.SIZE];

    static long block(long accountId) {
        return accountId >>> BLOCK_BITS;
    }

    static int offset(long accountId) {
        return (int) (accountId & (SIZE - 1));
    }

    static long accountId(long block, int offset) {
        return (block << BLOCK_BITS) | offset;
    }

    void add(int offset) {
        words[offset >>> 6] |= 1L << offset;
    }

    void addAll(BlockMembers other) {
        for (int i = 0; i < words.length; i++) {
            words[i] |= other.words[i];
        }
    }

    void removeAll(BlockMembers other) {
        for (int i = 0; i < words.length; i++) {
            words[i] &= ~other.words[i];
        }
    }

    void retainAll(BlockMembers other) {
        for (int i = 0; i < words.length; i++) {
            words[i] &= other.words[i];
        }
    }

    boolean contains(int offset) {
        return (words[offset >>> 6] & (1L << offset)) != 0;
    }

    int count() {
        int count = 0;
        for (long word : words) {
            count += Long.bitCount(word);
        }
        return count;
    }

    boolean isEmpty() {
        for (long word : words) {
            if (word != 0) {
                return false;
            }
        }
        return true;
    }

    /** The smallest member at or after {@code from}, or -1. */
    int next(int from) {
        int index = from >>> 6;
        if (index >= words.length) {
            return -1;
        }
        long word = words[index] & (-1L << from);
        while (true) {
            if (word != 0) {
                return index * Long.SIZE + Long.numberOfTrailingZeros(word);
            }
            if (++index == words.length) {
                return -1;
            }
            word = words[index];
        }
    }

    byte[] encode() {
        int count = count();
        if (count <= MAX_LISTED) {
            byte[] listed = new byte[count * 2];
            int at = 0;
            for (int offset = next(0); offset >= 0; offset = next(offset + 1)) {
                listed[at++] = (byte) (offset >>> 8);
                listed[at++] = (byte) offset;
            }
            return listed;
        }
        byte[] bitmap = new byte[BITMAP_BYTES];
        for (int i = 0; i < BITMAP_BYTES; i++) {
            bitmap[i] = (byte) (words[i >>> 3] >>> ((i & 7) * Byte.SIZE));
        }
        return bitmap;
    }

    static BlockMembers decode(byte[] stored) {
        BlockMembers members = new BlockMembers();
        if (stored.length == BITMAP_BYTES) {
            for (int i = 0; i < BITMAP_BYTES; i++) {
                members.words[i >>> 3] |= (stored[i] & 0xFFL) << ((i & 7) * Byte.SIZE);
            }
            return members;
        }
        if (stored.length % 2 != 0 || stored.length / 2 > MAX_LISTED) {
            throw new IllegalArgumentException("not a block member list: " + stored.length + " bytes");
        }
        for (int i = 0; i < stored.length; i += 2) {
            int offset = ((stored[i] & 0xFF) << 8) | (stored[i + 1] & 0xFF);
            if (offset >= SIZE) {
                throw new IllegalArgumentException("block offset out of range: " + offset);
            }
            members.add(offset);
        }
        return members;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BlockMembers that && Arrays.equals(words, that.words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words);
    }
}
