-- Head office's TLS certificate(s) pinned at enrolment (docs/sync-protocol.md, "TLS and pinning"): the
-- only certificates (or CAs) an https:// head office may show this terminal. Empty for plain HTTP.
-- Not a setting: a certificate chain is longer than a setting's 1,000 characters.
CREATE TABLE sync_pinned_certificate (
    fingerprint VARCHAR(64)  PRIMARY KEY,
    pem         CLOB         NOT NULL,
    pinned_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
