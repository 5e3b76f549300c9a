-- Which holder a payment was made for (a receipt names the holder at payment time, not at print time;
-- docs/receipt-layout.md). after_payment_id is the account's last payment when the period began: the
-- period's holder made the account's payments with higher ids, up to the next period's after_payment_id.
-- Payment ids order one account's payments, since a payment and a transfer both lock the account row.
-- A transfer's arrears are collected in its transaction before the new period starts, so they are the
-- old holder's. Opening periods begin before any payment (0).
ALTER TABLE holder_period ADD COLUMN after_payment_id BIGINT DEFAULT 0 NOT NULL;

-- Periods started by earlier transfers: the account's last payment at the time of its n-th
-- ACCOUNT_TRANSFERRED event, for its n-th TRANSFER period (the transfer's arrears share its instant).
UPDATE holder_period hp SET after_payment_id = COALESCE((
    SELECT MAX(p.id) FROM payment p
    WHERE p.account_id = hp.account_id AND p.paid_at <= (
        SELECT j.occurred_at FROM journal j JOIN account a ON j.subject = CONCAT('account:', a.account_no)
        WHERE a.id = hp.account_id AND j.type = 'ACCOUNT_TRANSFERRED'
          AND (SELECT COUNT(*) FROM journal j2 WHERE j2.type = 'ACCOUNT_TRANSFERRED' AND j2.subject = j.subject
               AND j2.seq < j.seq)
            = (SELECT COUNT(*) FROM holder_period h2 WHERE h2.account_id = hp.account_id AND h2.reason = 'TRANSFER'
               AND h2.id < hp.id))), 0)
WHERE hp.reason = 'TRANSFER';

-- One row per transfer (过户) from now on, as its business confirmation (过户业务回执) prints it: the
-- holder period it ended and the one it started, who acted for the new holder, the documents seen,
-- the arrears payment, who did it when, and how often the confirmation came out of the printer.
CREATE TABLE account_transfer (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id         BIGINT       NOT NULL REFERENCES account(id),
    old_period_id      BIGINT       NOT NULL REFERENCES holder_period(id),
    new_period_id      BIGINT       NOT NULL REFERENCES holder_period(id),
    proxy_name         VARCHAR(100),
    proxy_id           VARCHAR(30),
    documents          VARCHAR(400) NOT NULL,
    payment_id         BIGINT       REFERENCES payment(id),
    transferred_by     BIGINT       NOT NULL REFERENCES operator(id),
    transferred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    print_count        INT          NOT NULL DEFAULT 0,
    printed_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX account_transfer_account ON account_transfer(account_id);
