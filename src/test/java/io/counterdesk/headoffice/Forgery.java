package io.counterdesk.headoffice;

import io.counterdesk.sync.BatchFile;
import io.counterdesk.sync.Manifest;
import java.security.KeyPair;
import java.util.List;

/** Batches re-signed with a changed manifest (the key holder lying about the content). */
final class Forgery {

    private Forgery() {
    }

    static byte[] withDays(byte[] batch, List<String> days, KeyPair key) throws Exception {
        BatchFile.Decoded d = BatchFile.decode(batch);
        Manifest m = d.manifest();
        Manifest lie = new Manifest(m.format(), m.schemaVersion(), m.hall(), m.terminal(), m.epoch(), m.seq(),
                m.firstJournalSeq(), m.lastJournalSeq(), m.chainPrevHash(), m.lastHash(), m.previousBatchSha256(),
                m.madeAt(), m.zone(), days, m.eventCount(), m.types(), m.downstreamCursor());
        return BatchFile.encode(lie, d.lines(), key.getPrivate());
    }
}
