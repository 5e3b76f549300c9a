package io.counterdesk.account.opening;

import io.counterdesk.persistence.Tx;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Openings, collective fee invoices and auto-debit enrolments (V7). */
public final class OpeningRepository {

    /** The opening row as stored (the confirmation adds the account and the receipts). */
    public record Row(long id, long accountId, BuildingType buildingType, String feeInvoiceNo, UnitNature nature,
                      BigDecimal applianceKw, String legalRepName, String proxyName, Money fee, Money deposit,
                      List<Document> documents, Long paymentId, String staffNo, Instant openedAt, int printCount) {
    }

    /** Where an invoice was used: the account it opened and when. */
    public record InvoiceUse(String accountNo, Instant usedAt) {
    }

    public long insert(Tx tx, long accountId, OpeningApplication app, Money fee, Money deposit, Long paymentId,
                       long operatorId) {
        OpeningApplication.Residential r = app.residential();
        OpeningApplication.NonResidential b = app.business();
        return tx.handle().createUpdate("""
                INSERT INTO account_opening(account_id, building_type, fee_invoice_no, unit_nature, appliance_kw,
                    licence_code, legal_rep_name, legal_rep_id, proxy_name, proxy_id, fee_fen, deposit_fen, documents,
                    payment_id, opened_by, opened_at)
                VALUES (:account, :building, :invoice, :nature, :kw, :licence, :repName, :repId, :proxyName, :proxyId,
                    :fee, :deposit, :documents, :payment, :operator, :at)""")
                .bind("account", accountId)
                .bind("building", r == null || r.buildingType() == null ? null : r.buildingType().name())
                .bind("invoice", r == null ? null : r.feeInvoiceNo())
                .bind("nature", b == null ? null : b.nature().name())
                .bind("kw", b == null ? null : b.applianceKw())
                .bind("licence", b == null ? null : app.holder().idNumber())
                .bind("repName", b == null ? null : b.legalRep().name())
                .bind("repId", b == null ? null : b.legalRep().idNumber())
                .bind("proxyName", app.proxy() == null ? null : app.proxy().name())
                .bind("proxyId", app.proxy() == null ? null : app.proxy().idNumber())
                .bind("fee", fee.fen()).bind("deposit", deposit.fen())
                .bind("documents", Document.stored(app.ticked()))
                .bind("payment", paymentId).bind("operator", operatorId).bind("at", tx.now().atOffset(ZoneOffset.UTC))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public Optional<Row> findByAccount(Tx tx, long accountId) {
        return tx.handle().createQuery("""
                SELECT o.*, op.staff_no FROM account_opening o JOIN operator op ON op.id = o.opened_by
                WHERE o.account_id = :account""")
                .bind("account", accountId)
                .map((rs, ctx) -> {
                    String building = rs.getString("building_type");
                    String nature = rs.getString("unit_nature");
                    String docs = rs.getString("documents");
                    long payment = rs.getLong("payment_id");
                    return new Row(rs.getLong("id"), rs.getLong("account_id"),
                            building == null ? null : BuildingType.valueOf(building), rs.getString("fee_invoice_no"),
                            nature == null ? null : UnitNature.valueOf(nature), rs.getBigDecimal("appliance_kw"),
                            rs.getString("legal_rep_name"), rs.getString("proxy_name"),
                            Money.ofFen(rs.getLong("fee_fen")), Money.ofFen(rs.getLong("deposit_fen")),
                            Document.fromStored(docs),
                            rs.wasNull() ? null : payment, rs.getString("staff_no"),
                            rs.getObject("opened_at", OffsetDateTime.class).toInstant(), rs.getInt("print_count"));
                })
                .findOne();
    }

    public void markPrinted(Tx tx, long openingId) {
        tx.handle().createUpdate("UPDATE account_opening SET print_count = print_count + 1, printed_at = :at WHERE id = :id")
                .bind("id", openingId).bind("at", tx.now().atOffset(ZoneOffset.UTC)).execute();
    }

    public Optional<InvoiceUse> invoiceUse(Tx tx, String invoiceNo) {
        return tx.handle().createQuery("""
                SELECT a.account_no, i.used_at FROM opening_fee_invoice i JOIN account a ON a.id = i.account_id
                WHERE i.invoice_no = :no""")
                .bind("no", invoiceNo)
                .map((rs, ctx) -> new InvoiceUse(rs.getString("account_no"),
                        rs.getObject("used_at", OffsetDateTime.class).toInstant()))
                .findOne();
    }

    public void useInvoice(Tx tx, String invoiceNo, long accountId) {
        tx.handle().createUpdate("INSERT INTO opening_fee_invoice(invoice_no, account_id, used_at) VALUES (:no, :a, :at)")
                .bind("no", invoiceNo).bind("a", accountId).bind("at", tx.now().atOffset(ZoneOffset.UTC)).execute();
    }

    public void insertBankDebit(Tx tx, long accountId, BankDebit debit, long operatorId) {
        tx.handle().createUpdate("""
                INSERT INTO bank_debit(account_id, bank_code, bank_account, account_name, status, enrolled_at, enrolled_by)
                VALUES (:a, :bank, :number, :name, 'ACTIVE', :at, :op)""")
                .bind("a", accountId).bind("bank", debit.bank().name()).bind("number", debit.accountNumber())
                .bind("name", debit.accountName()).bind("at", tx.now().atOffset(ZoneOffset.UTC)).bind("op", operatorId)
                .execute();
    }

    public Optional<OpeningRecord.DebitView> activeBankDebit(Tx tx, long accountId) {
        return tx.handle().createQuery("""
                SELECT bank_code, bank_account, account_name FROM bank_debit
                WHERE account_id = :a AND status = 'ACTIVE' ORDER BY id DESC LIMIT 1""")
                .bind("a", accountId)
                .map((rs, ctx) -> new OpeningRecord.DebitView(Bank.valueOf(rs.getString("bank_code")),
                        io.counterdesk.shared.BankCardNumber.masked(rs.getString("bank_account")),
                        rs.getString("account_name")))
                .findOne();
    }

    /** Locks the account's row until the transaction ends (a change of its auto-debit). */
    public void lockAccount(Tx tx, long accountId) {
        tx.handle().createQuery("SELECT id FROM account WHERE id = :a FOR UPDATE").bind("a", accountId)
                .mapTo(Long.class).findOne();
    }

    /** The active enrolment with its full account number (for a change or cancellation), if any. */
    public Optional<AutoDebitRules.Enrolled> activeEnrolment(Tx tx, long accountId) {
        return tx.handle().createQuery("""
                SELECT bank_code, bank_account, account_name FROM bank_debit
                WHERE account_id = :a AND status = 'ACTIVE' ORDER BY id DESC LIMIT 1""")
                .bind("a", accountId)
                .map((rs, ctx) -> new AutoDebitRules.Enrolled(Bank.valueOf(rs.getString("bank_code")),
                        rs.getString("bank_account"), rs.getString("account_name")))
                .findOne();
    }

    /** Ends the account's active enrolments (status CANCELLED, ended now); returns how many. */
    public int cancelBankDebits(Tx tx, long accountId) {
        return tx.handle().createUpdate("""
                UPDATE bank_debit SET status = 'CANCELLED', ended_at = :at
                WHERE account_id = :a AND status = 'ACTIVE'""")
                .bind("a", accountId).bind("at", tx.now().atOffset(ZoneOffset.UTC)).execute();
    }

    /** The account (not closed) that has this meter, if any. */
    public Optional<String> accountWithMeter(Tx tx, String meterNo) {
        return tx.handle().createQuery("SELECT account_no FROM account WHERE meter_no = :m AND status <> 'CLOSED' LIMIT 1")
                .bind("m", meterNo).mapTo(String.class).findOne();
    }

    /** The next free account number with {@code prefix}, ten digits: one past the highest in use. */
    public String nextAccountNo(Tx tx, String prefix) {
        int width = 10 - prefix.length();
        Optional<String> highest = tx.handle().createQuery("""
                SELECT MAX(account_no) FROM account WHERE account_no >= :lo AND account_no < :hi AND LENGTH(account_no) = 10""")
                .bind("lo", prefix).bind("hi", prefix + '\uffff').mapTo(String.class).findOne();
        long next = highest.map(h -> Long.parseLong(h.substring(prefix.length())) + 1).orElse(1L);
        String number = String.format("%s%0" + width + "d", prefix, next);
        if (number.length() != 10) {
            throw new IllegalStateException("account numbers with prefix " + prefix + " are used up");
        }
        return number;
    }

    public void setDeposit(Tx tx, long accountId, Money deposit) {
        tx.handle().createUpdate("UPDATE account SET deposit_fen = :d WHERE id = :id")
                .bind("d", deposit.fen()).bind("id", accountId).execute();
    }

    /** "收款收据 00010001" per receipt of a payment, in number order (as confirmations print them). */
    public List<String> receiptLabels(Tx tx, long paymentId) {
        return receipts(tx, paymentId).stream().map(r -> I18n.text("receipt.kind." + r[0]) + " " + r[1]).toList();
    }

    /** "RECEIPT:00010001" per receipt of a payment, in number order. */
    public List<String[]> receipts(Tx tx, long paymentId) {
        return tx.handle().createQuery("SELECT kind, number FROM receipt WHERE payment_id = :p ORDER BY number")
                .bind("p", paymentId)
                .map((rs, ctx) -> new String[] {rs.getString("kind"), String.format("%08d", rs.getLong("number"))})
                .list();
    }
}
