-- A range handed over before any of its numbers was used (ReceiptStockService.handOver) is closed as
-- 'HANDED_OVER' with no numbers left in it: last_no = first_no - 1. V2 allowed neither: the status
-- column held 10 characters ('HANDED_OVER' has 11) and the range check wanted first_no <= last_no.
ALTER TABLE receipt_stock ALTER COLUMN status SET DATA TYPE VARCHAR(12);
ALTER TABLE receipt_stock DROP CONSTRAINT stock_range;
ALTER TABLE receipt_stock ADD CONSTRAINT stock_range
    CHECK (first_no > 0 AND last_no >= first_no - 1 AND next_no BETWEEN first_no AND last_no + 1);
