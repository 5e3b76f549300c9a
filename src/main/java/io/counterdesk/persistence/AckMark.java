package io.counterdesk.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The acknowledgement mark: a small fsynced file beside the database ({@code <name>.ackmark}) that
 * holds the journal sequence number and hash of the last business action the program acknowledged
 * (ADR 0011).
 *
 * <p>{@link Database#inTransaction} advances it after the commit's {@code CHECKPOINT SYNC} and before
 * it returns, so the mark is never ahead of what the database file durably holds. If, on opening, the
 * database's journal ends before the mark (or holds another event at the mark's number), the file
 * lost commits that were acknowledged: receipts were printed, cards written. The program then
 * refuses business ({@link Verdict#refusesBusiness()}) instead of issuing the same receipt numbers
 * and card purchase counts again, and {@code verify} reports it.
 *
 * <p>The file has two slots in different disk sectors, written alternately in place, each with its
 * own CRC: a write torn by a power cut spoils at most the slot being written, and the other still
 * names an event the database holds. Reading takes the valid slot with the higher number.
 */
public final class AckMark implements AutoCloseable {

    /** What the mark says: the last acknowledged journal event. */
    public record Mark(long seq, String hash) {
        public Mark {
            Objects.requireNonNull(hash);
        }
    }

    /** How the database compares with its mark. */
    public enum Kind {
        /** No mark file: a new database, or the first start after an upgrade. A mark is made from the journal head. */
        MISSING(false),
        /** The journal head is the mark. */
        CURRENT(false),
        /** The journal holds the marked event and more (a commit made durable, then killed before its mark). */
        AHEAD(false),
        /** The journal ends before the mark: acknowledged commits are missing from the database file. */
        BEHIND(true),
        /** The journal's event at the mark's number is another one: not the history that was acknowledged. */
        DIVERGED(true),
        /** The mark file cannot be read: the acknowledged position is unknown. */
        CORRUPT(true);

        private final boolean refuses;

        Kind(boolean refuses) {
            this.refuses = refuses;
        }
    }

    /** The result of comparing the database with its mark. */
    public record Verdict(Kind kind, Optional<Mark> mark, Mark head) {

        public boolean refusesBusiness() {
            return kind.refuses;
        }

        /** One line for {@code verify}. */
        public String describe() {
            return switch (kind) {
                case MISSING -> "no mark yet (made at the next start); journal head " + head.seq();
                case CURRENT -> "the journal head " + head.seq() + " is the acknowledged mark";
                case AHEAD -> "the journal head " + head.seq() + " is past the acknowledged mark " + mark.orElseThrow().seq();
                case BEHIND -> "LOST: acknowledged events " + (head.seq() + 1) + ".." + mark.orElseThrow().seq()
                        + " are missing (journal head " + head.seq() + ")";
                case DIVERGED -> "DIVERGED: event " + mark.orElseThrow().seq() + " is not the acknowledged one";
                case CORRUPT -> "CORRUPT: the mark file cannot be read";
            };
        }

        /** The refusal to show a person (bundle {@code shared}), or empty when business may go on. */
        public Optional<io.counterdesk.shared.BusinessException> refusal(Path markFile) {
            return switch (kind) {
                case BEHIND -> Optional.of(new io.counterdesk.shared.BusinessException("durability.behind",
                        String.valueOf(head.seq() + 1), String.valueOf(mark.orElseThrow().seq()),
                        String.valueOf(mark.orElseThrow().seq() - head.seq()), markFile.toString()));
                case DIVERGED -> Optional.of(new io.counterdesk.shared.BusinessException("durability.diverged",
                        String.valueOf(mark.orElseThrow().seq()), markFile.toString()));
                case CORRUPT -> Optional.of(new io.counterdesk.shared.BusinessException("durability.corrupt", markFile.toString()));
                default -> Optional.empty();
            };
        }
    }

    static final int SLOT_SIZE = 512;
    private static final int RECORD_LENGTH = 128;
    private static final String MAGIC = "CDACK1";
    private static final Pattern RECORD = Pattern.compile(MAGIC + " (\\d{1,19}) ([0-9a-f]{64}) ([0-9a-f]{8})");

    private final Path file;
    private final FileChannel channel;
    private Mark current;
    private int nextSlot;

    private AckMark(Path file, FileChannel channel, Mark current, int nextSlot) {
        this.file = file;
        this.channel = channel;
        this.current = current;
        this.nextSlot = nextSlot;
    }

    /**
     * Re-anchors the mark of {@code database} at its journal head, as after a deliberate restore of a
     * backup: the restored database's head becomes the acknowledged position, and business may start
     * again. Only for a restore (or support's decision after a reported loss): it discards the
     * knowledge that later events were acknowledged. The database may be open for inspection.
     */
    public static Mark reanchor(Database database) {
        return database.reanchorAckMark();
    }

    /** Compares {@code head} (and the hash {@code hashAt} gives for the mark's number) with the mark in {@code file}. */
    static Verdict check(Path file, Mark head, java.util.function.LongFunction<Optional<String>> hashAt) {
        if (!Files.exists(file)) {
            return new Verdict(Kind.MISSING, Optional.empty(), head);
        }
        Optional<Mark> read = read(file);
        if (read.isEmpty()) {
            return new Verdict(Kind.CORRUPT, Optional.empty(), head);
        }
        Mark mark = read.get();
        if (head.seq() < mark.seq()) {
            return new Verdict(Kind.BEHIND, read, head);
        }
        String hash = head.seq() == mark.seq() ? head.hash() : hashAt.apply(mark.seq()).orElse("");
        if (!hash.equals(mark.hash())) {
            return new Verdict(Kind.DIVERGED, read, head);
        }
        return new Verdict(head.seq() == mark.seq() ? Kind.CURRENT : Kind.AHEAD, read, head);
    }

    /** The mark in {@code file}: the valid slot with the higher number; empty when no slot is valid. */
    static Optional<Mark> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return Optional.empty();
        }
        Optional<Mark> best = Optional.empty();
        for (int slot = 0; slot < 2; slot++) {
            Optional<Mark> m = parse(bytes, slot * SLOT_SIZE);
            if (m.isPresent() && (best.isEmpty() || m.get().seq() > best.get().seq())) {
                best = m;
            }
        }
        return best;
    }

    private static Optional<Mark> parse(byte[] bytes, int offset) {
        if (bytes.length < offset + RECORD_LENGTH) {
            return Optional.empty();
        }
        String text = new String(bytes, offset, RECORD_LENGTH, StandardCharsets.US_ASCII).trim();
        Matcher m = RECORD.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String body = MAGIC + " " + m.group(1) + " " + m.group(2);
        if (!crc(body).equals(m.group(3))) {
            return Optional.empty();
        }
        return Optional.of(new Mark(Long.parseLong(m.group(1)), m.group(2)));
    }

    private static String crc(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return String.format("%08x", crc.getValue());
    }

    private static ByteBuffer record(Mark mark) {
        String body = MAGIC + " " + mark.seq() + " " + mark.hash();
        String line = body + " " + crc(body);
        byte[] out = new byte[RECORD_LENGTH];
        java.util.Arrays.fill(out, (byte) ' ');
        byte[] text = line.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, out, 0, text.length);
        out[RECORD_LENGTH - 1] = '\n';
        return ByteBuffer.wrap(out);
    }

    /**
     * Writes a new mark file holding {@code mark} in both slots — written beside it, fsynced, then
     * moved over the old one — and opens it for advancing.
     */
    static AckMark create(Path file, Mark mark) {
        Path temp = file.resolveSibling(file.getFileName() + ".new");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(record(mark), 0);
                out.write(record(mark), SLOT_SIZE);
                out.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(file.toAbsolutePath().getParent());
            return open(file, mark);
        } catch (IOException e) {
            throw new StorageException("cannot write the acknowledgement mark " + file, e);
        }
    }

    private static AckMark open(Path file, Mark mark) {
        try {
            return new AckMark(file, FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE), mark, 0);
        } catch (IOException e) {
            throw new StorageException("cannot open the acknowledgement mark " + file, e);
        }
    }

    private static void syncDirectory(Path directory) {
        // makes the rename durable on Linux; other systems cannot open a directory and need not
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // nothing to do: the rename is as durable as this system makes it
        }
    }

    /** The last mark written. */
    public synchronized Mark current() {
        return current;
    }

    /**
     * Records that the event {@code seq} (and everything before it) is durable and acknowledged. A
     * number not above the current mark is ignored: concurrent commits may arrive out of order, and
     * the higher one's sync covered the lower one's commit.
     */
    synchronized void advance(long seq, String hash) {
        if (seq <= current.seq()) {
            return;
        }
        Mark next = new Mark(seq, hash);
        try {
            channel.write(record(next), (long) nextSlot * SLOT_SIZE);
            channel.force(false);
        } catch (IOException e) {
            throw new StorageException("cannot write the acknowledgement mark " + file, e);
        }
        current = next;
        nextSlot = 1 - nextSlot;
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a file only read and forced: nothing is lost
        }
    }
}
