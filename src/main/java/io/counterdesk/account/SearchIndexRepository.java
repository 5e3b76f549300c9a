package io.counterdesk.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The partial-text search index (ADR 0005, ADR 0020) in tables {@code search_text},
 * {@code search_gram} and {@code search_trigram}.
 *
 * <p>{@code search_text} keeps, per account, the normalised name and address as they were indexed.
 * {@code search_gram} keeps, for every character and every pair of adjacent characters of those
 * texts, which accounts hold it; {@code search_trigram} the same for every three adjacent characters
 * (a trigram is numbered once in {@code search_trigram_key}, its rows keyed by that number), and
 * {@code search_fourgram} only which four-character slices some account holds (ADR 0030). One row
 * per slice and block of 1,024 account ids, whose {@link BlockMembers} say which of the block's
 * accounts. A query of one or two characters is its own slice; a longer one is looked up by all of
 * its three-character slices at once — a slice no account holds ends the search before any row is
 * read, the rarest is read first and the others intersected with it block by block — and only a query
 * of four or more characters is checked against the stored texts. Its cost follows the number of
 * blocks a slice occurs in (at most one row per 1,024 accounts), not the number of accounts.
 *
 * <p>Writers first lock the single row of {@code search_index_lock}: a block row is shared by
 * 1,024 accounts and is read, changed and written back, which must not interleave.
 */
final class SearchIndexRepository {

    /** Candidates checked against their stored text per round trip. */
    static final int CHECK_BATCH = 256;
    private static final int CODE_POINT_BITS = 21;
    /** The largest block a slot can hold: account ids up to 2^31 - 1. */
    static final long MAX_BLOCK = (1L << CODE_POINT_BITS) - 1;
    private static final String GRAMS = "search_gram";
    private static final String TRIGRAMS = "search_trigram";
    /** Slices per statement when a set of them is looked up or added. */
    private static final int KEYS_PER_STATEMENT = 2_000;

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

    /** The primary key of a {@code search_trigram} row: the trigram's number and the block, in the same order. */
    static long trigramSlot(long trigramId, long block) {
        if (block < 0 || block > MAX_BLOCK) {
            throw new IllegalArgumentException("account id beyond the search index's range, block " + block);
        }
        return (trigramId << CODE_POINT_BITS) | block;
    }

    /** Where one slice's rows are: its table and the slot of block 0 (a block's slot adds the block). */
    private record Slice(String gram, String table, long base) {

        static Slice gram(String gram) {
            return new Slice(gram, GRAMS, SearchIndexRepository.slot(gram, 0));
        }

        static Slice trigram(String gram, long id) {
            return new Slice(gram, TRIGRAMS, trigramSlot(id, 0));
        }

        long slot(long block) {
            return base | block;
        }
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

        Set<String> trigrams() {
            Set<String> trigrams = SearchGrams.trigramsOfStoredText(name);
            trigrams.addAll(SearchGrams.trigramsOfStoredText(address));
            return trigrams;
        }

        Set<String> fourgrams() {
            Set<String> fourgrams = SearchGrams.fourgramsOfStoredText(name);
            fourgrams.addAll(SearchGrams.fourgramsOfStoredText(address));
            return fourgrams;
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
        Set<String> trigrams = new HashSet<>();
        Set<String> fourgrams = new HashSet<>();
        for (Entry entry : entries) {
            texts.bind("id", entry.accountId()).bind("name", entry.name()).bind("address", entry.address()).add();
            trigrams.addAll(entry.trigrams());
            fourgrams.addAll(entry.fourgrams());
        }
        texts.execute();
        addFourgrams(handle, fourgrams);
        Map<String, Long> ids = trigramIds(handle, trigrams, true);
        Map<Long, Map<Slice, BlockMembers>> added = new TreeMap<>();
        for (Entry entry : entries) {
            Map<Slice, BlockMembers> block = added.computeIfAbsent(BlockMembers.block(entry.accountId()), b -> new HashMap<>());
            int offset = BlockMembers.offset(entry.accountId());
            for (Slice slice : slices(entry.grams(), entry.trigrams(), ids)) {
                block.computeIfAbsent(slice, s -> new BlockMembers()).add(offset);
            }
        }
        added.forEach((block, slices) -> update(handle, block, slices, Map.of()));
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
        addFourgrams(handle, entry.fourgrams());
        Set<String> trigrams = new HashSet<>(entry.trigrams());
        old.ifPresent(o -> trigrams.addAll(o.trigrams()));
        Map<String, Long> ids = trigramIds(handle, trigrams, true);
        Set<Slice> before = old.map(o -> slices(o.grams(), o.trigrams(), ids)).orElse(Set.of());
        Set<Slice> after = slices(entry.grams(), entry.trigrams(), ids);
        int offset = BlockMembers.offset(entry.accountId());
        Map<Slice, BlockMembers> added = new HashMap<>();
        Map<Slice, BlockMembers> removed = new HashMap<>();
        for (Slice slice : after) {
            if (!before.contains(slice)) {
                added.computeIfAbsent(slice, s -> new BlockMembers()).add(offset);
            }
        }
        for (Slice slice : before) {
            if (!after.contains(slice)) {
                removed.computeIfAbsent(slice, s -> new BlockMembers()).add(offset);
            }
        }
        update(handle, BlockMembers.block(entry.accountId()), added, removed);
    }

