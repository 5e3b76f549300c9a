-- PostgreSQL only (HeadOfficeStore adds this location for PostgreSQL; H2 keeps one ho_event table):
-- ho_event partitioned by business day (declarative range partitioning, one partition per day,
-- named ho_event_YYYYMMDD). A day's ingest writes into that day's small partition and its index, so
-- ingest does not slow down as months pile up, and old days can be detached or dropped whole.
-- HeadOfficeStore creates a day's partition on demand, in its own short transaction ahead of the
-- batch that needs it. The primary key must contain the partition key, so it gains business_day
-- (an event's number and epoch stay unique per terminal by the acceptance rules: the terminal's row
-- is locked and the chain checked before any event is stored). Within a day's partition the key
-- (hall, terminal, …) also serves the day's events of one terminal, so the old ho_event_day index
-- is not needed.
ALTER TABLE ho_event RENAME TO ho_event_unpartitioned;
ALTER TABLE ho_event_unpartitioned RENAME CONSTRAINT ho_event_pkey TO ho_event_unpartitioned_pkey;
DROP INDEX ho_event_day;

CREATE TABLE ho_event (
    hall_code     VARCHAR(32)  NOT NULL,
    terminal_code VARCHAR(32)  NOT NULL,
    business_day  DATE         NOT NULL,
    epoch         BIGINT       NOT NULL,
    journal_seq   BIGINT       NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    staff_no      VARCHAR(32)  NOT NULL,
    type          VARCHAR(64)  NOT NULL,
    subject       VARCHAR(200) NOT NULL,
    payload       TEXT         NOT NULL,
    prev_hash     VARCHAR(64)  NOT NULL,
    hash          VARCHAR(64)  NOT NULL,
    PRIMARY KEY (hall_code, terminal_code, epoch, journal_seq, business_day)
) PARTITION BY RANGE (business_day);

DO $$
DECLARE
    d DATE;
BEGIN
    FOR d IN SELECT DISTINCT business_day FROM ho_event_unpartitioned LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF ho_event FOR VALUES FROM (%L) TO (%L)',
                       'ho_event_' || to_char(d, 'YYYYMMDD'), d, d + 1);
    END LOOP;
END $$;

INSERT INTO ho_event (hall_code, terminal_code, business_day, epoch, journal_seq, occurred_at, staff_no, type, subject,
                      payload, prev_hash, hash)
SELECT hall_code, terminal_code, business_day, epoch, journal_seq, occurred_at, staff_no, type, subject, payload,
       prev_hash, hash
FROM ho_event_unpartitioned;

DROP TABLE ho_event_unpartitioned;
