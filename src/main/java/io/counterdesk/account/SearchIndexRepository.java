package io.counterdesk.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The partial-text search index (ADR 0005) in tables {@code search_text} and {@code search_gram}.
 *
 * <p>{@code search_text} keeps, per account, the normalised name and address as they were indexed.
 * {@code search_gram} keeps, for every character and every pair of adjacent characters of those
 * texts, which accounts hold it: one row per slice and block of 1,024 account ids, whose
 * {@link BlockMembers} say which of the block's accounts. A query is looked up by all of its
 * slices at once — the rarest first, the others intersected with it block by block — and only the
 * accounts holding every slice are checked against their stored text for the whole query. Its cost
 * follows the number of blocks a slice occurs in (at most one row per 1,024 accounts), not the
 * number of accounts.
 *
 * <p>Writers first lock the single row of {@code search_index_lock}: a block row is shared by
 * 1,024 accounts and is read, changed and written back, which must not interleave.
 */
final class SearchIndexRepository {

    /** Candidates checked against their stored text per round trip. */
    private static final int CHECK_BATCH = 256;
    private static final int CODE_POINT_BITS = 21;
    /** The largest block a slot can hold: account ids up to 2^31 - 1. */
    static final long MAX_BLOCK = (1L << CODE_POINT_BITS) - 1;

    /**
     * The primary key of a {@code search_gram} row: the slice's one or two code points and the
     * block, 21 bits each, so that the rows of one slice are stored next to each other in block
     * order and are read as one short range.
     */
    static long slot(String gram, long block) {
        if (block < 0 || block > MAX_BLOCK) {
            throw new IllegalArgumentException("account id beyond the search index's range, block " + block);
        }
        int first = gram.codePointAt(0);
        int width = Character.charCount(first);
        int second = gram.length() > width ? gram.codePointAt(width) : 0;
        if (first == 0 || gram.length() > width + (second == 0 ? 0 : Character.charCount(second))) {
            throw new IllegalArgumentException("not a slice: " + gram);
        }
        return ((long) first << (2 * CODE_POINT_BITS)) | ((long) second << CODE_POINT_BITS) | block;
    }

    /** One account's searchable texts, normalised ({@link SearchGrams#normalise}). */
    record Entry(long accountId, String name, String address) {

        static Entry of(long accountId, String name, String address) {
            return new Entry(accountId, SearchGrams.normalise(name), SearchGrams.normalise(address));
        }

        Set<String> grams() {
            Set<String> grams = SearchGrams.ofStoredText(name);
            grams.addAll(SearchGrams.ofStoredText(address));
            return grams;
        }

        boolean contains(String normalisedQuery) {
            return name.contains(normalisedQuery) || address.contains(normalisedQuery);
        }
    }

    /** Indexes accounts that are not in the index yet. */
    void add(Handle handle, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        lock(handle);
        PreparedBatch texts = handle.prepareBatch(
                "INSERT INTO search_text(account_id, name_text, address_text) VALUES (:id, :name, :address)");
        Map<Long, Map<String, BlockMembers>> added = new TreeMap<>();
        for (Entry entry : entries) {
            texts.bind("id", entry.accountId()).bind("name", entry.name()).bind("address", entry.address()).add();
            Map<String, BlockMembers> block = added.computeIfAbsent(BlockMembers.block(entry.accountId()), b -> new HashMap<>());
            int offset = BlockMembers.offset(entry.accountId());
            for (String gram : entry.grams()) {
                block.computeIfAbsent(gram, g -> new BlockMembers()).add(offset);
            }
        }
        texts.execute();
        added.forEach((block, grams) -> update(handle, block, grams, Map.of()));
    }

