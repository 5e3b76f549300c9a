-- A void marks its payment's receipts (HeadOfficeRepository.markVoided): found by the payment, not by
-- scanning every receipt of the hall (a month of a hall is tens of thousands of receipts).
CREATE INDEX ho_receipt_payment ON ho_receipt (hall_code, terminal_code, payment_id);
