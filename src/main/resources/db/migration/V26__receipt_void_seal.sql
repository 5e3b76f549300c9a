-- A voided receipt carries a seal over its verification fields and the word VOIDED (ReceiptMac), so
-- head office, checking a printed code, learns it was voided; a 作废重开 names its replacement.
ALTER TABLE receipt ADD COLUMN void_mac VARCHAR(24);
ALTER TABLE receipt ADD COLUMN replaced_by BIGINT REFERENCES receipt(id);
-- what the receipts read of an IC-card purchase (card, count, reversal) is found by payment
CREATE INDEX gas_purchase_payment ON gas_purchase(payment_id);
CREATE INDEX gas_purchase_refund_payment ON gas_purchase(refund_payment_id);