    private static Set<Slice> slices(Set<String> grams, Set<String> trigrams, Map<String, Long> trigramIds) {
        Set<Slice> slices = new LinkedHashSet<>();
        for (String gram : grams) {
            slices.add(Slice.gram(gram));
        }
        for (String trigram : trigrams) {
            slices.add(Slice.trigram(trigram, trigramIds.get(trigram)));
        }
        return slices;
    }

    /**
     * The numbers of these trigrams in {@code search_trigram_key}; with {@code create}, trigrams not
     * numbered yet get the next numbers (the caller holds the index lock), else they are left out.
     */
    static Map<String, Long> trigramIds(Handle handle, Collection<String> trigrams, boolean create) {
        Map<String, Long> ids = new HashMap<>();
        if (trigrams.isEmpty()) {
            return ids;
        }
        handle.createQuery("SELECT gram, id FROM search_trigram_key WHERE gram = ANY(:grams)")
                .bindArray("grams", String.class, new ArrayList<>(trigrams))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(row -> ids.put(row.getKey(), row.getValue()));
        if (create && ids.size() < trigrams.size()) {
            long next = handle.createQuery("SELECT COALESCE(MAX(id), 0) FROM search_trigram_key").mapTo(Long.class).one();
            PreparedBatch inserts = handle.prepareBatch("INSERT INTO search_trigram_key(id, gram) VALUES (:id, :gram)");
            for (String trigram : trigrams) {
                if (!ids.containsKey(trigram)) {
                    ids.put(trigram, ++next);
                    inserts.bind("id", next).bind("gram", trigram).add();
                }
            }
            inserts.execute();
        }
        return ids;
    }

    /**
     * Adds to {@code search_fourgram} the four-character slices it does not hold yet (the caller holds the
     * index lock). None is ever removed when an account's text changes: the set may hold slices no account
     * holds any more, which only lets such a query go on to the blocks and the texts (ADR 0030) — it never
     * holds less than the accounts do, so a query it ends finds nothing in a scan either.
     */
    private static void addFourgrams(Handle handle, Set<String> fourgrams) {
        List<String> all = new ArrayList<>(fourgrams);
        for (int from = 0; from < all.size(); from += KEYS_PER_STATEMENT) {
            List<String> part = all.subList(from, Math.min(all.size(), from + KEYS_PER_STATEMENT));
            Set<String> missing = new HashSet<>(part);
            missing.removeAll(heldFourgrams(handle, part));
            if (!missing.isEmpty()) {
                PreparedBatch inserts = handle.prepareBatch("INSERT INTO search_fourgram(gram) VALUES (:gram)");
                missing.stream().sorted().forEach(gram -> inserts.bind("gram", gram).add());
                inserts.execute();
            }
        }
    }

    /** Which of these four-character slices some account holds (or held). */
    private static List<String> heldFourgrams(Handle handle, Collection<String> fourgrams) {
        return handle.createQuery("SELECT gram FROM search_fourgram WHERE gram = ANY(:grams)")
                .bindArray("grams", String.class, new ArrayList<>(fourgrams))
                .mapTo(String.class).list();
    }

