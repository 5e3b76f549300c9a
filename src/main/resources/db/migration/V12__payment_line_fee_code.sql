-- A fee line keeps the code of its catalogue item, so deposits (表具检测押金, 气费押金) are found again
-- for their refund at closure whatever the item is called today or in the cashier's language.
ALTER TABLE payment_line ADD COLUMN fee_code VARCHAR(30);

-- Lines written before this migration kept only the item's name: take the code from the catalogue.
UPDATE payment_line l SET fee_code = (SELECT MIN(f.code) FROM fee_item f WHERE f.name = l.label)
WHERE l.kind = 'FEE_ITEM' AND l.fee_code IS NULL;
