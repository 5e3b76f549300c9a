package io.counterdesk.account;

import io.counterdesk.persistence.Database;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Permission;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import io.counterdesk.shared.PhoneNumber;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finding a customer: by account number, phone, ID number, card serial or meter number exactly,
 * by account number prefix, by the last digits of the holder's phone (手机尾号), or by any part of the
 * holder's name or address. Results come exact matches first, then account number prefixes, then
 * phone tails, then partial text, without duplicates.
 */
public final class AccountService {

    public static final int DEFAULT_LIMIT = 50;

    /** The shortest account number; an identifier this long matched exactly ends the search. */
    static final int IDENTIFIER_MIN_LENGTH = 6;

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-]");
    private static final Pattern IDENTIFIER = Pattern.compile("[0-9A-Z]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private final Database database;
    private final AccountRepository accounts;
    private final BillLookup billLookup;

    /**
     * @param billLookup the bills of an account, read inside the same transaction (billing
     *                   supplies it, which keeps this package free of a dependency on billing)
     */
    public AccountService(Database database, BillLookup billLookup) {
        this(database, billLookup, new AccountRepository());
    }

    /** With its own repository (tests: a search index with a small cap). */
    AccountService(Database database, BillLookup billLookup, AccountRepository accounts) {
        this.database = database;
        this.billLookup = billLookup;
        this.accounts = accounts;
    }

    /**
     * What a search found; {@code capped}: the name and address search stopped at its cap (ADR 0027),
     * so these are the first accounts by name or address, not all — the cashier is asked to type more.
     */
    public record SearchResult(List<AccountSummary> accounts, boolean capped) {
    }

    /** Reads an account's bills inside an open transaction. */
    @FunctionalInterface
    public interface BillLookup {
        List<AccountDetail.BillLine> bills(io.counterdesk.persistence.Tx tx, long accountId);
    }

    public List<AccountSummary> search(Operator operator, String query) {
        return search(operator, query, DEFAULT_LIMIT);
    }

    /**
     * Finds accounts for what the cashier typed, at most {@code limit}: exact matches on account no.,
     * phone, ID number, card serial or meter no. first (spaces and dashes ignored, full-width
     * characters read as ASCII, a landline in any common form), then account numbers starting with
     * it, then phones ending in it (four digits or more), then accounts whose holder name or address
     * contains it anywhere. No account twice. A query
     * of {@value #IDENTIFIER_MIN_LENGTH} or more characters that matched an identifier exactly (or a
     * prefix) is not looked for in phone tails, names and addresses as well: the cashier typed a
     * number, not an address.
     */
    public List<AccountSummary> search(Operator operator, String query, int limit) {
        return searchPage(operator, query, limit).accounts();
    }

    /** As {@link #search(Operator, String, int)}, and whether the name and address search was capped. */
    public SearchResult searchPage(Operator operator, String query, int limit) {
        AuthService.require(operator, Permission.LOOKUP);
        String q = query == null ? "" : query.strip();
        if (q.isEmpty() || limit <= 0) {
            return new SearchResult(List.of(), false);
        }
        return database.read(tx -> {
            Map<Long, AccountSummary> found = new LinkedHashMap<>();
            String key = identifierKey(q);
            if (IDENTIFIER.matcher(key).matches()) {
                addAll(found, accounts.findExact(tx, key, limit), limit);
            }
            if (PhoneNumber.isValid(q)) {
                String phone = PhoneNumber.normalise(q);
                if (!phone.equals(key)) {
                    addAll(found, accounts.findExact(tx, phone, limit), limit);
                }
            }
            if (DIGITS.matcher(key).matches() && found.size() < limit) {
                addAll(found, accounts.findByAccountNoPrefix(tx, key, limit), limit);
            }
            boolean identified = !found.isEmpty() && key.length() >= IDENTIFIER_MIN_LENGTH;
            if (DIGITS.matcher(key).matches() && found.size() < limit && !identified) {
                addAll(found, accounts.findByPhoneTail(tx, key, limit), limit);
            }
            identified = !found.isEmpty() && key.length() >= IDENTIFIER_MIN_LENGTH;
            boolean capped = false;
            if (found.size() < limit && !identified) {
                AccountRepository.TextPage text = accounts.findByTextPage(tx, q, limit);
                addAll(found, text.accounts(), limit);
                capped = text.capped();
            }
            return new SearchResult(new ArrayList<>(found.values()), capped);
        });
    }

    /**
     * Searches of each kind that read the index's commonest slices and the upper levels of its trees; the
     * swapped one ("1单元10幢": four trigrams held in every block) ends at the four-character slices
     * (元10幢 held by none, ADR 0030), after reading their tree.
     */
    private static final List<String> WARM_UP = List.of("单元", "1单元1", "小区1幢", "室", "1单元10幢");

    /** Searches that read the most (ADR 0027: a swapped query, long fragments), repeated by the warm-up. */
    private static final List<String> WARM_UP_HARD = List.of("1单元10幢", "幸福小区1幢1单元", "2单元17幢", "花园10幢3单元6");
    /** How long the warm-up may repeat them: it runs while the cashier logs in, and closing waits for it. */
    static final long WARM_UP_MILLIS = 1_500;
    private static final int WARM_UP_ROUNDS = 8;

    /**
     * Reads the pages the first searches after opening need — the upper levels of the search tables'
     * trees and the commonest slices — so that the cashier's first search does not wait for them (issue
     * 15 §3: a first call read them from the file, up to 0.9 s at 1,000,000 accounts); then repeats the
     * searches that read most, for up to {@value #WARM_UP_MILLIS} ms, so that a fresh JVM has compiled
     * their code before the first search (in a fresh JVM it ran interpreted: 90–120 ms for a swapped
     * query or a long fragment after the one-pass warm-up, ADR 0027). Reads only; run in the background
     * after the database opens, while the cashier logs in.
     */
    public void warmUp() {
        long started = System.nanoTime();
        database.read(tx -> {
            for (String query : WARM_UP) {
                accounts.findByText(tx, query, DEFAULT_LIMIT);
            }
            accounts.findByPhoneTail(tx, "0000", DEFAULT_LIMIT);
            accounts.findExact(tx, "0", 1);
            accounts.findByAccountNoPrefix(tx, "0", 1);
            return null;
        });
        for (int round = 0; round < WARM_UP_ROUNDS && System.nanoTime() - started < WARM_UP_MILLIS * 1_000_000; round++) {
            database.read(tx -> {
                for (String query : WARM_UP_HARD) {
                    accounts.findByText(tx, query, DEFAULT_LIMIT);
                }
                accounts.findByPhoneTail(tx, "1834", DEFAULT_LIMIT);
                return null;
            });
        }
    }

    /** What the cashier typed as an identifier: NFKC, without spaces and dashes, upper case. */
    static String identifierKey(String typed) {
        return SEPARATORS.matcher(Normalizer.normalize(typed, Normalizer.Form.NFKC)).replaceAll("").toUpperCase(Locale.ROOT);
    }

    private static void addAll(Map<Long, AccountSummary> found, List<AccountSummary> more, int limit) {
        for (AccountSummary s : more) {
            if (found.size() >= limit) {
                return;
            }
            found.putIfAbsent(s.id(), s);
        }
    }

    public AccountDetail detail(Operator operator, long accountId) {
        AuthService.require(operator, Permission.LOOKUP);
        return database.read(tx -> {
            Account account = accounts.findById(tx, accountId)
                    .orElseThrow(() -> new BusinessException("account.notFound"));
            List<AccountDetail.BillLine> bills = billLookup.bills(tx, accountId);
            Money arrears = bills.stream().map(b -> b.outstanding().plus(b.lateFee())).reduce(Money.ZERO, Money::plus);
            return new AccountDetail(account, accounts.holderHistory(tx, accountId), bills, arrears);
        });
    }
}
