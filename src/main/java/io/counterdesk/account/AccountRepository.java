package io.counterdesk.account;

import io.counterdesk.persistence.Tx;
import io.counterdesk.shared.Money;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Accounts, their holder history and the partial-text search index ({@link SearchIndexRepository}). */
public final class AccountRepository {

    private final SearchIndexRepository searchIndex;

    public AccountRepository() {
        this(new SearchIndexRepository());
    }

    /** With a search index capped at {@code rejectedCap} candidates that do not match (tests, ADR 0027). */
    AccountRepository(int rejectedCap) {
        this(new SearchIndexRepository(rejectedCap));
    }

    private AccountRepository(SearchIndexRepository searchIndex) {
        this.searchIndex = searchIndex;
    }

    /** The fewest trailing digits of a phone number that are looked up as its tail. */
    public static final int PHONE_TAIL_MIN = 4;

    private static final String SUMMARY_COLUMNS =
            "a.id, a.account_no, a.holder_name, a.holder_phone, a.address_text, a.kind, a.meter_kind, a.status";

    private static final RowMapper<AccountSummary> SUMMARY = (rs, ctx) -> new AccountSummary(
            rs.getLong("id"), rs.getString("account_no"), rs.getString("holder_name"), rs.getString("holder_phone"),
            rs.getString("address_text"), AccountKind.valueOf(rs.getString("kind")),
            MeterKind.valueOf(rs.getString("meter_kind")), AccountStatus.valueOf(rs.getString("status")));

    private static final RowMapper<Account> ACCOUNT = (rs, ctx) -> {
        String useType = rs.getString("use_type");
        return new Account(
                rs.getLong("id"), rs.getString("account_no"), AccountKind.valueOf(rs.getString("kind")),
                useType == null ? null : UseType.valueOf(useType), MeterKind.valueOf(rs.getString("meter_kind")),
                rs.getString("meter_no"), rs.getString("card_serial"),
                new Address(rs.getString("district"), rs.getString("street"), rs.getString("community"),
                        rs.getString("building"), rs.getString("unit"), rs.getString("room")),
                new Holder(rs.getString("holder_name"), IdType.valueOf(rs.getString("holder_id_type")),
                        rs.getString("holder_id_number"), rs.getString("holder_phone")),
                AccountStatus.valueOf(rs.getString("status")), Money.ofFen(rs.getLong("credit_fen")),
                Money.ofFen(rs.getLong("deposit_fen")), rs.getObject("opened_on", java.time.LocalDate.class));
    };

    private static final String INSERT_ACCOUNT = """
            INSERT INTO account(account_no, kind, use_type, meter_kind, meter_no, card_serial, district, street,
                community, building, unit, room, address_text, holder_name, holder_id_type, holder_id_number,
                holder_phone, status, opened_on)
            VALUES (:accountNo, :kind, :useType, :meterKind, :meterNo, :cardSerial, :district, :street, :community,
                :building, :unit, :room, :addressText, :holderName, :idType, :idNumber, :phone, 'ACTIVE', :openedOn)""";

    private static final String INSERT_PERIOD = """
            INSERT INTO holder_period(account_id, name, id_type, id_number, phone, valid_from, reason)
            VALUES (:accountId, :name, :idType, :idNumber, :phone, :from, :reason)""";

    /** Inserts one account with its first holder period and its search slices; returns its id. */
    public long insert(Tx tx, NewAccount account) {
        return insertAll(tx, List.of(account)).get(0);
    }

    /** Inserts many accounts in batches (demo data, imports, benchmarks); returns their ids in order. */
    public List<Long> insertAll(Tx tx, List<NewAccount> accounts) {
        Handle handle = tx.handle();
        PreparedBatch batch = handle.prepareBatch(INSERT_ACCOUNT);
        for (NewAccount a : accounts) {
            bindAccount(batch, a).add();
        }
        List<Long> ids = batch.executePreparedBatch("id").mapTo(Long.class).list();
        PreparedBatch periods = handle.prepareBatch(INSERT_PERIOD);
        List<SearchIndexRepository.Entry> searchEntries = new ArrayList<>(accounts.size());
        for (int i = 0; i < accounts.size(); i++) {
            NewAccount a = accounts.get(i);
            long id = ids.get(i);
            Holder h = a.holder();
            periods.bind("accountId", id).bind("name", h.name()).bind("idType", h.idType().name())
                    .bind("idNumber", h.idNumber()).bind("phone", h.phone())
                    .bind("from", Date.valueOf(a.openedOn())).bind("reason", "OPENING").add();
            searchEntries.add(SearchIndexRepository.Entry.of(id, h.name(), a.address().text()));
        }
        periods.execute();
        searchIndex.add(handle, searchEntries);
        return ids;
    }

