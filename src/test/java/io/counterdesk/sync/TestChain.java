package io.counterdesk.sync;

import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.JournalEvent;
import java.security.KeyPair;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A terminal's journal made by hand for head-office tests: events chained and hashed exactly as
 * {@link Journal} does, cut into batches signed with the terminal's key. Each event is a cash
 * payment of {@code 100 + seq} yuan on till 1 of the day (a TILL_OPENED first), so totals are known.
 */
public final class TestChain {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public final String hall;
    public final String terminal;
    public final KeyPair key = SyncKeys.generate();
    public final LocalDate day;
    private final List<BatchLine> lines = new ArrayList<>();
    private long epoch = 1;
    private long seq;
    private long batchEnd;
    private String previousSha = "";
    private final List<Long> batchEnds = new ArrayList<>();
    /** The business day the next events count in (the chain's day unless {@link #onDay} moved it). */
    private LocalDate businessDay;

    public TestChain(String hall, String terminal, LocalDate day) {
        this.hall = hall;
        this.terminal = terminal;
        this.day = day;
        this.businessDay = day;
    }

    /** The next events count in business day {@code d} (and happen on it). */
    public TestChain onDay(LocalDate d) {
        businessDay = d;
        return this;
    }

    /** Every event of the chain so far, with its business day. */
    public List<BatchLine> lines() {
        return List.copyOf(lines);
    }

    /** Appends a till opening (500 yuan float) as the chain's next event. */
    public TestChain open(long tillId) {
        return add("TILL_OPENED", "till:" + tillId, "{\"businessDay\":\"" + day + "\",\"floatFen\":50000,\"tillId\":" + tillId + "}");
    }

    /** Appends a cash payment of {@code fen} on {@code tillId}, receipt number = the event's seq. */
    public TestChain pay(long tillId, long fen) {
        long n = lines.size() + 1;
        return add("PAYMENT", "account:0001", "{\"accountNo\":\"0001\",\"cashReceivedFen\":" + fen + ",\"changeFen\":0,"
                + "\"creditUsedFen\":0,\"lines\":[{\"amountFen\":" + fen + ",\"billId\":" + n + ",\"kind\":\"PRINCIPAL\",\"m3\":1}],"
                + "\"paymentId\":" + n + ",\"receipts\":[{\"kind\":\"RECEIPT\",\"mac\":\"x\",\"number\":" + n
                + ",\"part\":\"WHOLE\"}],\"tenders\":[],\"tillId\":" + tillId + ",\"voucherM3\":0}");
    }

    public TestChain add(String type, String subject, String payload) {
        long s = lines.size() + 1;
        String prev = lines.isEmpty() ? Journal.GENESIS_HASH : lines.get(lines.size() - 1).event().hash();
        Instant at = businessDay.atTime(9, 0).atZone(ZONE).toInstant().plusSeconds(s * 60);
        JournalEvent draft = new JournalEvent(s, at, terminal, "1001", type, subject, payload, prev, "");
        JournalEvent e = new JournalEvent(s, at, terminal, "1001", type, subject, payload, prev, Journal.hashOf(draft));
        lines.add(new BatchLine(e, businessDay));
        return this;
    }

    /** Starts a new epoch (as a restore from backup does): the next batch is seq 1 of it. */
    public TestChain newEpoch() {
        epoch++;
        seq = 0;
        previousSha = "";
        return this;
    }

    /** The next batch: the events since the last batch, signed with this terminal's key. */
    public byte[] nextBatch() {
        return nextBatch(key);
    }

    public byte[] nextBatch(KeyPair signer) {
        List<BatchLine> part = lines.subList((int) batchEnd, lines.size());
        String chainPrev = batchEnd == 0 ? Journal.GENESIS_HASH : lines.get((int) batchEnd - 1).event().hash();
        seq++;
        Manifest m = BatchFile.describe(hall, terminal, epoch, seq, chainPrev, batchEnd + 1, previousSha,
                day.atTime(18, 0).atZone(ZONE).toInstant(), ZONE.getId(), 0, List.copyOf(part));
        byte[] bytes = BatchFile.encode(m, List.copyOf(part), signer.getPrivate());
        batchEnd = lines.size();
        batchEnds.add(batchEnd);
        previousSha = BatchFile.sha256(bytes);
        return bytes;
    }

    /**
     * The terminal restored from a backup taken when it had made {@code batches} batches and journaled
     * {@code events} events: what came after is gone from it, and it starts a new epoch (as
     * {@code counterdesk restore} does). The next events reuse the lost events' numbers.
     */
    public TestChain restoredFromBackup(int batches, int events) {
        lines.subList(events, lines.size()).clear();
        batchEnd = batches == 0 ? 0 : batchEnds.get(batches - 1);
        batchEnds.subList(batches, batchEnds.size()).clear();
        return newEpoch();
    }

    public int size() {
        return lines.size();
    }
}
