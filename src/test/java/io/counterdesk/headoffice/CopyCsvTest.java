package io.counterdesk.headoffice;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.persistence.JournalEvent;
import io.counterdesk.sync.BatchLine;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The COPY rows written straight as bytes ({@link CopyCsv}) against the straightforward way they were
 * made before: the CSV built as a string (each text field quoted, quotes doubled) and encoded as UTF-8.
 */
class CopyCsvTest {

    private static final String ALPHABET = "ab\",\n\r\\ \t'{}:09é中文😀\u0000\u007f\u0080\u07ff\u0800\uffff";

    @Test
    void eventAndReceiptRowsAreTheBytesOfTheStringCsv() {
        Random random = new Random(20261207);
        for (int round = 0; round < 3_000; round++) {
            CopyCsv fast = new CopyCsv(1); // grows from the smallest buffer
            StringBuilder plain = new StringBuilder();
            int rows = 1 + random.nextInt(5);
            for (int i = 0; i < rows; i++) {
                String hall = text(random);
                String terminal = text(random);
                long epoch = random.nextLong();
                LocalDate day = LocalDate.ofEpochDay(random.nextInt(200_000) - 100_000);
                JournalEvent e = new JournalEvent(random.nextLong(), Instant.ofEpochSecond(random.nextInt(), random.nextInt(3) == 0
                        ? random.nextInt(1_000_000_000) : 0), terminal, text(random), text(random), text(random), text(random),
                        text(random), text(random));
                BatchLine l = new BatchLine(e, day);
                HeadOfficeRepository.eventRow(fast, hall, terminal, epoch, l);
                csv(plain, hall).append(',');
                csv(plain, terminal).append(',').append(l.businessDay()).append(',').append(epoch).append(',')
                        .append(e.seq()).append(',').append(e.occurredAt()).append(',');
                csv(plain, e.staffNo()).append(',');
                csv(plain, e.type()).append(',');
                csv(plain, e.subject()).append(',');
                csv(plain, e.payload()).append(',');
                csv(plain, e.prevHash()).append(',');
                csv(plain, e.hash()).append('\n');

                HeadOfficeRepository.ReceiptRow r = new HeadOfficeRepository.ReceiptRow(text(random), text(random),
                        random.nextLong(), text(random), text(random), day, random.nextLong(), text(random), random.nextLong(),
                        random.nextBoolean(), false);
                HeadOfficeRepository.receiptRow(fast, r);
                csv(plain, r.hall()).append(',');
                csv(plain, r.kind()).append(',').append(r.number()).append(',');
                csv(plain, r.terminal()).append(',');
                csv(plain, r.part()).append(',').append(r.day()).append(',').append(r.paymentId()).append(',');
                csv(plain, r.accountNo()).append(',').append(r.paidFen()).append(",\"\",").append(r.reversal()).append('\n');
            }
            assertThat(fast.toByteArray()).as("round %d", round).isEqualTo(plain.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Random text: empty, ASCII, or with quotes, line breaks, non-ASCII (2-, 3-, 4-byte UTF-8) and lone surrogates. */
    private static String text(Random random) {
        int n = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(300);
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int pick = random.nextInt(40);
            if (pick < ALPHABET.length()) {
                s.append(ALPHABET.charAt(pick));
            } else if (pick == ALPHABET.length()) {
                s.append((char) (0xd800 + random.nextInt(0x800))); // a lone surrogate half
            } else {
                s.append((char) (' ' + random.nextInt(95)));
            }
        }
        return s.toString();
    }

    /** The former HeadOfficeRepository.csv: {@code v} as one quoted CSV field (quotes doubled). */
    private static StringBuilder csv(StringBuilder out, String v) {
        out.append('"');
        for (int i = 0, n = v.length(); i < n; i++) {
            char ch = v.charAt(i);
            if (ch == '"') {
                out.append('"');
            }
            out.append(ch);
        }
        return out.append('"');
    }
}