    /** Re-indexes one account whose name or address may have changed. */
    void replace(Handle handle, Entry entry) {
        lock(handle);
        Optional<Entry> old = stored(handle, entry.accountId());
        if (old.isEmpty()) {
            handle.createUpdate("INSERT INTO search_text(account_id, name_text, address_text) VALUES (:id, :name, :address)")
                    .bind("id", entry.accountId()).bind("name", entry.name()).bind("address", entry.address()).execute();
        } else {
            handle.createUpdate("UPDATE search_text SET name_text = :name, address_text = :address WHERE account_id = :id")
                    .bind("id", entry.accountId()).bind("name", entry.name()).bind("address", entry.address()).execute();
        }
        Set<String> before = old.map(Entry::grams).orElse(Set.of());
        Set<String> after = entry.grams();
        int offset = BlockMembers.offset(entry.accountId());
        Map<String, BlockMembers> added = new HashMap<>();
        Map<String, BlockMembers> removed = new HashMap<>();
        for (String gram : after) {
            if (!before.contains(gram)) {
                added.computeIfAbsent(gram, g -> new BlockMembers()).add(offset);
            }
        }
        for (String gram : before) {
            if (!after.contains(gram)) {
                removed.computeIfAbsent(gram, g -> new BlockMembers()).add(offset);
            }
        }
        update(handle, BlockMembers.block(entry.accountId()), added, removed);
    }

    /**
     * The ids, ascending, of the first {@code limit} accounts whose name or address contains
     * {@code normalisedQuery}.
     */
    List<Long> find(Handle handle, String normalisedQuery, int limit) {
        Set<String> grams = SearchGrams.ofQuery(normalisedQuery);
        if (grams.isEmpty() || limit <= 0) {
            return List.of();
        }
        // how many blocks hold each slice (a short index range each); a missing slice means no match at all
        List<String> rarestFirst = new ArrayList<>(grams);
        Map<String, Long> blocks = new HashMap<>();
        for (String gram : rarestFirst) {
            long count = handle.createQuery("SELECT COUNT(*) FROM search_gram WHERE slot BETWEEN :first AND :last")
                    .bind("first", slot(gram, 0)).bind("last", slot(gram, MAX_BLOCK)).mapTo(Long.class).one();
            if (count == 0) {
                return List.of();
            }
            blocks.put(gram, count);
        }
        rarestFirst.sort((a, b) -> Long.compare(blocks.get(a), blocks.get(b)));
        TreeMap<Long, BlockMembers> candidates = rows(handle, rarestFirst.get(0), null);
        for (String gram : rarestFirst.subList(1, rarestFirst.size())) {
            if (candidates.isEmpty()) {
                return List.of();
            }
            boolean few = candidates.size() * 8L < blocks.get(gram);
            Map<Long, BlockMembers> other = rows(handle, gram, few ? candidates.keySet() : null);
            candidates.entrySet().removeIf(block -> {
                BlockMembers members = other.get(block.getKey());
                if (members == null) {
                    return true;
                }
                block.getValue().retainAll(members);
                return block.getValue().isEmpty();
            });
        }
        boolean sliceIsQuery = grams.size() == 1 && grams.contains(normalisedQuery);
        List<Long> found = new ArrayList<>();
        List<Long> unchecked = new ArrayList<>();
        for (Map.Entry<Long, BlockMembers> block : candidates.entrySet()) {
            BlockMembers members = block.getValue();
            for (int offset = members.next(0); offset >= 0; offset = members.next(offset + 1)) {
                long id = BlockMembers.accountId(block.getKey(), offset);
                if (sliceIsQuery) {
                    found.add(id);
                    if (found.size() == limit) {
                        return found;
                    }
                } else {
                    unchecked.add(id);
                    if (unchecked.size() == CHECK_BATCH && check(handle, unchecked, normalisedQuery, found, limit)) {
                        return found;
                    }
                }
            }
        }
        check(handle, unchecked, normalisedQuery, found, limit);
        return found;
    }