    private static PreparedBatch bindAccount(PreparedBatch batch, NewAccount a) {
        Address ad = a.address();
        Holder h = a.holder();
        return batch.bind("accountNo", a.accountNo()).bind("kind", a.kind().name())
                .bind("useType", a.useType() == null ? null : a.useType().name())
                .bind("meterKind", a.meterKind().name()).bind("meterNo", a.meterNo())
                .bind("cardSerial", a.cardSerial())
                .bind("district", ad.district()).bind("street", ad.street()).bind("community", ad.community())
                .bind("building", ad.building()).bind("unit", ad.unit()).bind("room", ad.room())
                .bind("addressText", ad.text()).bind("holderName", h.name()).bind("idType", h.idType().name())
                .bind("idNumber", h.idNumber()).bind("phone", h.phone())
                .bind("openedOn", Date.valueOf(a.openedOn()));
    }

    public Optional<Account> findById(Tx tx, long id) {
        return tx.handle().createQuery("SELECT * FROM account WHERE id = :id").bind("id", id).map(ACCOUNT).findOne();
    }

    public Optional<Account> findByAccountNo(Tx tx, String accountNo) {
        return tx.handle().createQuery("SELECT * FROM account WHERE account_no = :no")
                .bind("no", accountNo).map(ACCOUNT).findOne();
    }

    public Optional<Account> findByCardSerial(Tx tx, String cardSerial) {
        return tx.handle().createQuery("SELECT * FROM account WHERE card_serial = :s")
                .bind("s", cardSerial).map(ACCOUNT).findOne();
    }

    public List<HolderPeriod> holderHistory(Tx tx, long accountId) {
        return tx.handle().createQuery("""
                SELECT name, id_type, id_number, phone, valid_from, valid_to, reason FROM holder_period
                WHERE account_id = :id ORDER BY valid_from DESC, id DESC""")
                .bind("id", accountId)
                .map((rs, ctx) -> new HolderPeriod(
                        new Holder(rs.getString("name"), IdType.valueOf(rs.getString("id_type")),
                                rs.getString("id_number"), rs.getString("phone")),
                        rs.getObject("valid_from", java.time.LocalDate.class),
                        rs.getObject("valid_to", java.time.LocalDate.class), rs.getString("reason")))
                .list();
    }

    public long count(Tx tx) {
        return tx.handle().createQuery("SELECT COUNT(*) FROM account").mapTo(Long.class).one();
    }

    /** Exact matches on the identifying columns: account no., phone, ID number, card serial, meter no. */
    public List<AccountSummary> findExact(Tx tx, String key, int limit) {
        return tx.handle().createQuery("SELECT " + SUMMARY_COLUMNS + " FROM account a WHERE a.id IN ("
                        + "SELECT id FROM account WHERE account_no = :k UNION "
                        + "SELECT id FROM account WHERE holder_phone = :k UNION "
                        + "SELECT id FROM account WHERE holder_id_number = :k UNION "
                        + "SELECT id FROM account WHERE card_serial = :k UNION "
                        + "SELECT id FROM account WHERE meter_no = :k) ORDER BY a.account_no LIMIT :limit")
                .bind("k", key).bind("limit", limit).map(SUMMARY).list();
    }

    /** Account numbers starting with {@code prefix} (the cashier types the number from the left). */
    public List<AccountSummary> findByAccountNoPrefix(Tx tx, String prefix, int limit) {
        return tx.handle().createQuery("SELECT " + SUMMARY_COLUMNS
                        + " FROM account a WHERE a.account_no >= :lo AND a.account_no < :hi ORDER BY a.account_no LIMIT :limit")
                .bind("lo", prefix).bind("hi", prefix + '\uffff').bind("limit", limit).map(SUMMARY).list();
    }

