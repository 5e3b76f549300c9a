-- CounterDesk foundation schema: hall, terminal, operators, accounts, tariffs, bills, till, journal.
-- Money is always BIGINT fen; meter readings and volumes are whole cubic metres (*_m3, readings).

CREATE TABLE hall (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    code        VARCHAR(16)  NOT NULL UNIQUE,
    name        VARCHAR(100) NOT NULL,
    address     VARCHAR(200) NOT NULL,
    hotline     VARCHAR(32)  NOT NULL
);

CREATE TABLE terminal (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    code        VARCHAR(16)  NOT NULL UNIQUE,
    hall_id     BIGINT       NOT NULL REFERENCES hall(id),
    name        VARCHAR(100) NOT NULL
);

-- Which terminal this database belongs to, and other per-database settings.
CREATE TABLE setting (
    name        VARCHAR(64)  PRIMARY KEY,
    val         VARCHAR(1000) NOT NULL
);

CREATE TABLE operator (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    staff_no              VARCHAR(16)  NOT NULL UNIQUE,
    name                  VARCHAR(50)  NOT NULL,
    role                  VARCHAR(16)  NOT NULL,
    password_hash         VARCHAR(200) NOT NULL,
    failed_attempts       INT          NOT NULL DEFAULT 0,
    locked_until          TIMESTAMP WITH TIME ZONE,
    must_change_password  BOOLEAN      NOT NULL DEFAULT FALSE,
    active                BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT operator_role CHECK (role IN ('CASHIER', 'MANAGER', 'ADMIN', 'FIELD'))
);

CREATE TABLE account (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_no        VARCHAR(20)  NOT NULL UNIQUE,
    kind              VARCHAR(20)  NOT NULL,
    use_type          VARCHAR(30),
    meter_kind        VARCHAR(10)  NOT NULL,
    meter_no          VARCHAR(30)  NOT NULL,
    card_serial       VARCHAR(32),
    district          VARCHAR(30)  NOT NULL,
    street            VARCHAR(50)  NOT NULL,
    community         VARCHAR(50)  NOT NULL,
    building          VARCHAR(10)  NOT NULL,
    unit              VARCHAR(10)  NOT NULL,
    room              VARCHAR(10)  NOT NULL,
    address_text      VARCHAR(200) NOT NULL,
    holder_name       VARCHAR(100) NOT NULL,
    holder_id_type    VARCHAR(20)  NOT NULL,
    holder_id_number  VARCHAR(30)  NOT NULL,
    holder_phone      VARCHAR(30)  NOT NULL,
    status            VARCHAR(12)  NOT NULL,
    credit_fen        BIGINT       NOT NULL DEFAULT 0,
    deposit_fen       BIGINT       NOT NULL DEFAULT 0,
    opened_on         DATE         NOT NULL,
    version           INT          NOT NULL DEFAULT 0,
    CONSTRAINT account_kind CHECK (kind IN ('RESIDENTIAL', 'NON_RESIDENTIAL')),
    CONSTRAINT account_meter CHECK (meter_kind IN ('ORDINARY', 'IC')),
    CONSTRAINT account_status CHECK (status IN ('ACTIVE', 'SUSPENDED', 'CLOSED')),
    CONSTRAINT account_use CHECK ((kind = 'RESIDENTIAL' AND use_type IS NULL)
        OR (kind = 'NON_RESIDENTIAL' AND use_type IN ('COMMERCIAL_KITCHEN', 'NON_COMMERCIAL_KITCHEN', 'BOILER'))),
    CONSTRAINT account_credit CHECK (credit_fen >= 0 AND deposit_fen >= 0)
);
CREATE INDEX account_phone ON account(holder_phone);
CREATE INDEX account_id_number ON account(holder_id_number);
CREATE UNIQUE INDEX account_card ON account(card_serial);
CREATE INDEX account_meter_no ON account(meter_no);

-- Every holder the account has had; the open period (valid_to IS NULL) is the current holder.
CREATE TABLE holder_period (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id    BIGINT       NOT NULL REFERENCES account(id),
    name          VARCHAR(100) NOT NULL,
    id_type       VARCHAR(20)  NOT NULL,
    id_number     VARCHAR(30)  NOT NULL,
    phone         VARCHAR(30)  NOT NULL,
    valid_from    DATE         NOT NULL,
    valid_to      DATE,
    reason        VARCHAR(30)  NOT NULL
);
CREATE INDEX holder_period_account ON holder_period(account_id);

