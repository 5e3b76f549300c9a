package io.counterdesk.persistence;

import java.util.OptionalLong;

/** The outcome of walking the journal's hash chain. */
public record ChainReport(long eventsChecked, OptionalLong firstBrokenSeq, String problem) {

    public static ChainReport intact(long eventsChecked) {
        return new ChainReport(eventsChecked, OptionalLong.empty(), "");
    }

    public static ChainReport broken(long eventsChecked, long seq, String problem) {
        return new ChainReport(eventsChecked, OptionalLong.of(seq), problem);
    }

    public boolean isIntact() {
        return firstBrokenSeq.isEmpty();
    }
}
