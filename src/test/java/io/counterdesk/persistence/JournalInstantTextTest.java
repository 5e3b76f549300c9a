package io.counterdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Journal#instantText} is {@link Instant#toString}, character for character (the journal's hash covers it). */
class JournalInstantTextTest {

    @Test
    void itWritesEveryInstantAsToStringDoes() {
        Random random = new Random(20261207);
        long min = Instant.MIN.getEpochSecond();
        long max = Instant.MAX.getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long second = switch (i % 4) {
                case 0 -> random.nextLong(-62_167_219_200L - 86_400L, 253_402_300_800L + 86_400L); // years −1 … 10000
                case 1 -> 1_700_000_000L + random.nextInt(200_000_000); // now-ish
                case 2 -> min + (long) (random.nextDouble() * ((double) max - min));
                default -> -86_400L * 366 + random.nextInt(86_400 * 800); // around 1970
            };
            Instant at = Instant.ofEpochSecond(second, i % 5 == 0 ? random.nextInt(1_000_000_000) : 0);
            assertThat(Journal.instantText(at)).as("%d s %d ns", at.getEpochSecond(), at.getNano()).isEqualTo(at.toString());
        }
        for (String edge : new String[] {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1970-01-01T00:00:00Z",
                "2024-02-29T23:59:59Z", "1969-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z"}) {
            Instant at = Instant.parse(edge);
            assertThat(Journal.instantText(at)).isEqualTo(at.toString()).isEqualTo(edge);
        }
    }
}
