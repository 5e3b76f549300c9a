-- IC-card gas (DESIGN 2.5): the cards issued to accounts, the blacklist, every write of gas onto a
-- card (purchase, re-credit, transfer) with its two-phase state, and what the meters wrote back.
-- Volumes on cards are whole cubic metres; the meter's own figures are hundredths (centi_m3).

CREATE TABLE ic_card (
    serial       VARCHAR(16)  PRIMARY KEY,
    account_id   BIGINT       NOT NULL REFERENCES account(id),
    profile      VARCHAR(20)  NOT NULL,
    issue_no     INT          NOT NULL,
    status       VARCHAR(12)  NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_by    BIGINT       NOT NULL REFERENCES operator(id),
    ended_at     TIMESTAMP WITH TIME ZONE,
    end_reason   VARCHAR(20),
    CONSTRAINT ic_card_status CHECK (status IN ('ISSUING', 'ACTIVE', 'BLACKLISTED', 'CLEARED')),
    CONSTRAINT ic_card_end CHECK (end_reason IS NULL
        OR end_reason IN ('LOST', 'DAMAGED', 'METER_REPLACED', 'FOUND_CLEARED', 'NOT_WRITTEN'))
);
CREATE INDEX ic_card_account ON ic_card(account_id, issue_no);

-- Cards refused at every terminal (lost, damaged or replaced). Head office sends its own entries
-- (source HEAD_OFFICE) with the end-of-day sync.
CREATE TABLE card_blacklist (
    serial      VARCHAR(16)  PRIMARY KEY,
    account_no  VARCHAR(20)  NOT NULL,
    reason      VARCHAR(20)  NOT NULL,
    listed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    listed_by   VARCHAR(20)  NOT NULL,
    source      VARCHAR(12)  NOT NULL DEFAULT 'LOCAL',
    CONSTRAINT blacklist_source CHECK (source IN ('LOCAL', 'HEAD_OFFICE'))
);

-- One write of gas onto a card. purchase_no is the card's purchase count after the write: the
-- write's identity on the card. PENDING = committed with its money, card not yet confirmed;
-- COMPLETED = read back from the card; REFUNDED = never reached the card, money paid back;
-- REVERSING = a reversal is being written; REVERSED = taken off the card again, money paid back.
CREATE TABLE gas_purchase (
    id                 BIGINT       AUTO_INCREMENT PRIMARY KEY,
    account_id         BIGINT       NOT NULL REFERENCES account(id),
    card_serial        VARCHAR(16)  NOT NULL REFERENCES ic_card(serial),
    purchase_no        INT          NOT NULL,
    kind               VARCHAR(12)  NOT NULL,
    volume_m3          BIGINT       NOT NULL,
    amount_fen         BIGINT       NOT NULL,
    business_day       DATE         NOT NULL,
    payment_id         BIGINT       REFERENCES payment(id),
    approval_id        BIGINT       REFERENCES approval(id),
    reason             VARCHAR(200),
    status             VARCHAR(12)  NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by         BIGINT       NOT NULL REFERENCES operator(id),
    resolved_at        TIMESTAMP WITH TIME ZONE,
    resolved_by        BIGINT       REFERENCES operator(id),
    refund_payment_id  BIGINT       REFERENCES payment(id),
    refund_approval_id BIGINT       REFERENCES approval(id),
    CONSTRAINT purchase_kind CHECK (kind IN ('PURCHASE', 'RECREDIT', 'TRANSFER')),
    CONSTRAINT purchase_status CHECK (status IN ('PENDING', 'COMPLETED', 'REFUNDED', 'REVERSING', 'REVERSED')),
    CONSTRAINT purchase_volume CHECK (volume_m3 > 0 AND amount_fen >= 0 AND purchase_no > 0)
);
CREATE INDEX gas_purchase_account ON gas_purchase(account_id, purchase_no);
CREATE INDEX gas_purchase_open ON gas_purchase(status);

-- What the meter wrote back onto the card, read at the counter.
CREATE TABLE meter_card_read (
    id                       BIGINT       AUTO_INCREMENT PRIMARY KEY,
    account_id               BIGINT       NOT NULL REFERENCES account(id),
    card_serial              VARCHAR(16)  NOT NULL,
    read_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    purchase_count           INT          NOT NULL,
    loaded                   BOOLEAN      NOT NULL,
    remaining_centi_m3       BIGINT       NOT NULL,
    cumulative_use_centi_m3  BIGINT       NOT NULL,
    valve_open               BOOLEAN      NOT NULL,
    tamper_events            INT          NOT NULL
);
CREATE INDEX meter_card_read_account ON meter_card_read(account_id, read_at);

-- A field check of a meter (现场核查) for a card lost while in use: what the meter shows decides
-- what is re-credited.
CREATE TABLE field_check (
    id                   BIGINT       AUTO_INCREMENT PRIMARY KEY,
    account_id           BIGINT       NOT NULL REFERENCES account(id),
    checked_on           DATE         NOT NULL,
    checked_by           VARCHAR(40)  NOT NULL,
    meter_purchase_count INT          NOT NULL,
    meter_loaded_m3      BIGINT       NOT NULL,
    remaining_centi_m3   BIGINT       NOT NULL,
    note                 VARCHAR(200) NOT NULL,
    recorded_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by          BIGINT       NOT NULL REFERENCES operator(id)
);
