package io.counterdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.persistence.JournalEvent;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainLines} against Jackson's streaming pass ({@link BatchFile#jacksonLines}), the reader it
 * stands in for: content written as {@link BatchFile#encode} writes it is read by hand and read the
 * same; broken or unusual content is either read the same or handed back (null), never read otherwise,
 * and what Jackson's pass refuses the hand reader never accepts.
 */
class PlainLinesTest {

    /**
     * Characters a journal's texts hold: escapes (short, and {@code \\u} for control characters and for a
     * character outside the BMP, which Jackson writes as its surrogate pair), and non-ASCII UTF-8.
     */
    private static final String PLAIN = "abcxyzABC0129 -_.:,;{}[]\"\\/\b\f\n\r\t\u0000\u0001\u001f\u007f"
            + "营业厅燃气表张三丰花园幢单元号é€\u2028😀𠀀";
    /** Lone surrogates: Jackson writes and reads them as {@code \\u} escapes; the hand reader hands such lines back. */
    private static final String EXOTIC = "\uD83D\uDE00\uDBFF\uDC00";

    @Test
    void contentAsEncodeWritesItIsReadByHandAndTheSame() throws Exception {
        Random r = new Random(20261207);
        for (int round = 0; round < 3_000; round++) {
            List<BatchLine> lines = lines(r, 1 + r.nextInt(20), false);
            byte[] text = text(lines);
            List<BatchLine> plain = PlainLines.read(text, text.length);
            assertThat(plain).as("round %d", round).isNotNull();
            assertThat(plain).isEqualTo(BatchFile.jacksonLines(text, text.length)).isEqualTo(lines);
        }
        assertThat(PlainLines.read(new byte[0], 0)).isEmpty();
    }

    @Test
    void exoticCharactersAreHandedBackAndReadByJackson() throws Exception {
        Random r = new Random(7);
        int handedBack = 0;
        for (int round = 0; round < 2_000; round++) {
            List<BatchLine> lines = lines(r, 1 + r.nextInt(5), true);
            byte[] text = text(lines);
            List<BatchLine> plain = PlainLines.read(text, text.length);
            List<BatchLine> jackson = BatchFile.jacksonLines(text, text.length);
            assertThat(jackson).isEqualTo(lines);
            if (plain == null) {
                handedBack++;
            } else {
                assertThat(plain).isEqualTo(jackson);
            }
        }
        assertThat(handedBack).isGreaterThan(500);
    }

    @Test
    void brokenContentIsReadAsJacksonReadsItOrHandedBack() throws Exception {
        Random r = new Random(42);
        byte[] pieces = {'"', '\\', '{', '}', ',', ':', ' ', '\n', 'u', '0', '9', '-', 'a', 'b', 'n', '/', (byte) 0x80,
            (byte) 0xC3, (byte) 0xE4, (byte) 0xED, (byte) 0xF0, (byte) 0xFF, 0x01};
        int readByHand = 0;
        int refused = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] text = text(lines(r, 1 + r.nextInt(3), r.nextInt(4) == 0));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(text);
            byte[] b = out.toByteArray();
            for (int m = 1 + r.nextInt(3); m > 0 && b.length > 1; m--) {
                int at = r.nextInt(b.length);
                switch (r.nextInt(4)) {
                    case 0 -> b[at] = pieces[r.nextInt(pieces.length)];
                    case 1 -> b = insert(b, at, pieces[r.nextInt(pieces.length)]);
                    case 2 -> b = delete(b, at);
                    default -> b[at] = (byte) r.nextInt(256);
                }
            }
            List<BatchLine> plain = PlainLines.read(b, b.length);
            List<BatchLine> jackson;
            try {
                jackson = BatchFile.jacksonLines(b, b.length);
            } catch (BatchFormatException e) {
                refused++;
                assertThat(plain).as("round %d: Jackson refuses %s", round, e.getMessage()).isNull();
                continue;
            }
            if (plain != null) {
                readByHand++;
                assertThat(plain).as("round %d", round).isEqualTo(jackson);
            }
        }
        assertThat(readByHand).isGreaterThan(1_000);
        assertThat(refused).isGreaterThan(1_000);
    }

    private static byte[] insert(byte[] b, int at, byte x) {
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, at);
        out[at] = x;
        System.arraycopy(b, at, out, at + 1, b.length - at);
        return out;
    }

    private static byte[] delete(byte[] b, int at) {
        byte[] out = new byte[b.length - 1];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, at + 1, out, at, b.length - at - 1);
        return out;
    }

    /** The lines as {@link BatchFile#encode} writes them, before the gzip. */
    static byte[] text(List<BatchLine> lines) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (BatchLine l : lines) {
            out.write(BatchFile.JSON.writeValueAsBytes(BatchFile.line(l)));
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static List<BatchLine> lines(Random r, int n, boolean exotic) {
        List<BatchLine> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long seq = switch (r.nextInt(4)) {
                case 0 -> r.nextInt(10);
                case 1 -> (long) (r.nextDouble() * 999_999_999_999_999_999L);
                default -> 1 + r.nextInt(1_000_000);
            };
            Instant at = Instant.ofEpochSecond(1_500_000_000L + r.nextInt(500_000_000));
            if (r.nextInt(5) == 0) {
                at = at.plusNanos(1 + r.nextInt(999_999_999));
            }
            String payload = r.nextInt(3) == 0 ? "{\"accountNo\":\"" + text(r, 8, exotic) + "\",\"paymentId\":" + r.nextInt()
                    + ",\"name\":\"" + text(r, 12, exotic) + "\"}" : text(r, 60, exotic);
            out.add(new BatchLine(new JournalEvent(seq, at, text(r, 6, exotic), text(r, 4, exotic), text(r, 10, exotic),
                    text(r, 12, exotic), payload, text(r, 64, exotic), text(r, 64, exotic)),
                    LocalDate.ofEpochDay(10_000 + r.nextInt(20_000))));
        }
        return out;
    }

    private static String text(Random r, int max, boolean exotic) {
        int n = r.nextInt(max + 1);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (exotic && r.nextInt(8) == 0) {
                s.append(EXOTIC.charAt(r.nextInt(EXOTIC.length())));
            } else if (r.nextInt(3) == 0) {
                s.appendCodePoint(PLAIN.codePoints().toArray()[r.nextInt((int) PLAIN.codePoints().count())]);
            } else {
                s.append((char) ('a' + r.nextInt(26)));
            }
        }
        return s.toString();
    }
}
