-- Phone tails (手机尾号) without reading the accounts one by one (issue 15 §3, docs/adr/0024).
--
-- A four-digit tail is held by about one account in ten thousand, a hundred at 1,000,000 accounts, each
-- on another page of the account table: the search read a hundred pages from the file to sort them by
-- account number. This index holds every column the search's result needs, in tail order, so H2 answers
-- from a few pages of the index alone. It replaces the tail-only index of V31.
CREATE INDEX account_phone_tail_summary ON account(phone_tail, holder_phone, account_no, holder_name, address_text,
    kind, meter_kind, status);
DROP INDEX account_phone_tail;