    /**
     * Fills {@code search_fourgram} (empty) from {@code search_text} for the accounts indexed before it
     * existed (migration V37): every four-character slice of every stored text, each once, written in key
     * order. Memory: the distinct slices (10,503 at 1,000,000 demo accounts; real addresses hold more).
     *
     * @return the number of slices written
     */
    static long fillFourgrams(Handle handle) {
        lock(handle);
        Set<String> fourgrams = new HashSet<>();
        forEachStoredText(handle, entry -> fourgrams.addAll(entry.fourgrams()));
        PreparedBatch inserts = handle.prepareBatch("INSERT INTO search_fourgram(gram) VALUES (:gram)");
        for (String gram : new java.util.TreeSet<>(fourgrams)) {
            inserts.bind("gram", gram).add();
            if (inserts.size() == 5_000) {
                inserts.execute();
            }
        }
        if (inserts.size() > 0) {
            inserts.execute();
        }
        return fourgrams.size();
    }

    /**
     * Fills {@code search_trigram} (empty) from {@code search_text} for the accounts indexed before it
     * existed (migration V32): reads the texts in id order, numbers the trigrams as they come and writes
     * the rows in key order at the end, which H2 appends instead of rewriting pages all over the tree.
     * Memory: the encoded rows, about 60 MB at 1,000,000 demo accounts.
     *
     * @return the number of {@code search_trigram} rows written
     */
    static long fillTrigrams(Handle handle) {
        lock(handle);
        Map<String, Long> ids = new HashMap<>();
        List<String> grams = new ArrayList<>();
        // per trigram number, its rows in block order: [block (8 bytes), length (1 byte), members]...
        List<java.io.ByteArrayOutputStream> rowsById = new ArrayList<>();
        Map<String, BlockMembers> current = new HashMap<>();
        long[] currentBlock = {-1};
        forEachStoredText(handle, entry -> {
            long block = BlockMembers.block(entry.accountId());
            if (block != currentBlock[0]) {
                flush(currentBlock[0], current, ids, grams, rowsById);
                currentBlock[0] = block;
            }
            for (String trigram : entry.trigrams()) {
                current.computeIfAbsent(trigram, t -> new BlockMembers()).add(BlockMembers.offset(entry.accountId()));
            }
        });
        flush(currentBlock[0], current, ids, grams, rowsById);
        PreparedBatch keys = handle.prepareBatch("INSERT INTO search_trigram_key(id, gram) VALUES (:id, :gram)");
        for (int i = 0; i < grams.size(); i++) {
            keys.bind("id", i + 1L).bind("gram", grams.get(i)).add();
            if (keys.size() == 5_000 || i == grams.size() - 1) {
                keys.execute();
            }
        }
        long written = 0;
        PreparedBatch rows = handle.prepareBatch("INSERT INTO search_trigram(slot, members) VALUES (:slot, :m)");
        for (int i = 0; i < rowsById.size(); i++) {
            java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(rowsById.get(i).toByteArray());
            rowsById.set(i, null);
            while (in.hasRemaining()) {
                long block = in.getLong();
                byte[] members = new byte[in.get() & 0xFF];
                in.get(members);
                rows.bind("slot", trigramSlot(i + 1L, block)).bind("m", members).add();
                written++;
                if (rows.size() == 5_000) {
                    rows.execute();
                }
            }
        }
        if (rows.size() > 0) {
            rows.execute();
        }
        return written;
    }