    /** Adds the ids whose stored text contains the query to {@code found}; true once it holds {@code limit}. */
    private static boolean check(Handle handle, List<Long> unchecked, String query, List<Long> found, int limit) {
        if (unchecked.isEmpty()) {
            return found.size() >= limit;
        }
        Map<Long, Entry> texts = new HashMap<>();
        handle.createQuery("SELECT s.account_id, s.name_text, s.address_text FROM UNNEST(:ids) AS u(id) "
                        + "JOIN search_text s ON s.account_id = u.id")
                .bindArray("ids", Long.class, unchecked)
                .map((rs, ctx) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .forEach(e -> texts.put(e.accountId(), e));
        for (Long id : unchecked) {
            Entry entry = texts.get(id);
            if (entry != null && entry.contains(query)) {
                found.add(id);
                if (found.size() == limit) {
                    unchecked.clear();
                    return true;
                }
            }
        }
        unchecked.clear();
        return false;
    }

    /** The blocks holding {@code gram}, all of them or only those in {@code only}. */
    private static TreeMap<Long, BlockMembers> rows(Handle handle, String gram, Collection<Long> only) {
        TreeMap<Long, BlockMembers> rows = new TreeMap<>();
        if (only == null) {
            handle.createQuery("SELECT block, members FROM search_gram WHERE slot BETWEEN :first AND :last")
                    .bind("first", slot(gram, 0)).bind("last", slot(gram, MAX_BLOCK))
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), BlockMembers.decode(rs.getBytes(2))))
                    .forEach(row -> rows.put(row.getKey(), row.getValue()));
        } else {
            handle.createQuery("SELECT g.block, g.members FROM UNNEST(:slots) AS u(slot) JOIN search_gram g ON g.slot = u.slot")
                    .bindArray("slots", Long.class, only.stream().map(block -> slot(gram, block)).toList())
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), BlockMembers.decode(rs.getBytes(2))))
                    .forEach(row -> rows.put(row.getKey(), row.getValue()));
        }
        return rows;
    }

    /** Applies additions and removals to one block's rows; a row left without members is deleted. */
    private static void update(Handle handle, long block, Map<String, BlockMembers> added, Map<String, BlockMembers> removed) {
        Set<String> grams = new LinkedHashSet<>(added.keySet());
        grams.addAll(removed.keySet());
        if (grams.isEmpty()) {
            return;
        }
        Map<String, BlockMembers> existing = new HashMap<>();
        handle.createQuery("SELECT g.gram, g.members FROM UNNEST(:slots) AS u(slot) JOIN search_gram g ON g.slot = u.slot")
                .bindArray("slots", Long.class, grams.stream().map(gram -> slot(gram, block)).toList())
                .map((rs, ctx) -> Map.entry(rs.getString(1), BlockMembers.decode(rs.getBytes(2))))
                .forEach(row -> existing.put(row.getKey(), row.getValue()));
        PreparedBatch inserts = handle.prepareBatch(
                "INSERT INTO search_gram(slot, gram, block, members) VALUES (:slot, :g, :block, :m)");
        PreparedBatch updates = handle.prepareBatch("UPDATE search_gram SET members = :m WHERE slot = :slot");
        PreparedBatch deletes = handle.prepareBatch("DELETE FROM search_gram WHERE slot = :slot");
        for (String gram : grams) {
            BlockMembers members = existing.get(gram);
            boolean stored = members != null;
            if (!stored) {
                members = new BlockMembers();
            }
            if (added.containsKey(gram)) {
                members.addAll(added.get(gram));
            }
            if (removed.containsKey(gram)) {
                members.removeAll(removed.get(gram));
            }
            if (members.isEmpty()) {
                if (stored) {
                    deletes.bind("slot", slot(gram, block)).add();
                }
            } else if (stored) {
                updates.bind("slot", slot(gram, block)).bind("m", members.encode()).add();
            } else {
                inserts.bind("slot", slot(gram, block)).bind("g", gram).bind("block", block).bind("m", members.encode()).add();
            }
        }
        for (PreparedBatch batch : List.of(inserts, updates, deletes)) {
            if (batch.size() > 0) {
                batch.execute();
            }
        }
    }

    private static Optional<Entry> stored(Handle handle, long accountId) {
        return handle.createQuery("SELECT account_id, name_text, address_text FROM search_text WHERE account_id = :id")
                .bind("id", accountId)
                .map((rs, ctx) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .findOne();
    }

    /** The slices stored for one account (tests and support tools; reads the account's whole block). */
    static List<String> storedGrams(Handle handle, long accountId) {
        int offset = BlockMembers.offset(accountId);
        return handle.createQuery("SELECT gram, members FROM search_gram WHERE block = :block ORDER BY gram")
                .bind("block", BlockMembers.block(accountId))
                .map((rs, ctx) -> BlockMembers.decode(rs.getBytes(2)).contains(offset) ? rs.getString(1) : null)
                .filter(java.util.Objects::nonNull)
                .list();
    }

    private static void lock(Handle handle) {
        handle.createQuery("SELECT id FROM search_index_lock WHERE id = 1 FOR UPDATE").mapTo(Integer.class).one();
    }
}
