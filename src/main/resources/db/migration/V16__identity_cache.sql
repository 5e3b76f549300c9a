-- H2 keeps 32 values of an identity column in memory and, when they are used up, writes the
-- sequence's new position with a store of its own (a whole chunk of the file, before the payment's
-- own commit). A payment takes ids from three identities (payment, till_posting, receipt), so about
-- one payment in ten paid for an extra store (docs/benchmarks.md, "Fifth look"). With 1,024 cached
-- that is one in about 340. These ids are surrogate keys no one reads: receipt numbers come from the
-- numbered stock (receipt_stock.next_no), journal sequence numbers are given by the journal, account
-- numbers are their own column. After a crash H2 skips the cached ids it had not handed out, which
-- leaves a gap in these keys only.
ALTER TABLE payment ALTER COLUMN id SET CACHE 1024;
ALTER TABLE till_posting ALTER COLUMN id SET CACHE 1024;
ALTER TABLE receipt ALTER COLUMN id SET CACHE 1024;
ALTER TABLE gas_purchase ALTER COLUMN id SET CACHE 1024;
ALTER TABLE service_time ALTER COLUMN id SET CACHE 1024;
ALTER TABLE approval ALTER COLUMN id SET CACHE 1024;
ALTER TABLE late_fee_waiver ALTER COLUMN id SET CACHE 1024;
ALTER TABLE card_service_record ALTER COLUMN id SET CACHE 1024;
ALTER TABLE meter_card_read ALTER COLUMN id SET CACHE 1024;
ALTER TABLE bank_debit ALTER COLUMN id SET CACHE 1024;
ALTER TABLE account_opening ALTER COLUMN id SET CACHE 1024;
ALTER TABLE account_status_change ALTER COLUMN id SET CACHE 1024;
ALTER TABLE account_transfer ALTER COLUMN id SET CACHE 1024;
ALTER TABLE holder_period ALTER COLUMN id SET CACHE 1024;
ALTER TABLE balance_move ALTER COLUMN id SET CACHE 1024;
ALTER TABLE field_check ALTER COLUMN id SET CACHE 1024;
ALTER TABLE till_deposit ALTER COLUMN id SET CACHE 1024;