    /** Every stored text, in ascending account id, read a page at a time (the migrations that fill a slice table). */
    private static void forEachStoredText(Handle handle, java.util.function.Consumer<Entry> each) {
        long lastId = -1;
        int page = 20_000;
        while (true) {
            List<Entry> entries = handle.createQuery("SELECT account_id, name_text, address_text FROM search_text "
                            + "WHERE account_id > :after ORDER BY account_id LIMIT :n")
                    .bind("after", lastId).bind("n", page)
                    .map((rs, ctx) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
            for (Entry entry : entries) {
                each.accept(entry);
                lastId = entry.accountId();
            }
            if (entries.size() < page) {
                return;
            }
        }
    }

    private static void flush(long block, Map<String, BlockMembers> current, Map<String, Long> ids, List<String> grams,
                              List<java.io.ByteArrayOutputStream> rowsById) {
        for (Map.Entry<String, BlockMembers> trigram : current.entrySet()) {
            long id = ids.computeIfAbsent(trigram.getKey(), t -> {
                grams.add(t);
                rowsById.add(new java.io.ByteArrayOutputStream(16));
                return (long) grams.size();
            });
            byte[] members = trigram.getValue().encode();
            java.io.ByteArrayOutputStream out = rowsById.get((int) id - 1);
            out.writeBytes(java.nio.ByteBuffer.allocate(Long.BYTES).putLong(block).array());
            out.write(members.length);
            out.writeBytes(members);
        }
        current.clear();
    }

    /** What a partial search found: the ids, ascending, and whether it stopped at its cap before the end. */
    record Found(List<Long> ids, boolean capped) {
    }

    /**
     * Candidates whose text turned out not to hold the query, after which a search stops (ADR 0027): it
     * then returns what it found so far — the first matches by ascending id, none missing before the last
     * candidate it checked — and says it was capped, so that the cashier is asked to type more.
     */
    static final int REJECTED_CAP = 500;
    /** Slices a window intersects at most before checking the texts (ADR 0027: the rarest few, not all). */
    static final int MAX_INTERSECTED = 4;

    private final int rejectedCap;

    SearchIndexRepository() {
        this(REJECTED_CAP);
    }

    /** With another cap (tests that reach it with a few thousand accounts). */
    SearchIndexRepository(int rejectedCap) {
        this.rejectedCap = rejectedCap;
    }

    /**
     * The ids, ascending, of the first {@code limit} accounts whose name or address contains
     * {@code normalisedQuery}, or fewer when the search was capped.
     *
     * <p>The blocks are read in ascending windows ({@value #FIRST_WINDOW} blocks, then at least four times
     * as many each time, more when the matches so far say the limit lies further, the rest when none were
     * found; past block {@value #LAST_WINDOW_FROM} to the end), so a query that fills the limit early
     * stops early and a rare one reads each slice in two pieces. The first window reads every slice of the
     * query and orders them by how many accounts hold them there; each later window reads the rarest
     * first and intersects at most {@value #MAX_INTERSECTED} slices, only while more than
     * {@value #CHECK_WITHOUT_INTERSECTING} candidates remain and checking them would cost more than reading
     * the next slice ({@value #TEXT_COST_IN_ROWS} rows a text). Checking the texts (queries of four or more
     * characters) makes the result exact whatever was left out of the intersection; a query of one slice
     * (up to three characters) is exact without it. The work is bounded whatever the query (ADR 0027):
     * every slice over the first window, at most {@value #MAX_INTERSECTED} slices over the other blocks,
     * and the texts of {@code limit} matches plus {@link #REJECTED_CAP} candidates that do not match; at
     * that cap the search stops and says so.
     */
    Found find(Handle handle, String normalisedQuery, int limit) {
        SearchWork.reset();
        Set<String> grams = SearchGrams.slicesOfQuery(normalisedQuery);
        if (grams.isEmpty() || limit <= 0) {
            return new Found(List.of(), false);
        }
        List<Slice> slices = new ArrayList<>();
        if (normalisedQuery.codePointCount(0, normalisedQuery.length()) >= 3) {
            Map<String, Long> ids = trigramIds(handle, grams, false);
            SearchWork.statement(0);
            if (ids.size() < grams.size()) {
                return new Found(List.of(), false); // a trigram no account has ever held: no match, nothing more to read
            }
            Set<String> fourgrams = SearchGrams.fourgramsOfQuery(normalisedQuery);
            if (!fourgrams.isEmpty()) {
                int held = heldFourgrams(handle, fourgrams).size();
                SearchWork.statement(0);
                if (held < fourgrams.size()) {
                    // a four-character slice no account holds ("元17幢" in "2单元17幢", ADR 0030): no match, no block read
                    return new Found(List.of(), false);
                }
            }
            grams.forEach(gram -> slices.add(Slice.trigram(gram, ids.get(gram))));
        } else {
            grams.forEach(gram -> slices.add(Slice.gram(gram)));
        }
        boolean sliceIsQuery = grams.size() == 1 && grams.contains(normalisedQuery);
        Collector collector = new Collector(handle, normalisedQuery, sliceIsQuery, limit, rejectedCap);
        int[] useful = {slices.size()};
        long window = FIRST_WINDOW;
        for (long from = 0; from <= MAX_BLOCK; from += window) {
            if (from > 0) {
                window = nextWindow(window, from, collector.found.size(), limit);
            }
            long to = from + window > LAST_WINDOW_FROM ? MAX_BLOCK : from + window - 1;
            TreeMap<Long, BlockMembers> candidates = from == 0
                    ? firstWindow(handle, slices, to, useful)
                    : window(handle, slices.subList(0, useful[0]), from, to, sliceIsQuery);
            if (collector.collect(candidates) || to == MAX_BLOCK) {
                break;
            }
        }
        if (collector.capped) {
            SearchWork.markCapped();
        }
        return new Found(collector.found, collector.capped);
    }

    /**
     * The next window: four times the last, or — when the matches so far say the limit lies further —
     * as many blocks as should hold twice the matches still missing; with none so far, the rest (a rare
     * query then costs one read per slice after the first window, not one per window).
     */
    private static long nextWindow(long last, long from, int found, int limit) {
        if (found == 0) {
            return MAX_BLOCK + 1;
        }
        double perBlock = (double) found / from;
        return Math.max(last * 4, (long) Math.ceil(2.0 * (limit - found) / perBlock));
    }

    /** Blocks in the first window; its reading orders the slices for the others. */
    static final long FIRST_WINDOW = 16;
    /** A window reaching past this block is the last: it goes to the end. */
    private static final long LAST_WINDOW_FROM = 1_024;
    /** Candidates this few are checked against their texts instead of reading a further slice. */
    static final int CHECK_WITHOUT_INTERSECTING = 48;
    /**
     * What checking one candidate's text costs, in index rows read in a range (bench at 1,000,000 accounts:
     * about 25 µs a text fetched by id, 3–4 µs a row of a slice's range): a further slice is read only
     * while the candidates would cost more to check than its rows to read.
     */
    static final int TEXT_COST_IN_ROWS = 7;

    /**
     * Reads every slice in blocks {@code 0..to}, intersects them, and sorts {@code slices} rarest first
     * (fewest accounts holding it there) for the windows after it — except that a slice which, taken in
     * that order, removed less than an eighth of the candidates left there goes to the end and is not read
     * in the later windows ({@code useful[0]}: the slices before it; in "2单元17幢" the slice 单元1 adds
     * nothing to 元17: reading it over the other blocks would cost its rows for nothing).
     */
    private static TreeMap<Long, BlockMembers> firstWindow(Handle handle, List<Slice> slices, long to, int[] useful) {
        Map<Slice, Integer> held = new HashMap<>();
        Map<Slice, TreeMap<Long, BlockMembers>> sample = new HashMap<>();
        TreeMap<Long, BlockMembers> candidates = null;
        for (Slice slice : slices) {
            TreeMap<Long, BlockMembers> rows = range(handle, slice, 0, to);
            held.put(slice, count(rows));
            sample.put(slice, copy(rows));
            candidates = candidates == null ? rows : intersect(candidates, rows);
        }
        slices.sort(java.util.Comparator.comparingInt(held::get));
        List<Slice> weak = new ArrayList<>();
        TreeMap<Long, BlockMembers> left = copy(sample.get(slices.get(0)));
        for (Slice slice : slices.subList(1, slices.size())) {
            int before = count(left);
            left = intersect(left, sample.get(slice));
            if (before > 0 && count(left) * 8L > before * 7L) {
                weak.add(slice);
            }
        }
        slices.removeAll(weak);
        useful[0] = slices.size();
        slices.addAll(weak);
        return candidates;
    }

    private static TreeMap<Long, BlockMembers> copy(Map<Long, BlockMembers> rows) {
        TreeMap<Long, BlockMembers> copy = new TreeMap<>();
        rows.forEach((block, members) -> {
            BlockMembers m = new BlockMembers();
            m.addAll(members);
            copy.put(block, m);
        });
        return copy;
    }

    /**
     * The candidates of blocks {@code from..to}: the rarest slice, intersected with the next rarest while
     * they are many, {@value #MAX_INTERSECTED} slices at most.
     */
    private static TreeMap<Long, BlockMembers> window(Handle handle, List<Slice> slices, long from, long to,
                                                      boolean sliceIsQuery) {
        TreeMap<Long, BlockMembers> candidates = range(handle, slices.get(0), from, to);
        for (Slice slice : slices.subList(1, Math.min(slices.size(), MAX_INTERSECTED))) {
            if (candidates.isEmpty()) {
                break;
            }
            int held = count(candidates);
            if (!sliceIsQuery && held <= CHECK_WITHOUT_INTERSECTING) {
                break; // the text check that follows is exact on its own
            }
            // only the candidates' span of blocks; a row looked up by its key costs about as much as ten to fifty in a range
            long first = candidates.firstKey();
            long last = candidates.lastKey();
            boolean few = candidates.size() * 16L < last - first + 1;
            long rows = few ? candidates.size() * 16L : last - first + 1;
            if (!sliceIsQuery && (long) held * TEXT_COST_IN_ROWS < rows) {
                break; // checking these texts costs less than reading the slice
            }
            candidates = intersect(candidates, few ? blocks(handle, slice, candidates.keySet()) : range(handle, slice, first, last));
        }
        return candidates;
    }

    private static int count(Map<Long, BlockMembers> candidates) {
        int count = 0;
        for (BlockMembers members : candidates.values()) {
            count += members.count();
        }
        return count;
    }

    private static TreeMap<Long, BlockMembers> intersect(TreeMap<Long, BlockMembers> candidates, Map<Long, BlockMembers> other) {
        candidates.entrySet().removeIf(block -> {
            BlockMembers members = other.get(block.getKey());
            if (members == null) {
                return true;
            }
            block.getValue().retainAll(members);
            return block.getValue().isEmpty();
        });
        return candidates;
    }

    /**
     * Takes the candidates, ascending, into {@code found} — all of them when the query is a slice itself,
     * else those whose text holds it — until the limit, or until {@code rejectedCap} candidates did not
     * hold it ({@code capped}).
     */
    private static final class Collector {
        private final Handle handle;
        private final String query;
        private final boolean sliceIsQuery;
        private final int limit;
        private final int rejectedCap;
        private final List<Long> unchecked = new ArrayList<>();
        final List<Long> found = new ArrayList<>();
        int rejected;
        boolean capped;

        Collector(Handle handle, String query, boolean sliceIsQuery, int limit, int rejectedCap) {
            this.handle = handle;
            this.query = query;
            this.sliceIsQuery = sliceIsQuery;
            this.limit = limit;
            this.rejectedCap = rejectedCap;
        }

        /** True when the search is over: the limit is reached or the cap hit. */
        boolean collect(TreeMap<Long, BlockMembers> candidates) {
            for (Map.Entry<Long, BlockMembers> block : candidates.entrySet()) {
                BlockMembers members = block.getValue();
                for (int offset = members.next(0); offset >= 0; offset = members.next(offset + 1)) {
                    long id = BlockMembers.accountId(block.getKey(), offset);
                    if (sliceIsQuery) {
                        found.add(id);
                        if (found.size() == limit) {
                            return true;
                        }
                    } else {
                        unchecked.add(id);
                        // a batch never checks more than the cap still allows, so the cap is exact
                        if (unchecked.size() >= Math.min(CHECK_BATCH, rejectedCap - rejected + 1) && check()) {
                            return true;
                        }
                    }
                }
            }
            return check();
        }

        /** Moves the unchecked ids whose stored text holds the query to {@code found}; true when the search is over. */
        private boolean check() {
            if (unchecked.isEmpty()) {
                return found.size() >= limit || capped;
            }
            Map<Long, Entry> texts = new HashMap<>();
            handle.createQuery("SELECT account_id, name_text, address_text FROM search_text WHERE account_id = ANY(:ids)")
                    .bindArray("ids", Long.class, unchecked)
                    .map((rs, ctx) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3)))
                    .forEach(e -> texts.put(e.accountId(), e));
            SearchWork.checked(unchecked.size());
            try {
                for (Long id : unchecked) {
                    Entry entry = texts.get(id);
                    if (entry != null && entry.contains(query)) {
                        found.add(id);
                        if (found.size() == limit) {
                            return true;
                        }
                    } else if (++rejected > rejectedCap) {
                        capped = true;
                        return true;
                    }
                }
                return false;
            } finally {
                unchecked.clear();
            }
        }
    }

