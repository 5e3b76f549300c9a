-- Resumable uploads (docs/sync-protocol.md, "Resumable upload"): the bytes of a batch still arriving,
-- keyed by the batch's key and the SHA-256 of all its bytes, kept until the batch is accepted. At most
-- one per terminal (a terminal sends its batches one at a time, oldest first). After acceptance the
-- row keeps the acknowledgement (its bytes are in ho_batch) so a retry after a lost answer needs none.
CREATE TABLE ho_upload (
    hall_code      VARCHAR(32) NOT NULL,
    terminal_code  VARCHAR(32) NOT NULL,
    epoch          BIGINT      NOT NULL,
    seq            BIGINT      NOT NULL,
    sha256         VARCHAR(64) NOT NULL,
    total_bytes    BIGINT      NOT NULL,
    received_bytes BIGINT      NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    ack            BYTEA,
    PRIMARY KEY (hall_code, terminal_code, epoch, seq, sha256)
);

CREATE TABLE ho_upload_chunk (
    hall_code     VARCHAR(32) NOT NULL,
    terminal_code VARCHAR(32) NOT NULL,
    epoch         BIGINT      NOT NULL,
    seq           BIGINT      NOT NULL,
    sha256        VARCHAR(64) NOT NULL,
    start_offset  BIGINT      NOT NULL,
    bytes         BYTEA       NOT NULL,
    PRIMARY KEY (hall_code, terminal_code, epoch, seq, sha256, start_offset)
);
