package io.counterdesk.card;

import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.persistence.Tx;
import io.counterdesk.printing.PrintDocument;
import io.counterdesk.printing.PrinterException;
import io.counterdesk.printing.ReceiptPrinter;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Permission;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The printed records of card services (补卡 / 补气 记录, DESIGN 2.5: "a printed record that is
 * archived"). A record is stored when its business has committed, printed on the receipt printer
 * after that, and may be printed again at any time; the first print is the original, every later
 * one is marked as a copy (重打). Whether and how often it printed is stored with it.
 */
public final class CardServiceRecords {

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

    private final Database database;
    private final Journal journal;
    private final TerminalIdentity terminal;
    private final ReceiptPrinter printer;

    public CardServiceRecords(Database database, Journal journal, TerminalIdentity terminal, ReceiptPrinter printer) {
        this.database = database;
        this.journal = journal;
        this.terminal = terminal;
        this.printer = printer;
    }

    /** Stores the record of a business that has committed; returns it with its id and time. */
    public CardServiceRecord save(Operator cashier, CardServiceRecord draft) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        return database.inTransaction(tx -> {
            Optional<FieldCheck> check = draft.fieldCheck();
            long id = tx.handle().createUpdate("""
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
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("recordId", id);
            payload.put("business", draft.business().name());
            payload.put("oldSerial", draft.oldSerial());
            payload.put("newSerial", draft.newSerial());
            payload.put("volumeM3", draft.volumeM3());
            journal.append(tx, cashier.staffNo(), "CARD_SERVICE_RECORDED", "account:" + draft.accountNo(), payload);
            return find(tx, id);
        });
    }

    public CardServiceRecord find(Operator operator, long id) {
        AuthService.require(operator, Permission.LOOKUP);
        return database.read(tx -> find(tx, id));
    }

    /**
     * Prints the record: the original the first time, a copy (重打) after that; the print is stored
     * only once the printer took it. Blocks on the printer: call it in the background.
     *
     * @return the record with its new print count
     * @throws PrinterException when the printer fails (nothing stored; print again later)
     */
    public CardServiceRecord print(Operator cashier, long id) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        CardServiceRecord record = database.read(tx -> find(tx, id));
        PrintDocument document = CardServiceRecordLayout.layout(record, terminal.hallName(), database.clock().getZone());
        try {
            printer.print(record.printed() ? document.asCopy(I18n.text("receipt.print.copy")) : document);
        } catch (PrinterException e) {
            printer.discardPending();
            throw e;
        }
        return database.inTransaction(tx -> {
            tx.handle().createUpdate("""
                    UPDATE card_service_record SET print_count = print_count + 1, printed_at = :at WHERE id = :id""")
                    .bind("at", tx.now().atOffset(ZoneOffset.UTC)).bind("id", id).execute();
            journal.append(tx, cashier.staffNo(), "CARD_SERVICE_PRINTED", "account:" + record.accountNo(),
                    Map.of("recordId", id, "copy", record.printed()));
            return find(tx, id);
        });
    }

    private static CardServiceRecord find(Tx tx, long id) {
        return tx.handle().createQuery("SELECT * FROM card_service_record WHERE id = :id").bind("id", id)
                .map(RECORD).findOne().orElseThrow(() -> new BusinessException("cardRecord.notFound", id));
    }
}
