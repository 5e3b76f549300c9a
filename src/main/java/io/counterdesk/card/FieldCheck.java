package io.counterdesk.card;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A field check of an IC meter (现场核查), needed when a card was lost while in use or the meter is
 * replaced: what the meter shows decides what may be re-credited.
 *
 * @param meterPurchaseCount the last purchase count the meter loaded
 * @param meterLoadedM3      all gas the meter loaded since installation
 * @param remainingCentiM3   gas left in the meter (hundredths of a m³)
 */
public record FieldCheck(long accountId, LocalDate checkedOn, String checkedBy, int meterPurchaseCount,
                         long meterLoadedM3, long remainingCentiM3, String note) {

    public FieldCheck {
        Objects.requireNonNull(checkedOn);
        if (checkedBy == null || checkedBy.isBlank()) {
            throw new io.counterdesk.shared.BusinessException("topup.fieldCheck.checkerRequired");
        }
        if (meterPurchaseCount < 0 || meterLoadedM3 < 0 || remainingCentiM3 < 0) {
            throw new io.counterdesk.shared.BusinessException("topup.fieldCheck.negative");
        }
        note = note == null ? "" : note.strip();
    }
}
