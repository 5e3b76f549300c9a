package io.counterdesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlockMembersTest {

    @Test
    void splitsAnAccountIdIntoBlockAndOffset() {
        assertThat(BlockMembers.block(1)).isZero();
        assertThat(BlockMembers.offset(1)).isEqualTo(1);
        assertThat(BlockMembers.block(1_024)).isEqualTo(1);
        assertThat(BlockMembers.offset(1_024)).isZero();
        assertThat(BlockMembers.block(1_000_000)).isEqualTo(976);
        assertThat(BlockMembers.accountId(976, BlockMembers.offset(1_000_000))).isEqualTo(1_000_000);
    }

    @Test
    void storesFewMembersAsTwoByteOffsets() {
        BlockMembers members = members(3, 700, 1_023);

        assertThat(members.encode()).containsExactly(0, 3, 2, (byte) 0xBC, 3, (byte) 0xFF);
    }

    @ParameterizedTest(name = "{0} members")
    @ValueSource(ints = {0, 1, 62, 63, 64, 65, 500, 1_024})
    void decodesWhatItEncodes(int count) {
        SplittableRandom random = new SplittableRandom(count);
        BlockMembers members = new BlockMembers();
        while (members.count() < count) {
            members.add(random.nextInt(BlockMembers.SIZE));
        }

        byte[] stored = members.encode();

        assertThat(stored).hasSize(count <= BlockMembers.MAX_LISTED ? 2 * count : BlockMembers.BITMAP_BYTES);
        assertThat(BlockMembers.decode(stored)).isEqualTo(members);
    }

    @Test
    void listsMembersInAscendingOrder() {
        BlockMembers members = members(1_023, 0, 64, 63, 500);

        List<Integer> listed = new ArrayList<>();
        for (int offset = members.next(0); offset >= 0; offset = members.next(offset + 1)) {
            listed.add(offset);
        }

        assertThat(listed).containsExactly(0, 63, 64, 500, 1_023);
        assertThat(members.next(1_024)).isEqualTo(-1);
    }

    @Test
    void intersectsAddsAndRemoves() {
        BlockMembers members = members(1, 2, 3, 900);
        members.retainAll(members(2, 3, 4, 900));
        assertThat(members).isEqualTo(members(2, 3, 900));

        members.removeAll(members(3));
        members.addAll(members(7));
        assertThat(members).isEqualTo(members(2, 7, 900));
        assertThat(members.contains(7)).isTrue();
        assertThat(members.contains(3)).isFalse();

        members.removeAll(members(2, 7, 900));
        assertThat(members.isEmpty()).isTrue();
    }

    @Test
    void refusesStoredValuesThatAreNotMemberLists() {
        assertThatThrownBy(() -> BlockMembers.decode(new byte[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlockMembers.decode(new byte[] {4, 0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlockMembers.decode(new byte[130])).isInstanceOf(IllegalArgumentException.class);
    }

    private static BlockMembers members(int... offsets) {
        BlockMembers members = new BlockMembers();
        for (int offset : offsets) {
            members.add(offset);
        }
        return members;
    }
}
