-- Payment reversal (冲正, DESIGN 2.7): a completed payment is corrected by a new payment of the day
-- it is done on, with every figure negated, linked here to the original. The original's rows (and
-- its day, possibly signed off) stay as they were. A payment is reversed once only (UNIQUE); a
-- reversal is never itself reversed (the service refuses a payment found in reversal_payment_id).
CREATE TABLE payment_reversal (
    reversal_payment_id  BIGINT       PRIMARY KEY REFERENCES payment(id),
    original_payment_id  BIGINT       NOT NULL UNIQUE REFERENCES payment(id),
    reason               VARCHAR(200) NOT NULL,
    approval_id          BIGINT       NOT NULL REFERENCES approval(id),
    reversed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT reversal_not_itself CHECK (reversal_payment_id <> original_payment_id)
);
