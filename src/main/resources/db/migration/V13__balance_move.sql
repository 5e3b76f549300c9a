-- Moving a credit balance or a deposit between two accounts of the same holder (DESIGN 2.3, 过户's
-- second half; docs/account-opening.md). No money crosses the counter, so no payment, receipt or
-- till line: the move is its own record. A deposit moved counts at closure as a refund on the
-- account it left and as a deposit on the account it joined (AccountStatusRepository.depositLines).
CREATE TABLE balance_move (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    from_account_id BIGINT       NOT NULL REFERENCES account(id),
    to_account_id   BIGINT       NOT NULL REFERENCES account(id),
    kind            VARCHAR(10)  NOT NULL,
    deposit_code    VARCHAR(30),
    amount_fen      BIGINT       NOT NULL,
    reason          VARCHAR(200) NOT NULL,
    approval_id     BIGINT       NOT NULL REFERENCES approval(id),
    moved_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    moved_by        BIGINT       NOT NULL REFERENCES operator(id),
    CONSTRAINT balance_move_kind CHECK ((kind = 'CREDIT' AND deposit_code IS NULL)
                                        OR (kind = 'DEPOSIT' AND deposit_code IS NOT NULL)),
    CONSTRAINT balance_move_amount CHECK (amount_fen > 0),
    CONSTRAINT balance_move_accounts CHECK (from_account_id <> to_account_id)
);
CREATE INDEX balance_move_from ON balance_move(from_account_id);
CREATE INDEX balance_move_to ON balance_move(to_account_id);
