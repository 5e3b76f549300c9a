package io.counterdesk.sync;

import java.util.List;
import java.util.Map;

/**
 * What a batch says about itself (docs/sync-protocol.md, "Manifest"). Head office recomputes every
 * figure of it from the content and refuses the batch when one differs.
 *
 * @param format              always {@link BatchFile#FORMAT}
 * @param schemaVersion       the batch format's version ({@link BatchFile#SCHEMA_VERSION})
 * @param hall                the hall's code
 * @param terminal            the terminal's code (as in each event)
 * @param epoch               the terminal's epoch (a restore from backup starts the next)
 * @param seq                 the batch's number in its epoch: 1, 2, 3 … without gaps
 * @param firstJournalSeq     the first event's journal number ({@code lastJournalSeq + 1} of an empty batch)
 * @param lastJournalSeq      the last event's journal number
 * @param chainPrevHash       the hash the first event builds on (the previous batch's last event's hash)
 * @param lastHash            the last event's hash ({@code chainPrevHash} when empty)
 * @param previousBatchSha256 SHA-256 of the previous batch's bytes in this epoch, or of nothing ("") for seq 1
 * @param madeAt              when the terminal made the batch (its clock, ISO-8601)
 * @param zone                the terminal's time zone (business days are dates in it)
 * @param businessDays        the business days the events belong to, sorted
 * @param eventCount          the number of events
 * @param types               per event type: how many, and their money (fen) by {@link EventMoney}
 * @param downstreamCursor    the head-office change cursor the terminal has applied (0 until downstream exists)
 */
public record Manifest(String format, int schemaVersion, String hall, String terminal, long epoch, long seq,
                       long firstJournalSeq, long lastJournalSeq, String chainPrevHash, String lastHash,
                       String previousBatchSha256, String madeAt, String zone, List<String> businessDays,
                       int eventCount, Map<String, TypeTotal> types, long downstreamCursor) {

    /** Count and money of one event type in the batch. */
    public record TypeTotal(int count, long moneyFen) {
    }

    public Manifest {
        businessDays = List.copyOf(businessDays);
        types = Map.copyOf(types);
    }
}