    /** The rows of a slice in blocks {@code from..to} (one short index range). */
    private static TreeMap<Long, BlockMembers> range(Handle handle, Slice slice, long from, long to) {
        TreeMap<Long, BlockMembers> rows = new TreeMap<>();
        handle.createQuery("SELECT slot, members FROM " + slice.table() + " WHERE slot BETWEEN :first AND :last")
                .bind("first", slice.slot(from)).bind("last", slice.slot(to))
                .map((rs, ctx) -> Map.entry(rs.getLong(1) & MAX_BLOCK, BlockMembers.decode(rs.getBytes(2))))
                .forEach(row -> rows.put(row.getKey(), row.getValue()));
        SearchWork.statement(rows.size());
        return rows;
    }

    /** The rows of a slice in the given blocks only. */
    private static Map<Long, BlockMembers> blocks(Handle handle, Slice slice, Collection<Long> only) {
        Map<Long, BlockMembers> rows = new HashMap<>();
        handle.createQuery("SELECT slot, members FROM " + slice.table() + " WHERE slot = ANY(:slots)")
                .bindArray("slots", Long.class, only.stream().map(slice::slot).toList())
                .map((rs, ctx) -> Map.entry(rs.getLong(1) & MAX_BLOCK, BlockMembers.decode(rs.getBytes(2))))
                .forEach(row -> rows.put(row.getKey(), row.getValue()));
        SearchWork.statement(rows.size());
        return rows;
    }

