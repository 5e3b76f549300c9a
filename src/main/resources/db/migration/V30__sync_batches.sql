-- The terminal's batches for head office (io.counterdesk.sync, docs/sync-protocol.md): each made once,
-- its bytes frozen here, sent until head office's signed acknowledgement of exactly these bytes is stored.
CREATE TABLE sync_batch (
    epoch             BIGINT       NOT NULL,
    seq               BIGINT       NOT NULL,
    first_journal_seq BIGINT       NOT NULL,
    last_journal_seq  BIGINT       NOT NULL,
    last_hash         VARCHAR(64)  NOT NULL,
    event_count       INTEGER      NOT NULL,
    sha256            VARCHAR(64)  NOT NULL,
    made_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    bytes             VARBINARY    NOT NULL,
    attempts          INTEGER      NOT NULL DEFAULT 0,
    last_error        VARCHAR(500),
    ack               VARBINARY,
    acked_at          TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (epoch, seq)
);
CREATE INDEX sync_batch_journal ON sync_batch (last_journal_seq);
