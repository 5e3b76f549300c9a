package io.counterdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The acknowledgement mark beside the database (ADR 0011): a database file that lost acknowledged
 * commits — played here by putting an older copy of the file back, which is what H2's recovery did
 * after a kill — is refused at opening with the missing range named, and {@code verify}'s check sees
 * it; a deliberate restore re-anchors the mark.
 */
class AckMarkTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private long append(int events) {
        return append(events, "s");
    }

    private long append(int events, String subject) {
        long last = 0;
        for (int i = 0; i < events; i++) {
            last = db.database().inTransaction(tx -> db.journal().append(tx, "1001", "TEST_EVENT", subject,
                    Map.of("n", 1))).seq();
        }
        return last;
    }

    private Path backup(String name) throws IOException {
        db.database().close();
        Path copy = db.location().directory().resolve(name);
        Files.copy(db.location().dataFile(), copy);
        db.reopen();
        return copy;
    }

    private void putBack(Path copy) throws IOException {
        db.database().close();
        Files.copy(copy, db.location().dataFile(), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void everyDurableCommitThatAppendsMovesTheMark() {
        long seq = append(3);
        assertThat(AckMark.read(db.location().ackMarkFile())).hasValueSatisfying(mark -> {
            assertThat(mark.seq()).isEqualTo(seq);
            assertThat(mark.hash()).isEqualTo(db.events().get(db.events().size() - 1).hash());
        });
        assertThat(db.database().ackMarkVerdict().kind()).isEqualTo(AckMark.Kind.CURRENT);
    }

    @Test
    void aDatabaseBehindItsMarkIsRefusedWithTheMissingEventsNamed() throws IOException {
        long before = append(2);
        Path older = backup("older.mv.db");
        long acknowledged = append(4);
        putBack(older);

        assertThatThrownBy(db::reopen).isInstanceOfSatisfying(BusinessException.class, e -> {
            assertThat(e.key()).isEqualTo("durability.behind");
            assertThat(I18n.text(I18n.CHINESE, e.key(), e.args()))
                    .contains("流水号 " + (before + 1) + " 至 " + acknowledged, "共 4 笔", "备份", "技术支持");
        });
        // refused again at every start, and the file is not written to: the mark still says what was acknowledged
        assertThatThrownBy(db::reopen).isInstanceOf(BusinessException.class);
        assertThat(AckMark.read(db.location().ackMarkFile()).orElseThrow().seq()).isEqualTo(acknowledged);

        try (Database inspected = Database.openForInspection(db.location(), db.clock())) {
            AckMark.Verdict verdict = inspected.ackMarkVerdict();
            assertThat(verdict.kind()).isEqualTo(AckMark.Kind.BEHIND);
            assertThat(verdict.refusesBusiness()).isTrue();
            assertThat(verdict.describe()).contains("LOST", (before + 1) + ".." + acknowledged);
        }
    }

    @Test
    void anotherHistoryAtTheMarksNumberIsRefused() throws IOException {
        append(2);
        Path older = backup("older.mv.db");
        append(3);
        putBack(older);
        // the old copy is used anyway and reaches the same number with other events
        Path saved = db.location().ackMarkFile().resolveSibling("saved.ackmark");
        Files.move(db.location().ackMarkFile(), saved);
        db.reopen();
        append(3, "other");
        db.database().close();
        Files.move(saved, db.location().ackMarkFile(), StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(db::reopen).isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.key()).isEqualTo("durability.diverged"));
    }

    @Test
    void aDeliberateRestoreReanchorsTheMark() throws IOException {
        long kept = append(2);
        Path older = backup("older.mv.db");
        append(2);
        putBack(older);
        assertThatThrownBy(db::reopen).isInstanceOf(BusinessException.class);

        try (Database restored = Database.openForInspection(db.location(), db.clock())) {
            AckMark.Mark head = AckMark.reanchor(restored);
            assertThat(head.seq()).isEqualTo(kept);
            assertThat(restored.ackMarkVerdict().kind()).isEqualTo(AckMark.Kind.CURRENT);
        }
        db.reopen();
        append(1);
        assertThat(db.verifyChain().isIntact()).isTrue();
    }

    @Test
    void aMissingMarkIsMadeFromTheJournalHeadAndAnUnreadableOneRefused() throws IOException {
        long seq = append(2);
        db.database().close();
        Files.delete(db.location().ackMarkFile());
        db.reopen(); // the first start after the upgrade
        assertThat(AckMark.read(db.location().ackMarkFile()).orElseThrow().seq()).isEqualTo(seq);

        db.database().close();
        Files.writeString(db.location().ackMarkFile(), "garbage");
        assertThatThrownBy(db::reopen).isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.key()).isEqualTo("durability.corrupt"));
        Files.write(db.location().ackMarkFile(), new byte[0]);
        assertThatThrownBy(db::reopen).isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.key()).isEqualTo("durability.corrupt"));
    }

    @Test
    void aTornSlotFallsBackToTheOtherOne() throws IOException {
        append(1);
        long last = append(1);
        // the slot written last is spoilt, as by a power cut in the middle of its write
        Path file = db.location().ackMarkFile();
        AckMark.Mark newest = AckMark.read(file).orElseThrow();
        assertThat(newest.seq()).isEqualTo(last);
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            for (int slot = 0; slot < 2; slot++) {
                byte[] start = new byte[32];
                raw.seek((long) slot * AckMark.SLOT_SIZE);
                raw.readFully(start);
                if (new String(start, java.nio.charset.StandardCharsets.US_ASCII).startsWith("CDACK1 " + last + " ")) {
                    raw.seek((long) slot * AckMark.SLOT_SIZE + 40);
                    raw.write("XXXX".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
            }
        }
        assertThat(AckMark.read(file).orElseThrow().seq()).isEqualTo(last - 1);
        db.reopen(); // the database is ahead of what the mark still says: fine
        assertThat(AckMark.read(file).orElseThrow().seq()).isEqualTo(last);
    }

    @Test
    void aNewDatabaseWithoutJournalGetsAMarkAtTheStart() throws IOException {
        Path dir = Files.createTempDirectory("counterdesk-ackmark-");
        try {
            DatabaseLocation fresh = new DatabaseLocation(dir, "empty");
            try (Database database = Database.open(fresh, db.clock())) {
                assertThat(database.ackMarkVerdict().kind()).isEqualTo(AckMark.Kind.CURRENT);
            }
            assertThat(AckMark.read(fresh.ackMarkFile()).orElseThrow())
                    .isEqualTo(new AckMark.Mark(0, Journal.GENESIS_HASH));
        } finally {
            TestDatabase.deleteRecursively(dir);
        }
    }
}