    /** Applies additions and removals to one block's rows; a row left without members is deleted. */
    private static void update(Handle handle, long block, Map<Slice, BlockMembers> added, Map<Slice, BlockMembers> removed) {
        Set<Slice> slices = new LinkedHashSet<>(added.keySet());
        slices.addAll(removed.keySet());
        for (String table : List.of(GRAMS, TRIGRAMS)) {
            List<Slice> inTable = slices.stream().filter(slice -> slice.table().equals(table)).toList();
            if (!inTable.isEmpty()) {
                update(handle, table, block, inTable, added, removed);
            }
        }
    }

    private static void update(Handle handle, String table, long block, List<Slice> slices,
                               Map<Slice, BlockMembers> added, Map<Slice, BlockMembers> removed) {
        Map<Long, BlockMembers> existing = new HashMap<>();
        handle.createQuery("SELECT g.slot, g.members FROM UNNEST(:slots) AS u(slot) JOIN " + table + " g ON g.slot = u.slot")
                .bindArray("slots", Long.class, slices.stream().map(slice -> slice.slot(block)).toList())
                .map((rs, ctx) -> Map.entry(rs.getLong(1), BlockMembers.decode(rs.getBytes(2))))
                .forEach(row -> existing.put(row.getKey(), row.getValue()));
        PreparedBatch inserts = handle.prepareBatch(table.equals(GRAMS)
                ? "INSERT INTO search_gram(slot, gram, block, members) VALUES (:slot, :g, :block, :m)"
                : "INSERT INTO search_trigram(slot, members) VALUES (:slot, :m)");
        PreparedBatch updates = handle.prepareBatch("UPDATE " + table + " SET members = :m WHERE slot = :slot");
        PreparedBatch deletes = handle.prepareBatch("DELETE FROM " + table + " WHERE slot = :slot");
        for (Slice slice : slices) {
            long slot = slice.slot(block);
            BlockMembers members = existing.get(slot);
            boolean stored = members != null;
            if (!stored) {
                members = new BlockMembers();
            }
            if (added.containsKey(slice)) {
                members.addAll(added.get(slice));
            }
            if (removed.containsKey(slice)) {
                members.removeAll(removed.get(slice));
            }
            if (members.isEmpty()) {
                if (stored) {
                    deletes.bind("slot", slot).add();
                }
            } else if (stored) {
                updates.bind("slot", slot).bind("m", members.encode()).add();
            } else if (table.equals(GRAMS)) {
                inserts.bind("slot", slot).bind("g", slice.gram()).bind("block", block).bind("m", members.encode()).add();
            } else {
                inserts.bind("slot", slot).bind("m", members.encode()).add();
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

    /** The slices stored for one account, sorted (tests and support tools; reads every row of its block). */
    static List<String> storedGrams(Handle handle, long accountId) {
        int offset = BlockMembers.offset(accountId);
        return handle.createQuery("""
                        SELECT gram, members FROM search_gram WHERE block = :block
                        UNION ALL SELECT k.gram, t.members FROM search_trigram t
                            JOIN search_trigram_key k ON t.slot = k.id * 2097152 + :block
                        ORDER BY 1""")
                .bind("block", BlockMembers.block(accountId))
                .map((rs, ctx) -> BlockMembers.decode(rs.getBytes(2)).contains(offset) ? rs.getString(1) : null)
                .filter(java.util.Objects::nonNull)
                .list();
    }

    private static void lock(Handle handle) {
        handle.createQuery("SELECT id FROM search_index_lock WHERE id = 1 FOR UPDATE").mapTo(Integer.class).one();
    }
}
