-- Closing the day (DESIGN 2.6-2.7, seed 第二十四条/第二十五条): bank deposits from the till, the
-- cashier's blind cash count by denomination with the card and bank slips ticked, the till close
-- with its over/short and explanation, and the hall's sign-off that locks the day.

-- Cash paid from a till into the company's bank account (or to finance). Slip numbers run per cashier
-- and month: 王伟7-1, 王伟7-2 … (slip_month 2025-07, slip_seq 1, 2 …). Each deposit also posts a
-- till_posting of kind DEPOSIT, so the till's figures are all in till_posting.
CREATE TABLE till_deposit (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    till_id       BIGINT       NOT NULL REFERENCES till_session(id),
    operator_id   BIGINT       NOT NULL REFERENCES operator(id),
    slip_month    VARCHAR(7)   NOT NULL,
    slip_seq      INT          NOT NULL,
    slip_no       VARCHAR(60)  NOT NULL,
    amount_fen    BIGINT       NOT NULL,
    deposited_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    late          BOOLEAN      NOT NULL,
    UNIQUE (operator_id, slip_month, slip_seq),
    CONSTRAINT deposit_amount CHECK (amount_fen > 0 AND slip_seq > 0)
);
CREATE INDEX till_deposit_till ON till_deposit(till_id);

-- A cash count (清点) of a till: counted blind, then set against the system's figures as they stood.
-- A recount adds a row (count_no 2, 3 …); the close uses the last one.
CREATE TABLE till_count (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    till_id             BIGINT      NOT NULL REFERENCES till_session(id),
    count_no            INT         NOT NULL,
    counted_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    float_fen           BIGINT      NOT NULL,
    cash_in_fen         BIGINT      NOT NULL,
    change_fen          BIGINT      NOT NULL,
    refunds_fen         BIGINT      NOT NULL,
    deposits_fen        BIGINT      NOT NULL,
    expected_cash_fen   BIGINT      NOT NULL,
    counted_cash_fen    BIGINT      NOT NULL,
    card_expected_fen   BIGINT      NOT NULL,
    card_ticked_fen     BIGINT      NOT NULL,
    slip_expected_fen   BIGINT      NOT NULL,
    slip_ticked_fen     BIGINT      NOT NULL,
    -- how many till postings the figures include: more at the close means business after the count
    postings            INT         NOT NULL,
    UNIQUE (till_id, count_no)
);

-- The pieces of each denomination (face value in fen: 10000, 5000, 2000, 1000, 500, 100, 50, 10).
CREATE TABLE till_count_piece (
    count_id   BIGINT NOT NULL REFERENCES till_count(id),
    face_fen   BIGINT NOT NULL,
    pieces     INT    NOT NULL,
    PRIMARY KEY (count_id, face_fen),
    CONSTRAINT count_pieces CHECK (pieces >= 0)
);

-- The system's bank-card and bank-slip postings the cashier could not tick at the count.
CREATE TABLE till_count_missing (
    count_id    BIGINT NOT NULL REFERENCES till_count(id),
    posting_id  BIGINT NOT NULL REFERENCES till_posting(id),
    PRIMARY KEY (count_id, posting_id)
);

-- The close of a till session: the count it rests on and the explanation of any over/short (长短款).
CREATE TABLE till_close (
    till_id        BIGINT       PRIMARY KEY REFERENCES till_session(id),
    count_id       BIGINT       NOT NULL REFERENCES till_count(id),
    closed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_by      BIGINT       NOT NULL REFERENCES operator(id),
    over_short_fen BIGINT       NOT NULL,
    explanation    VARCHAR(500) NOT NULL
);

-- The hall's day signed off by its checker (核对员). A signed day is locked: the journal refuses any
-- business event on it (persistence/DayLocks).
CREATE TABLE day_signoff (
    business_day  DATE         PRIMARY KEY,
    signed_by     BIGINT       NOT NULL REFERENCES operator(id),
    signed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    note          VARCHAR(500) NOT NULL
);
