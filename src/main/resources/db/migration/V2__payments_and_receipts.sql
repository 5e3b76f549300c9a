-- Fee collection: payments with their allocation lines and tenders, bank slips (usable once),
-- till postings, numbered receipt stock and issued receipts, the fee catalogue, late-fee waivers.

ALTER TABLE account ADD COLUMN voucher_paid_to_reading BIGINT;
-- the month a bank-debit dunning notice was printed; moves the residential late-fee start
ALTER TABLE bill ADD COLUMN notice_month VARCHAR(7);
ALTER TABLE bill ADD COLUMN late_fee_paid_fen BIGINT NOT NULL DEFAULT 0;

CREATE TABLE fee_item (
    code        VARCHAR(30)  PRIMARY KEY,
    name        VARCHAR(60)  NOT NULL,
    price_fen   BIGINT       NOT NULL,
    sort_order  INT          NOT NULL,
    active      BOOLEAN      NOT NULL DEFAULT TRUE
);
INSERT INTO fee_item(code, name, price_fen, sort_order) VALUES
    ('METER_TEST_DEPOSIT', '表具检测押金', 30000, 10),
    ('METER_TEST_REFUND', '表具检测押金退还', -30000, 20),
    ('DISMANTLING', '拆表费', 2000, 30),
    ('METER_RELOCATION', '表具移位费', 10000, 40),
    ('CARD_REPLACEMENT', 'IC 卡工本费', 2000, 50);

-- Numbered stock of one receipt kind held by one cashier: numbers first_no … last_no, next_no is
-- the next to print. A range is registered (who, when) and may be handed over or returned.
CREATE TABLE receipt_stock (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind           VARCHAR(12) NOT NULL,
    holder_id      BIGINT      NOT NULL REFERENCES operator(id),
    first_no       BIGINT      NOT NULL,
    last_no        BIGINT      NOT NULL,
    next_no        BIGINT      NOT NULL,
    registered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    registered_by  BIGINT      NOT NULL REFERENCES operator(id),
    status         VARCHAR(10) NOT NULL,
    closed_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT stock_kind CHECK (kind IN ('RECEIPT', 'CHECK_SLIP', 'INVOICE')),
    CONSTRAINT stock_range CHECK (first_no > 0 AND first_no <= last_no AND next_no BETWEEN first_no AND last_no + 1),
    CONSTRAINT stock_status CHECK (status IN ('ACTIVE', 'EXHAUSTED', 'RETURNED', 'HANDED_OVER'))
);
CREATE INDEX stock_holder ON receipt_stock(holder_id, kind, status);

CREATE TABLE receipt_stock_handover (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    from_stock_id   BIGINT NOT NULL REFERENCES receipt_stock(id),
    to_stock_id     BIGINT NOT NULL REFERENCES receipt_stock(id),
    from_operator   BIGINT NOT NULL REFERENCES operator(id),
    to_operator     BIGINT NOT NULL REFERENCES operator(id),
    first_no        BIGINT NOT NULL,
    last_no         BIGINT NOT NULL,
    handed_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE payment (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id         BIGINT      NOT NULL REFERENCES account(id),
    till_id            BIGINT      NOT NULL REFERENCES till_session(id),
    operator_id        BIGINT      NOT NULL REFERENCES operator(id),
    paid_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    business_day       DATE        NOT NULL,
    total_due_fen      BIGINT      NOT NULL,
    cash_received_fen  BIGINT      NOT NULL,
    money_received_fen BIGINT      NOT NULL,
    change_fen         BIGINT      NOT NULL,
    credit_used_fen    BIGINT      NOT NULL,
    credit_added_fen   BIGINT      NOT NULL,
    voucher_m3         BIGINT      NOT NULL,
    voucher_value_fen  BIGINT      NOT NULL,
    still_owed_fen     BIGINT      NOT NULL,
    status             VARCHAR(10) NOT NULL,
    CONSTRAINT payment_status CHECK (status IN ('COMPLETED', 'CANCELLED'))
);
CREATE INDEX payment_account ON payment(account_id, paid_at);
CREATE INDEX payment_till ON payment(till_id);

CREATE TABLE payment_line (
    payment_id  BIGINT       NOT NULL REFERENCES payment(id),
    line_no     INT          NOT NULL,
    kind        VARCHAR(24)  NOT NULL,
    bill_id     BIGINT,
    label       VARCHAR(100) NOT NULL,
    amount_fen  BIGINT       NOT NULL,
    volume_m3   BIGINT       NOT NULL,
    PRIMARY KEY (payment_id, line_no)
);

CREATE TABLE payment_tender (
    payment_id             BIGINT      NOT NULL REFERENCES payment(id),
    tender_no              INT         NOT NULL,
    kind                   VARCHAR(12) NOT NULL,
    amount_fen             BIGINT      NOT NULL,
    reference              VARCHAR(40),
    voucher_count          INT,
    voucher_face_fen       BIGINT,
    voucher_valid_through  DATE,
    PRIMARY KEY (payment_id, tender_no)
);

-- A bank deposit slip pays once, ever (even if its payment is later cancelled).
CREATE TABLE bank_slip (
    slip_no     VARCHAR(40) PRIMARY KEY,
    payment_id  BIGINT      NOT NULL REFERENCES payment(id),
    used_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Money moving through a till: what the daily close adds up.
CREATE TABLE till_posting (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    till_id     BIGINT      NOT NULL REFERENCES till_session(id),
    payment_id  BIGINT      REFERENCES payment(id),
    kind        VARCHAR(16) NOT NULL,
    amount_fen  BIGINT      NOT NULL,
    reference   VARCHAR(40),
    posted_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX till_posting_till ON till_posting(till_id, kind);

CREATE TABLE receipt (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind           VARCHAR(12)  NOT NULL,
    number         BIGINT       NOT NULL,
    stock_id       BIGINT       NOT NULL REFERENCES receipt_stock(id),
    payment_id     BIGINT       NOT NULL REFERENCES payment(id),
    part           VARCHAR(12)  NOT NULL,
    issued_by      BIGINT       NOT NULL REFERENCES operator(id),
    issued_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    status         VARCHAR(8)   NOT NULL,
    void_reason    VARCHAR(200),
    void_approval  BIGINT       REFERENCES approval(id),
    reprints       INT          NOT NULL DEFAULT 0,
    printed        BOOLEAN      NOT NULL DEFAULT FALSE,
    mac            VARCHAR(16)  NOT NULL,
    UNIQUE (kind, number),
    CONSTRAINT receipt_status CHECK (status IN ('ISSUED', 'VOIDED')),
    CONSTRAINT receipt_part CHECK (part IN ('WHOLE', 'VOUCHER', 'CASH'))
);
CREATE INDEX receipt_payment ON receipt(payment_id);

CREATE TABLE late_fee_waiver (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    bill_id      BIGINT NOT NULL REFERENCES bill(id),
    payment_id   BIGINT NOT NULL REFERENCES payment(id),
    due_fen      BIGINT NOT NULL,
    charged_fen  BIGINT NOT NULL,
    approval_id  BIGINT NOT NULL REFERENCES approval(id)
);
