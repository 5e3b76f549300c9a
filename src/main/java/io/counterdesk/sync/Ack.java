package io.counterdesk.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * Head office's acknowledgement of one batch (docs/sync-protocol.md, "Acknowledgement"): magic
 * {@code CDA1}, length-prefixed JSON of the fields below, and head office's Ed25519 signature over
 * what comes before it. A terminal counts a batch delivered only when it has verified an
 * acknowledgement naming exactly that batch's key and SHA-256, signed by the pinned key.
 */
public record Ack(String hall, String terminal, long epoch, long seq, String batchSha256, long lastJournalSeq,
                  String receivedAt) {

    static final byte[] MAGIC = {'C', 'D', 'A', '1'};

    public byte[] sign(PrivateKey key) {
        try {
            return BatchFile.signed(MAGIC, key, BatchFile.JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The acknowledgement in {@code bytes} if {@code key} signed it; refused otherwise. */
    public static Ack verify(byte[] bytes, PublicKey key) throws BatchFormatException {
        if (bytes == null || bytes.length < 8) {
            throw new BatchFormatException("not an acknowledgement");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte[] magic = new byte[4];
        in.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new BatchFormatException("not an acknowledgement (magic)");
        }
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw new BatchFormatException("acknowledgement cut short");
        }
        byte[] body = new byte[n];
        in.get(body);
        int signedLength = in.position();
        if (in.remaining() < 4) {
            throw new BatchFormatException("acknowledgement without a signature");
        }
        int s = in.getInt();
        if (s < 0 || s != in.remaining()) {
            throw new BatchFormatException("acknowledgement's signature cut short");
        }
        byte[] signature = new byte[s];
        in.get(signature);
        if (!SyncKeys.verify(key, bytes, signedLength, signature)) {
            throw new BatchFormatException("acknowledgement not signed by head office's key");
        }
        try {
            return BatchFile.JSON.readValue(body, Ack.class);
        } catch (IOException e) {
            throw new BatchFormatException("unreadable acknowledgement", e);
        }
    }

    /** Whether this acknowledges exactly the batch {@code batch}. */
    public boolean names(Manifest batch, String sha256) {
        return hall.equals(batch.hall()) && terminal.equals(batch.terminal()) && epoch == batch.epoch()
                && seq == batch.seq() && batchSha256.equals(sha256);
    }
}
