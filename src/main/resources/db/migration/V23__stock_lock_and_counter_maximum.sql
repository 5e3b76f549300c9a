-- Receipt stock ranges of one kind never overlap, also when two managers register at the same
-- moment: a registration locks its kind's row here (SELECT … FOR UPDATE) before it looks for a
-- clash, so the second waits for the first to commit and then sees its range.
CREATE TABLE receipt_stock_lock (
    kind  VARCHAR(12) PRIMARY KEY
);
INSERT INTO receipt_stock_lock(kind) VALUES ('RECEIPT'), ('CHECK_SLIP');

-- The largest amount a person may type at the counter (fen), ADR 0013: ¥100,000. A hall's biggest
-- ordinary business is a commercial account's arrears or an opening with its deposits, a few ten
-- thousand yuan; anything larger is a typing slip (an extra zero) or goes through head office.
MERGE INTO setting(name, val) KEY(name) VALUES ('counter.max.fen', '10000000');
