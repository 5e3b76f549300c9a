-- The day's reports (ReportRepository.tillsOf) and the sign-off's "oldest unsigned day"
-- (ReportRepository.unsignedDaysWithTills) read till sessions by business day; without an index
-- H2 scanned the whole table (EXPLAIN: /* PUBLIC.TILL_SESSION.tableScan */), one row per cashier and day.
CREATE INDEX till_session_day ON till_session(business_day);
