-- Search that never stalls (issue 15 §3, docs/adr/0020-trigram-search-and-phone-tail.md).
--
-- search_trigram: for every three adjacent characters of an account's indexed name and address (as
-- search_text holds them), which accounts hold it: one row per block of 1,024 account ids, members as in
-- search_gram. A trigram is numbered once in search_trigram_key; slot = number * 2^21 + block, so that a
-- trigram's rows lie together in block order. A query of three or more characters is looked up by its
-- trigrams: one that no account holds ("元1单", "2单元1幢") ends the search before any row is read.
-- Maintained by AccountRepository in the transaction that writes the account; V32 fills it for the
-- accounts already there.
CREATE TABLE search_trigram_key (
    id    BIGINT      PRIMARY KEY,
    gram  VARCHAR(6)  NOT NULL,
    CONSTRAINT search_trigram_key_gram UNIQUE (gram)
);
CREATE TABLE search_trigram (
    slot     BIGINT         PRIMARY KEY,
    members  VARBINARY(128) NOT NULL
);

-- 手机尾号: the last four characters of the holder's phone, kept by H2 itself with every write of
-- holder_phone, and indexed, so that the tail of a phone number (4 digits or more) finds the account.
ALTER TABLE account ADD COLUMN phone_tail VARCHAR(4) GENERATED ALWAYS AS (RIGHT(holder_phone, 4));
CREATE INDEX account_phone_tail ON account(phone_tail);
