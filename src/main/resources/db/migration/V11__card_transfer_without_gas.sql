-- A meter replaced with no whole m³ left still rebinds the card to the new meter: that is a
-- TRANSFER write of 0 m³ (the card's purchase count names it), so a card write that fails is an
-- open write like any other (docs/card-writes.md). Every other write still carries gas.
ALTER TABLE gas_purchase DROP CONSTRAINT purchase_volume;
ALTER TABLE gas_purchase ADD CONSTRAINT purchase_volume CHECK ((volume_m3 > 0 OR kind = 'TRANSFER' AND volume_m3 = 0)
    AND amount_fen >= 0 AND purchase_no > 0);
