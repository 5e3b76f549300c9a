package io.counterdesk.headoffice;

import java.util.List;

/**
 * {@link SyncLoopTest}'s loop and chaos (a cut upload, a cut answer, clock skew, head office away) over
 * HTTPS, the terminal trusting only the certificate its enrolment file pinned (ADR 0023).
 */
class SyncLoopTlsTest extends SyncLoopTest {

    @Override
    HeadOfficeTls tls() throws Exception {
        return HeadOfficeTls.loadOrCreate(dir.resolve("tls"), List.of("127.0.0.1"));
    }
}
