-- Issue 13 §2, ADR 0012: each event's HMAC-SHA256 over its hash, keyed by the terminal's key store
-- (outside this file). Events from before carry none; the setting journal.mac.from (sealed, written
-- at start-up) names the first event that must.
ALTER TABLE journal ADD COLUMN mac VARCHAR(64);