-- Partial-text search (docs/adr/0005-partial-search-index.md), maintained by AccountRepository.
-- search_text: each account's holder name and address as indexed (NFKC, lower case, no whitespace).
CREATE TABLE search_text (
    account_id    BIGINT       PRIMARY KEY,
    name_text     VARCHAR(400) NOT NULL,
    address_text  VARCHAR(800) NOT NULL
);
-- search_gram: for every character and every two adjacent characters ("gram") of those texts, which
-- accounts hold it, one row per block of 1,024 account ids (block = account_id / 1024). members is the
-- block's offsets (account_id % 1024) holding the gram: 2 bytes each while at most 63, else a 128-byte
-- bitmap. slot is the key: the gram's two code points and the block, 21 bits each (SearchIndexRepository.slot),
-- so that a gram's rows lie together in block order. A query is looked up by all its grams, rarest
-- first, then checked against search_text.
CREATE TABLE search_gram (
    slot     BIGINT         PRIMARY KEY,
    gram     VARCHAR(4)     NOT NULL,
    block    BIGINT         NOT NULL,
    members  VARBINARY(128) NOT NULL
);
-- One row, locked by every writer of search_gram: block rows are shared by 1,024 accounts and are
-- read, changed and written back.
CREATE TABLE search_index_lock (
    id  INT PRIMARY KEY,
    CONSTRAINT search_index_lock_single CHECK (id = 1)
);
INSERT INTO search_index_lock(id) VALUES (1);

CREATE TABLE tariff (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    code            VARCHAR(30)  NOT NULL,
    name            VARCHAR(100) NOT NULL,
    account_kind    VARCHAR(20)  NOT NULL,
    use_type        VARCHAR(30),
    effective_from  DATE         NOT NULL,
    UNIQUE (code, effective_from)
);

-- Residential tiers are annual volumes; the last tier has no upper bound.
CREATE TABLE tariff_tier (
    tariff_id        BIGINT  NOT NULL REFERENCES tariff(id),
    tier_no          INT     NOT NULL,
    up_to_m3         BIGINT,
    price_fen_per_m3 BIGINT  NOT NULL,
    PRIMARY KEY (tariff_id, tier_no)
);

CREATE TABLE bill (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id      BIGINT      NOT NULL REFERENCES account(id),
    period          VARCHAR(7)  NOT NULL,
    prev_reading    BIGINT      NOT NULL,
    curr_reading    BIGINT      NOT NULL,
    volume_m3       BIGINT      NOT NULL,
    amount_fen      BIGINT      NOT NULL,
    due_date        DATE        NOT NULL,
    paid_fen        BIGINT      NOT NULL DEFAULT 0,
    UNIQUE (account_id, period),
    CONSTRAINT bill_paid CHECK (paid_fen >= 0 AND paid_fen <= amount_fen)
);

CREATE TABLE till_session (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    terminal_id   BIGINT      NOT NULL REFERENCES terminal(id),
    operator_id   BIGINT      NOT NULL REFERENCES operator(id),
    business_day  DATE        NOT NULL,
    opened_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    float_fen     BIGINT      NOT NULL,
    status        VARCHAR(10) NOT NULL,
    closed_at     TIMESTAMP WITH TIME ZONE,
    -- set while OPEN, NULL once closed: the unique index allows one open session per cashier and terminal
    open_key      VARCHAR(40),
    CONSTRAINT till_status CHECK (status IN ('OPEN', 'CLOSED')),
    CONSTRAINT till_float CHECK (float_fen >= 0)
);
CREATE UNIQUE INDEX till_one_open ON till_session(open_key);

CREATE TABLE approval (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    action        VARCHAR(60)  NOT NULL,
    subject       VARCHAR(100) NOT NULL,
    reason        VARCHAR(500) NOT NULL,
    requested_by  BIGINT       NOT NULL REFERENCES operator(id),
    approved_by   BIGINT       NOT NULL REFERENCES operator(id),
    approved_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Append-only business journal. Each event carries the hash of the one before (a hash chain);
-- it is written in the same transaction as the change it records.
CREATE TABLE journal (
    seq           BIGINT       PRIMARY KEY,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    terminal_code VARCHAR(16)  NOT NULL,
    staff_no      VARCHAR(16)  NOT NULL,
    type          VARCHAR(40)  NOT NULL,
    subject       VARCHAR(100) NOT NULL,
    payload       VARCHAR(100000) NOT NULL,
    prev_hash     VARCHAR(64)  NOT NULL,
    hash          VARCHAR(64)  NOT NULL
);
CREATE INDEX journal_type ON journal(type, occurred_at);

-- The chain's head, one row: locking it serialises appends.
CREATE TABLE journal_head (
    id        INT         PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL,
    CONSTRAINT journal_head_single CHECK (id = 1)
);
INSERT INTO journal_head(id, last_seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TRIGGER journal_append_only BEFORE UPDATE, DELETE ON journal FOR EACH ROW
    CALL 'io.counterdesk.persistence.AppendOnlyTrigger';
