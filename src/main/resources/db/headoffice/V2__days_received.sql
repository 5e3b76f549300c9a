-- When each terminal's business day arrived at head office (the web page's and the consolidated
-- report's "received" and "late"), kept as batches are accepted; and indexes for day-wide reads
-- across every hall (the consolidated day, the overdue list).
CREATE TABLE ho_terminal_day (
    hall_code         VARCHAR(32) NOT NULL,
    terminal_code     VARCHAR(32) NOT NULL,
    business_day      DATE        NOT NULL,
    first_received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    batches           INTEGER     NOT NULL,
    PRIMARY KEY (hall_code, terminal_code, business_day)
);
CREATE INDEX ho_terminal_day_day ON ho_terminal_day (business_day);
CREATE INDEX ho_till_figure_day ON ho_till_figure (business_day);

INSERT INTO ho_terminal_day (hall_code, terminal_code, business_day, first_received_at, last_received_at, batches)
SELECT e.hall_code, e.terminal_code, e.business_day, MIN(b.received_at), MAX(b.received_at), COUNT(DISTINCT b.seq)
FROM ho_event e
JOIN ho_batch b ON b.hall_code = e.hall_code AND b.terminal_code = e.terminal_code AND b.epoch = e.epoch
               AND e.journal_seq BETWEEN b.first_journal_seq AND b.last_journal_seq
GROUP BY e.hall_code, e.terminal_code, e.business_day;