    /**
     * Accounts whose holder's phone ends in {@code digits} (手机尾号: at least {@value #PHONE_TAIL_MIN} of
     * them), by account number: the indexed last four characters ({@code phone_tail}, V31) first, answered from
     * the index that holds every column of the result (V33) without reading the accounts.
     */
    public List<AccountSummary> findByPhoneTail(Tx tx, String digits, int limit) {
        if (digits.length() < PHONE_TAIL_MIN) {
            return List.of();
        }
        return tx.handle().createQuery("SELECT " + SUMMARY_COLUMNS + " FROM account a WHERE a.phone_tail = :tail "
                        + "AND RIGHT(a.holder_phone, :n) = :digits ORDER BY a.account_no LIMIT :limit")
                .bind("tail", digits.substring(digits.length() - PHONE_TAIL_MIN)).bind("n", digits.length())
                .bind("digits", digits).bind("limit", limit).map(SUMMARY).list();
    }

    /**
     * Accounts whose holder name or address contains {@code query} anywhere (after
     * {@link SearchGrams#normalise}: full-width folded, case and whitespace ignored), by ascending id.
     * Characters such as {@code %} and {@code _} are plain characters.
     */
    public List<AccountSummary> findByText(Tx tx, String query, int limit) {
        return findByTextPage(tx, query, limit).accounts();
    }

    /**
     * As {@link #findByText}, and whether the search stopped at its cap (ADR 0027: too many candidates
     * that did not hold the query) — then these are the first matches by id, not all of them.
     */
    public TextPage findByTextPage(Tx tx, String query, int limit) {
        SearchIndexRepository.Found found = searchIndex.find(tx.handle(), SearchGrams.normalise(query), limit);
        if (found.ids().isEmpty()) {
            return new TextPage(List.of(), found.capped());
        }
        return new TextPage(tx.handle().createQuery(SUMMARIES_BY_ID)
                .bindArray("ids", Long.class, found.ids()).map(SUMMARY).list(), found.capped());
    }

    /**
     * The accounts a partial search found, as one statement text whatever their number (an array, not a list
     * expanded into {@code IN (?, ?, …)}): each new number of results was a new statement for Jdbi's and H2's
     * parsers — about 5 ms of a fresh JVM's first search, warmed up or not (ADR 0030).
     */
    static final String SUMMARIES_BY_ID = "SELECT " + SUMMARY_COLUMNS + " FROM account a WHERE a.id = ANY(:ids) ORDER BY a.id";

    /** Accounts found by name or address, and whether the search stopped at its cap before the end. */
    public record TextPage(List<AccountSummary> accounts, boolean capped) {
    }

    /** Re-indexes one account's name and address for partial search; call after changing either. */
    public void reindex(Tx tx, long accountId) {
        Account account = findById(tx, accountId).orElseThrow();
        searchIndex.replace(tx.handle(), SearchIndexRepository.Entry.of(accountId, account.holder().name(), account.address().text()));
    }

    /**
     * Fills the three-character search index for the accounts already indexed before it existed
     * (migration V32, inside Flyway's transaction on {@code connection}); returns the rows written.
     */
    public static long fillTrigramIndex(java.sql.Connection connection) {
        Jdbi jdbi = Jdbi.create(connection);
        jdbi.getConfig(Handles.class).setForceEndTransactions(false); // Flyway commits, not this handle
        try (Handle handle = jdbi.open()) {
            return SearchIndexRepository.fillTrigrams(handle);
        }
    }

    /**
     * Makes and fills the set of four-character slices held by some account (migration V37, ADR 0030, inside
     * Flyway's transaction on {@code connection}); returns the slices written.
     */
    public static long fillFourgramIndex(java.sql.Connection connection) {
        Jdbi jdbi = Jdbi.create(connection);
        jdbi.getConfig(Handles.class).setForceEndTransactions(false); // Flyway commits, not this handle
        try (Handle handle = jdbi.open()) {
            return SearchIndexRepository.fillFourgrams(handle);
        }
    }

    /** Used by tests and support tools: the slices stored for an account, sorted. */
    List<String> storedGrams(Tx tx, long accountId) {
        return SearchIndexRepository.storedGrams(tx.handle(), accountId);
    }
}
