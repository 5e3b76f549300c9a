package io.counterdesk.card;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The record of one card service at the counter (补卡 / 补气 / 转移卡, DESIGN 2.5), as stored and
 * printed for the archive: the business, the account, the old and new card, the gas written, the
 * field check it rests on, the reason, the cashier and the approving hall manager.
 *
 * @param volumeM3   gas re-credited or transferred (0 for a reissue without gas)
 * @param fieldCheck the field check the service used, if there was one
 * @param printCount how many times it came out of the printer (0: not yet; more than 1: copies)
 */
public record CardServiceRecord(long id, Business business, long accountId, String accountNo, String maskedHolder,
                                String oldSerial, String newSerial, String oldMeterNo, String newMeterNo,
                                long volumeM3, Long writeId, Optional<FieldCheck> fieldCheck, String reason,
                                String operatorStaffNo, String approverStaffNo, Instant createdAt, int printCount) {

    /** The card services the counter offers. */
    public enum Business {
        /** 补卡（卡损坏）. */
        DAMAGED,
        /** 补卡（未用卡丢失）. */
        LOST_UNUSED,
        /** 补卡（在用卡丢失，需现场核查）. */
        LOST_IN_USE,
        /** 旧卡找回清零补气. */
        FOUND_CARD,
        /** 换表（转移卡）. */
        METER_REPLACED,
        /**
         * 补写首张卡: the first card of an IC account whose write at opening failed or was left
         * ({@link CardIssueService#issueFirst}). Offered on the card service screen; like the first
         * issue at opening it stores no record.
         */
        FIRST_CARD;

        /** The reissue case of a 补卡 business. */
        public Optional<CardIssueService.ReissueCase> reissueCase() {
            return switch (this) {
                case DAMAGED -> Optional.of(CardIssueService.ReissueCase.DAMAGED);
                case LOST_UNUSED -> Optional.of(CardIssueService.ReissueCase.LOST_UNUSED);
                case LOST_IN_USE -> Optional.of(CardIssueService.ReissueCase.LOST_IN_USE);
                default -> Optional.empty();
            };
        }
    }

    public CardServiceRecord {
        Objects.requireNonNull(business);
        Objects.requireNonNull(fieldCheck);
        Objects.requireNonNull(reason);
        oldSerial = oldSerial == null ? "" : oldSerial;
        newSerial = newSerial == null ? "" : newSerial;
        oldMeterNo = oldMeterNo == null ? "" : oldMeterNo;
        newMeterNo = newMeterNo == null ? "" : newMeterNo;
        approverStaffNo = approverStaffNo == null ? "" : approverStaffNo;
    }

    /** Whether the record has been printed at least once (a further print is a copy). */
    public boolean printed() {
        return printCount > 0;
    }

    /** A record to be stored: everything but its id, time and print state. */
    public static CardServiceRecord draft(Business business, long accountId, String accountNo, String maskedHolder,
                                          String oldSerial, String newSerial, String oldMeterNo, String newMeterNo,
                                          long volumeM3, Long writeId, FieldCheck check, String reason,
                                          String operatorStaffNo, String approverStaffNo) {
        return new CardServiceRecord(0, business, accountId, accountNo, maskedHolder, oldSerial, newSerial, oldMeterNo,
                newMeterNo, volumeM3, writeId, Optional.ofNullable(check), reason, operatorStaffNo, approverStaffNo,
                Instant.EPOCH, 0);
    }
}
