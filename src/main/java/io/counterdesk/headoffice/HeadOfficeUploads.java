package io.counterdesk.headoffice;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The partial bytes of batches still arriving (head office migration V6, docs/sync-protocol.md,
 * "Resumable upload"): appended chunk by chunk, each in its own short transaction, so what arrived
 * before a cut is kept and the terminal resumes from there. Only whole bytes in order are kept; the
 * SHA-256 of the assembled batch is checked before it goes to {@link HeadOffice#accept}.
 */
final class HeadOfficeUploads {

    /** The batch an upload is for: its key and the SHA-256 of all its bytes. */
    record Key(String hall, String terminal, long epoch, long seq, String sha256) {
    }

    /** Where an upload stands: bytes held, of how many, and the acknowledgement once accepted. */
    record State(long received, long total, byte[] ack) {
    }

    private final HeadOfficeStore store;

    HeadOfficeUploads(HeadOfficeStore store) {
        this.store = store;
    }

    /** Whether the terminal is enrolled (has a key): only then is anything of its uploads kept. */
    boolean enrolled(String hall, String terminal) throws SQLException {
        try (Connection c = store.connect();
             PreparedStatement s = c.prepareStatement(
                     "SELECT public_key FROM ho_terminal WHERE hall_code = ? AND terminal_code = ?")) {
            s.setString(1, hall);
            s.setString(2, terminal);
            try (ResultSet rs = s.executeQuery()) {
                boolean ok = rs.next() && rs.getString(1) != null;
                c.rollback();
                return ok;
            }
        }
    }

    Optional<State> state(Key k) throws SQLException {
        try (Connection c = store.connect()) {
            Optional<State> s = state(c, k, false);
            c.rollback();
            return s;
        }
    }

    /**
     * The upload of {@code k}, started if new (which drops the terminal's other uploads: it sends one
     * batch at a time). {@code total} must match an existing upload's.
     */
    State begin(Key k, long total, Instant now) throws SQLException {
        try (Connection c = store.connect()) {
            Optional<State> s = state(c, k, true);
            if (s.isPresent()) {
                c.rollback();
                return s.get();
            }
            for (String table : new String[] {"ho_upload_chunk", "ho_upload"}) {
                try (PreparedStatement d = c.prepareStatement("DELETE FROM " + table
                        + " WHERE hall_code = ? AND terminal_code = ? AND NOT (epoch = ? AND seq = ? AND sha256 = ?)")) {
                    bind(d, k);
                    d.executeUpdate();
                }
            }
            try (PreparedStatement i = c.prepareStatement("""
                    INSERT INTO ho_upload(hall_code, terminal_code, epoch, seq, sha256, total_bytes, received_bytes, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, 0, ?)""")) {
                bind(i, k);
                i.setLong(6, total);
                i.setTimestamp(7, Timestamp.from(now));
                i.executeUpdate();
            }
            c.commit();
            return new State(0, total, null);
        }
    }

    /**
     * Appends {@code bytes} (its first {@code length}) at {@code offset}; false, storing nothing, when
     * head office no longer holds exactly {@code offset} bytes of it (another sender moved it on).
     */
    boolean append(Key k, long offset, byte[] bytes, int length, Instant now) throws SQLException {
        if (length == 0) {
            return true;
        }
        try (Connection c = store.connect()) {
            Optional<State> s = state(c, k, true);
            if (s.isEmpty() || s.get().received() != offset || s.get().ack() != null
                    || offset + length > s.get().total()) {
                c.rollback();
                return false;
            }
            try (PreparedStatement i = c.prepareStatement("""
                    INSERT INTO ho_upload_chunk(hall_code, terminal_code, epoch, seq, sha256, start_offset, bytes)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                bind(i, k);
                i.setLong(6, offset);
                i.setBytes(7, length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length));
                i.executeUpdate();
            }
            try (PreparedStatement u = c.prepareStatement("""
                    UPDATE ho_upload SET received_bytes = ?, updated_at = ?
                    WHERE hall_code = ? AND terminal_code = ? AND epoch = ? AND seq = ? AND sha256 = ?""")) {
                u.setLong(1, offset + length);
                u.setTimestamp(2, Timestamp.from(now));
                u.setString(3, k.hall());
                u.setString(4, k.terminal());
                u.setLong(5, k.epoch());
                u.setLong(6, k.seq());
                u.setString(7, k.sha256());
                u.executeUpdate();
            }
            c.commit();
            return true;
        }
    }

    /** All the bytes held, in order. */
    byte[] assemble(Key k) throws SQLException {
        try (Connection c = store.connect();
             PreparedStatement s = c.prepareStatement("""
                     SELECT start_offset, bytes FROM ho_upload_chunk
                     WHERE hall_code = ? AND terminal_code = ? AND epoch = ? AND seq = ? AND sha256 = ?
                     ORDER BY start_offset""")) {
            bind(s, k);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(1) != out.size()) {
                        throw new SQLException("upload " + k + " has a hole at " + out.size());
                    }
                    out.writeBytes(rs.getBytes(2));
                }
            }
            c.rollback();
            return out.toByteArray();
        }
    }

    /** The batch was accepted: its acknowledgement is kept for a retry after a lost answer, its partial bytes go. */
    void accepted(Key k, byte[] ack) throws SQLException {
        try (Connection c = store.connect()) {
            try (PreparedStatement d = c.prepareStatement("""
                    DELETE FROM ho_upload_chunk WHERE hall_code = ? AND terminal_code = ? AND epoch = ? AND seq = ? AND sha256 = ?""")) {
                bind(d, k);
                d.executeUpdate();
            }
            try (PreparedStatement u = c.prepareStatement("""
                    UPDATE ho_upload SET ack = ? WHERE hall_code = ? AND terminal_code = ? AND epoch = ? AND seq = ? AND sha256 = ?""")) {
                u.setBytes(1, ack);
                u.setString(2, k.hall());
                u.setString(3, k.terminal());
                u.setLong(4, k.epoch());
                u.setLong(5, k.seq());
                u.setString(6, k.sha256());
                u.executeUpdate();
            }
            c.commit();
        }
    }

    /** Forgets the upload (refused, or its bytes were not the batch named): the next try starts at 0. */
    void drop(Key k) throws SQLException {
        try (Connection c = store.connect()) {
            for (String table : new String[] {"ho_upload_chunk", "ho_upload"}) {
                try (PreparedStatement d = c.prepareStatement("DELETE FROM " + table
                        + " WHERE hall_code = ? AND terminal_code = ? AND epoch = ? AND seq = ? AND sha256 = ?")) {
                    bind(d, k);
                    d.executeUpdate();
                }
            }
            c.commit();
        }
    }

    private static Optional<State> state(Connection c, Key k, boolean lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT received_bytes, total_bytes, ack FROM ho_upload
                WHERE hall_code = ? AND terminal_code = ? AND epoch = ? AND seq = ? AND sha256 = ?""" + (lock ? " FOR UPDATE" : ""))) {
            bind(s, k);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new State(rs.getLong(1), rs.getLong(2), rs.getBytes(3))) : Optional.empty();
            }
        }
    }

    private static void bind(PreparedStatement s, Key k) throws SQLException {
        s.setString(1, k.hall());
        s.setString(2, k.terminal());
        s.setLong(3, k.epoch());
        s.setLong(4, k.seq());
        s.setString(5, k.sha256());
    }
}
