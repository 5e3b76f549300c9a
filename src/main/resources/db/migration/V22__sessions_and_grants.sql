-- Log-in sessions (ADR 0013): one row per log-in. The token itself lives only in the program's
-- memory and in the Operator it handed out; the file holds its SHA-256, so a copied file yields no
-- usable session. ended_at is set at log-out.
CREATE TABLE operator_session (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    token_hash   CHAR(64)                 NOT NULL UNIQUE,
    operator_id  BIGINT                   NOT NULL REFERENCES operator(id),
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX operator_session_operator ON operator_session(operator_id);

-- An approval grant (a manager's password entered once) is used for one action only: the approval
-- row that uses it carries its id, and the unique index refuses a second use even from two
-- transactions at the same moment. Older approvals have none.
ALTER TABLE approval ADD COLUMN grant_id CHAR(32);
CREATE UNIQUE INDEX approval_grant_once ON approval(grant_id);
