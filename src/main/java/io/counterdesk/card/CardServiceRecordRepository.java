package io.counterdesk.card;

import io.counterdesk.persistence.Tx;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for the card service records (migration V5). */
public final class CardServiceRecordRepository {

    private static final RowMapper<CardServiceRecord> RECORD = (rs, ctx) -> {
        long accountId = rs.getLong("account_id");
        LocalDate checkedOn = rs.getObject("checked_on", LocalDate.class);
        FieldCheck check = checkedOn == null ? null : new FieldCheck(accountId, checkedOn, rs.getString("checked_by"),
                rs.getInt("meter_purchase_count"), rs.getLong("meter_loaded_m3"), rs.getLong("remaining_centi_m3"), "");
        return new CardServiceRecord(rs.getLong("id"), CardServiceRecord.Business.valueOf(rs.getString("business")),
                accountId, rs.getString("account_no"), rs.getString("holder_masked"), rs.getString("old_serial"),
                rs.getString("new_serial"), rs.getString("old_meter_no"), rs.getString("new_meter_no"),
                rs.getLong("volume_m3"), (Long) rs.getObject("write_id", Long.class), Optional.ofNullable(check),
                rs.getString("reason"), rs.getString("operator_staff_no"), rs.getString("approver_staff_no"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getInt("print_count"));
    };

    public long insert(Tx tx, CardServiceRecord draft) {
        Optional<FieldCheck> check = draft.fieldCheck();
        return tx.handle().createUpdate("""
                INSERT INTO card_service_record(business, account_id, account_no, holder_masked, old_serial,
                    new_serial, old_meter_no, new_meter_no, volume_m3, write_id, checked_by, checked_on,
                    meter_purchase_count, meter_loaded_m3, remaining_centi_m3, reason, operator_staff_no,
                    approver_staff_no, created_at)
                VALUES (:business, :account, :accountNo, :holder, :oldSerial, :newSerial, :oldMeter, :newMeter,
                    :m3, :write, :checkedBy, :checkedOn, :count, :loaded, :remaining, :reason, :operator,
                    :approver, :at)""")
                .bind("business", draft.business().name()).bind("account", draft.accountId())
                .bind("accountNo", draft.accountNo()).bind("holder", draft.maskedHolder())
                .bind("oldSerial", draft.oldSerial()).bind("newSerial", draft.newSerial())
                .bind("oldMeter", draft.oldMeterNo()).bind("newMeter", draft.newMeterNo())
                .bind("m3", draft.volumeM3()).bind("write", draft.writeId())
                .bind("checkedBy", check.map(FieldCheck::checkedBy).orElse(null))
                .bind("checkedOn", check.map(FieldCheck::checkedOn).orElse(null))
                .bind("count", check.map(FieldCheck::meterPurchaseCount).orElse(null))
                .bind("loaded", check.map(FieldCheck::meterLoadedM3).orElse(null))
                .bind("remaining", check.map(FieldCheck::remainingCentiM3).orElse(null))
                .bind("reason", draft.reason()).bind("operator", draft.operatorStaffNo())
                .bind("approver", draft.approverStaffNo().isEmpty() ? null : draft.approverStaffNo())
                .bind("at", tx.now().atOffset(ZoneOffset.UTC))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public Optional<CardServiceRecord> find(Tx tx, long id) {
        return tx.handle().createQuery("SELECT * FROM card_service_record WHERE id = :id").bind("id", id)
                .map(RECORD).findOne();
    }

    /** One more print of the record, now. */
    public void markPrinted(Tx tx, long id) {
        tx.handle().createUpdate("""
                UPDATE card_service_record SET print_count = print_count + 1, printed_at = :at WHERE id = :id""")
                .bind("at", tx.now().atOffset(ZoneOffset.UTC)).bind("id", id).execute();
    }
}
