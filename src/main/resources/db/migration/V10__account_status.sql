-- Suspension, restoration and closure of accounts (停气/复气/销户, DESIGN 2.4; docs/account-status.md).

-- Which fee items are deposits and which refund them: deposit_of names the deposit item (the deposit
-- itself and its refund both carry it). What an account may get back at closure is the sum of its
-- paid fee lines of such items (deposits positive, refunds negative), per deposit.
ALTER TABLE fee_item ADD COLUMN deposit_of VARCHAR(30);
UPDATE fee_item SET deposit_of = 'METER_TEST_DEPOSIT' WHERE code IN ('METER_TEST_DEPOSIT', 'METER_TEST_REFUND');

-- The non-residential gas deposit (气费押金) and its refund; not picked from the catalogue (inactive):
-- the opening takes the deposit, closure pays it back. Added only where the opening has not already.
INSERT INTO fee_item(code, name, price_fen, sort_order, active)
    SELECT 'GAS_DEPOSIT', '气费押金', 0, 60, FALSE FROM DUAL
    WHERE NOT EXISTS (SELECT 1 FROM fee_item WHERE code = 'GAS_DEPOSIT');
INSERT INTO fee_item(code, name, price_fen, sort_order, active)
    SELECT 'GAS_DEPOSIT_REFUND', '气费押金退还', 0, 70, FALSE FROM DUAL
    WHERE NOT EXISTS (SELECT 1 FROM fee_item WHERE code = 'GAS_DEPOSIT_REFUND');
UPDATE fee_item SET deposit_of = 'GAS_DEPOSIT' WHERE code IN ('GAS_DEPOSIT', 'GAS_DEPOSIT_REFUND');
-- A credit balance paid back in cash at closure.
INSERT INTO fee_item(code, name, price_fen, sort_order, active)
    SELECT 'CREDIT_REFUND', '预存余额退还', 0, 80, FALSE FROM DUAL
    WHERE NOT EXISTS (SELECT 1 FROM fee_item WHERE code = 'CREDIT_REFUND');

-- Every status change of an account, with who, why and (closure) the refund payment and approval.
CREATE TABLE account_status_change (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id    BIGINT       NOT NULL REFERENCES account(id),
    from_status   VARCHAR(12)  NOT NULL,
    to_status     VARCHAR(12)  NOT NULL,
    reason        VARCHAR(200) NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by    BIGINT       NOT NULL REFERENCES operator(id),
    approval_id   BIGINT       REFERENCES approval(id),
    payment_id    BIGINT       REFERENCES payment(id),
    CONSTRAINT status_change_to CHECK (to_status IN ('ACTIVE', 'SUSPENDED', 'CLOSED'))
);
CREATE INDEX account_status_change_account ON account_status_change(account_id, changed_at);
