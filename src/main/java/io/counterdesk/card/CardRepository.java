package io.counterdesk.card;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.counterdesk.persistence.Tx;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for cards, the blacklist, gas writes and what meters wrote back (migration V3). */
public final class CardRepository {

    /** A card the system issued. */
    public record IssuedCard(String serial, long accountId, String profile, int issueNo, String status) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final RowMapper<GasPurchase> PURCHASE = (rs, ctx) -> new GasPurchase(rs.getLong("id"),
            rs.getLong("account_id"), rs.getString("card_serial"), rs.getInt("purchase_no"),
            GasPurchase.Kind.valueOf(rs.getString("kind")), rs.getLong("volume_m3"), rs.getLong("amount_fen"),
            rs.getObject("business_day", LocalDate.class), (Long) rs.getObject("payment_id", Long.class),
            GasPurchase.Status.valueOf(rs.getString("status")));

    private static final RowMapper<IssuedCard> CARD = (rs, ctx) -> new IssuedCard(rs.getString("serial"),
            rs.getLong("account_id"), rs.getString("profile"), rs.getInt("issue_no"), rs.getString("status"));

    public void insertCard(Tx tx, String serial, long accountId, String profile, int issueNo, long issuedBy) {
        tx.handle().createUpdate("""
                INSERT INTO ic_card(serial, account_id, profile, issue_no, status, issued_at, issued_by)
                VALUES (:serial, :account, :profile, :issueNo, 'ISSUING', :at, :by)""")
                .bind("serial", serial).bind("account", accountId).bind("profile", profile).bind("issueNo", issueNo)
                .bind("at", tx.now().atOffset(ZoneOffset.UTC)).bind("by", issuedBy).execute();
    }

    /**
     * Makes a written card the account's card, recording the chip it was written on ({@code profile}:
     * a retry may use another kind of blank card than the attempt that inserted the row); false
     * (nothing changed) when it was no longer being issued.
     */
    public boolean activateCard(Tx tx, String serial, long accountId, String profile) {
        if (tx.handle().createUpdate("""
                UPDATE ic_card SET status = 'ACTIVE', profile = :profile WHERE serial = :serial AND status = 'ISSUING'""")
                .bind("serial", serial).bind("profile", profile).execute() != 1) {
            return false;
        }
        tx.handle().createUpdate("UPDATE account SET card_serial = :serial WHERE id = :id")
                .bind("serial", serial).bind("id", accountId).execute();
        return true;
    }

    public void endCard(Tx tx, String serial, String status, String reason) {
        tx.handle().createUpdate("""
                UPDATE ic_card SET status = :status, ended_at = :at, end_reason = :reason WHERE serial = :serial""")
                .bind("status", status).bind("reason", reason).bind("at", tx.now().atOffset(ZoneOffset.UTC))
                .bind("serial", serial).execute();
    }

    public Optional<IssuedCard> card(Tx tx, String serial) {
        return tx.handle().createQuery("SELECT * FROM ic_card WHERE serial = :serial").bind("serial", serial)
                .map(CARD).findOne();
    }

    public List<IssuedCard> cards(Tx tx, long accountId) {
        return tx.handle().createQuery("SELECT * FROM ic_card WHERE account_id = :id ORDER BY issue_no")
                .bind("id", accountId).map(CARD).list();
    }

    public void blacklist(Tx tx, String serial, String accountNo, String reason, String staffNo) {
        tx.handle().createUpdate("""
                MERGE INTO card_blacklist(serial, account_no, reason, listed_at, listed_by, source)
                KEY (serial) VALUES (:serial, :accountNo, :reason, :at, :by, 'LOCAL')""")
                .bind("serial", serial).bind("accountNo", accountNo).bind("reason", reason)
                .bind("at", tx.now().atOffset(ZoneOffset.UTC)).bind("by", staffNo).execute();
    }

    /** Why the card is blacklisted, if it is. */
    public Optional<String> blacklisted(Tx tx, String serial) {
        return tx.handle().createQuery("SELECT reason FROM card_blacklist WHERE serial = :serial")
                .bind("serial", serial).mapTo(String.class).findOne();
    }

