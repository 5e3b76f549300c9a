package io.counterdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.shared.BusinessException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 13 §3: a log-in with an unknown 工号 takes as long as one with a known 工号 and a wrong
 * password (the unknown one is checked against a dummy hash), so the time does not tell which staff
 * numbers exist. Before, the unknown one answered without hashing, many times faster.
 */
class LoginTimingTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @Test
    void anUnknownStaffNumberTakesAsLongAsAWrongPassword() {
        // a hasher slow enough that hashing dominates the database work, as the real one does
        AuthService auth = new AuthService(db.database(), db.journal(), new PasswordHasher(40_000));
        List<String> known = List.of("1001", "1002", "1003", "1004");
        for (String staffNo : known) {
            db.database().inTransaction(tx -> auth.insertOperator(tx, "system", staffNo, "王伟", Role.CASHIER,
                    "right2025".toCharArray(), false));
        }
        List<Long> knownNanos = new ArrayList<>();
        List<Long> unknownNanos = new ArrayList<>();
        for (int round = 0; round < 3; round++) { // three wrong passwords each: none is locked
            for (String staffNo : known) {
                knownNanos.add(refusalTime(auth, staffNo));
                unknownNanos.add(refusalTime(auth, "8" + staffNo.substring(1) + round));
            }
        }
        long knownMedian = median(knownNanos);
        long unknownMedian = median(unknownNanos);
        assertThat(unknownMedian).as("unknown %d µs vs known %d µs", unknownMedian / 1000, knownMedian / 1000)
                .isGreaterThan(knownMedian * 6 / 10);
    }

    private static long refusalTime(AuthService auth, String staffNo) {
        long start = System.nanoTime();
        BusinessException refused = catchThrowableOfType(BusinessException.class,
                () -> auth.login(staffNo, "wrong2025".toCharArray()));
        long took = System.nanoTime() - start;
        assertThat(refused.key()).isEqualTo("security.login.failed");
        return took;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