    public long insertPurchase(Tx tx, long accountId, String serial, int purchaseNo, GasPurchase.Kind kind,
                               long volumeM3, long amountFen, LocalDate day, Long paymentId, Long approvalId,
                               String reason, long createdBy) {
        return tx.handle().createUpdate("""
                INSERT INTO gas_purchase(account_id, card_serial, purchase_no, kind, volume_m3, amount_fen,
                    business_day, payment_id, approval_id, reason, status, created_at, created_by)
                VALUES (:account, :serial, :no, :kind, :m3, :fen, :day, :payment, :approval, :reason, 'PENDING',
                    :at, :by)""")
                .bind("account", accountId).bind("serial", serial).bind("no", purchaseNo).bind("kind", kind.name())
                .bind("m3", volumeM3).bind("fen", amountFen).bind("day", day).bind("payment", paymentId)
                .bind("approval", approvalId).bind("reason", reason).bind("at", tx.now().atOffset(ZoneOffset.UTC))
                .bind("by", createdBy).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public Optional<GasPurchase> purchase(Tx tx, long id) {
        return tx.handle().createQuery("SELECT * FROM gas_purchase WHERE id = :id").bind("id", id).map(PURCHASE)
                .findOne();
    }

    /** Moves a write from one state to the next; false when it was no longer in {@code from}. */
    public boolean transition(Tx tx, long id, GasPurchase.Status from, GasPurchase.Status to, long operatorId) {
        return tx.handle().createUpdate("""
                UPDATE gas_purchase SET status = :to, resolved_at = :at, resolved_by = :by
                WHERE id = :id AND status = :from""")
                .bind("to", to.name()).bind("from", from.name()).bind("at", tx.now().atOffset(ZoneOffset.UTC))
                .bind("by", operatorId).bind("id", id).execute() == 1;
    }

    public void recordRefundApproval(Tx tx, long id, long approvalId) {
        tx.handle().createUpdate("UPDATE gas_purchase SET refund_approval_id = :approval WHERE id = :id")
                .bind("approval", approvalId).bind("id", id).execute();
    }

    public void recordRefundPayment(Tx tx, long id, long refundPaymentId) {
        tx.handle().createUpdate("UPDATE gas_purchase SET refund_payment_id = :payment WHERE id = :id")
                .bind("payment", refundPaymentId).bind("id", id).execute();
    }

    /** Writes not yet confirmed from a card (pending purchases and reversals), oldest first. */
    public List<GasPurchase> open(Tx tx) {
        return tx.handle().createQuery("""
                SELECT * FROM gas_purchase WHERE status IN ('PENDING', 'REVERSING') ORDER BY id""")
                .map(PURCHASE).list();
    }

    public Optional<GasPurchase> openFor(Tx tx, long accountId) {
        return tx.handle().createQuery("""
                SELECT * FROM gas_purchase WHERE account_id = :id AND status IN ('PENDING', 'REVERSING')
                ORDER BY id LIMIT 1""").bind("id", accountId).map(PURCHASE).findOne();
    }

    public List<GasPurchase> purchases(Tx tx, long accountId) {
        return tx.handle().createQuery("SELECT * FROM gas_purchase WHERE account_id = :id ORDER BY id")
                .bind("id", accountId).map(PURCHASE).list();
    }

    /**
     * The account's purchase count as the system knows it: the highest write that reached (or may
     * have reached) a card. Refunded writes never did.
     */
    public int systemCount(Tx tx, long accountId) {
        return tx.handle().createQuery("""
                SELECT COALESCE(MAX(purchase_no), 0) FROM gas_purchase
                WHERE account_id = :id AND status <> 'REFUNDED'""").bind("id", accountId).mapTo(Integer.class).one();
    }

    /** Gas written for the account in total (what its cards' cumulative figure must show). */
    public long cumulativeM3(Tx tx, long accountId) {
        return tx.handle().createQuery("""
                SELECT COALESCE(SUM(volume_m3), 0) FROM gas_purchase
                WHERE account_id = :id AND status IN ('COMPLETED', 'PENDING', 'REVERSING')""")
                .bind("id", accountId).mapTo(Long.class).one();
    }

    /** Gas bought (not re-credited) in the calendar year of {@code day}: the position in the tiers. */
    public long yearVolumeM3(Tx tx, long accountId, LocalDate day) {
        return tx.handle().createQuery("""
                SELECT COALESCE(SUM(volume_m3), 0) FROM gas_purchase
                WHERE account_id = :id AND kind = 'PURCHASE' AND status IN ('COMPLETED', 'PENDING', 'REVERSING')
                AND business_day BETWEEN :from AND :to""")
                .bind("id", accountId).bind("from", day.withDayOfYear(1))
                .bind("to", day.withDayOfYear(day.lengthOfYear())).mapTo(Long.class).one();
    }

    public void recordMeterRead(Tx tx, long accountId, CardImage card) {
        MeterArea m = card.meter();
        tx.handle().createUpdate("""
                INSERT INTO meter_card_read(account_id, card_serial, read_at, purchase_count, loaded,
                    remaining_centi_m3, cumulative_use_centi_m3, valve_open, tamper_events)
                VALUES (:account, :serial, :at, :count, :loaded, :remaining, :used, :valve, :tamper)""")
                .bind("account", accountId).bind("serial", card.serial()).bind("at", tx.now().atOffset(ZoneOffset.UTC))
                .bind("count", card.purchaseCount()).bind("loaded", card.loaded())
                .bind("remaining", m.remainingCentiM3()).bind("used", m.cumulativeUseCentiM3())
                .bind("valve", m.valveOpen()).bind("tamper", m.tamperEvents()).execute();
    }

    /** The meter figures last recorded for the account, if any. */
    public Optional<MeterArea> lastMeterRead(Tx tx, long accountId) {
        return tx.handle().createQuery("""
                SELECT * FROM meter_card_read WHERE account_id = :id ORDER BY id DESC LIMIT 1""")
                .bind("id", accountId).map((rs, ctx) -> new MeterArea(rs.getLong("remaining_centi_m3"),
                        rs.getLong("cumulative_use_centi_m3"), rs.getBoolean("valve_open"), rs.getInt("tamper_events"),
                        true)).findOne();
    }

    /** A purchase's gas lines as the payment recorded them: tier label, money, volume. */
    public record GasLine(String label, long amountFen, long volumeM3) {
    }

    public List<GasLine> gasLines(Tx tx, long paymentId) {
        return tx.handle().createQuery("""
                SELECT label, amount_fen, volume_m3 FROM payment_line WHERE payment_id = :id AND kind = 'GAS_PURCHASE'
                ORDER BY line_no""").bind("id", paymentId)
                .map((rs, ctx) -> new GasLine(rs.getString("label"), rs.getLong("amount_fen"), rs.getLong("volume_m3")))
                .list();
    }

    /** The gas volume a payment settled with vouchers (0 when it took none). */
    public long voucherM3(Tx tx, long paymentId) {
        return tx.handle().createQuery("SELECT voucher_m3 FROM payment WHERE id = :id").bind("id", paymentId)
                .mapTo(Long.class).one();
    }

    public void changeMeter(Tx tx, long accountId, String meterNo) {
        tx.handle().createUpdate("UPDATE account SET meter_no = :meter WHERE id = :id")
                .bind("meter", meterNo).bind("id", accountId).execute();
    }

    public Optional<FieldCheck> fieldCheck(Tx tx, long id) {
        return tx.handle().createQuery("SELECT * FROM field_check WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new FieldCheck(rs.getLong("account_id"), rs.getObject("checked_on", LocalDate.class),
                        rs.getString("checked_by"), rs.getInt("meter_purchase_count"), rs.getLong("meter_loaded_m3"),
                        rs.getLong("remaining_centi_m3"), rs.getString("note"))).findOne();
    }

    /**
     * What the journal says a reissue of the account started with ({@code CARD_REISSUE_STARTED}), newest
     * first: the payloads as maps. The event is committed with the card being issued, so it is the
     * reissue's own record of what it set out to do.
     */
    public List<Map<String, Object>> reissuesStarted(Tx tx, String accountNo) {
        return tx.handle().createQuery("""
                SELECT payload FROM journal WHERE type = 'CARD_REISSUE_STARTED' AND subject = :subject
                ORDER BY seq DESC""").bind("subject", "account:" + accountNo).mapTo(String.class)
                .map(CardRepository::parse).list();
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("journal payload is not JSON: " + json, e);
        }
    }

    public long insertFieldCheck(Tx tx, FieldCheck check, long recordedBy) {
        return tx.handle().createUpdate("""
                INSERT INTO field_check(account_id, checked_on, checked_by, meter_purchase_count, meter_loaded_m3,
                    remaining_centi_m3, note, recorded_at, recorded_by)
                VALUES (:account, :on, :by, :count, :loaded, :remaining, :note, :at, :recorder)""")
                .bind("account", check.accountId()).bind("on", check.checkedOn()).bind("by", check.checkedBy())
                .bind("count", check.meterPurchaseCount()).bind("loaded", check.meterLoadedM3())
                .bind("remaining", check.remainingCentiM3()).bind("note", check.note())
                .bind("at", tx.now().atOffset(ZoneOffset.UTC)).bind("recorder", recordedBy)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }
}
