package io.counterdesk.printing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads ESC/POS bytes back into the lines a printer would print: text decoded as GB18030 in
 * Chinese mode (FS &amp;) and as code page 437 outside it, with the line's alignment, bold and size,
 * and markers for what is not text: {@code [QR] content}, {@code [BARCODE] data}, {@code [CUT]},
 * {@code [DRAWER]}, {@code [IMAGE]}. Commands it does not know come out as {@code [? 1B xx]} so a
 * support person sees them instead of losing them.
 *
 * <p>Used by the tests (decode the captured job and assert its lines), by the capture printer
 * (each stored job gets a readable {@code .txt}) and by support tools. It understands the commands
 * {@link EscPosEncoder} and escpos-coffee send and the common ones of Epson-compatible printers;
 * it is not a full printer emulator (no page mode, no graphics).
 */
public final class EscPosDecoder {

    private static final Charset CODE_PAGE_437 = Charset.forName("IBM437");

    /** One printed line or one non-text event, in paper order. */
    public record Line(Kind kind, String text, Alignment alignment, boolean bold, int widthFactor, int heightFactor) {

        public enum Kind {
            TEXT, QR, BARCODE, IMAGE, CUT, DRAWER, UNKNOWN
        }

        /** How the line reads in a test or a support log: the text, or {@code [QR] …}, {@code [CUT]} … */
        public String display() {
            return switch (kind) {
                case TEXT -> text;
                case QR -> "[QR] " + text;
                case BARCODE -> "[BARCODE] " + text;
                case IMAGE -> "[IMAGE]";
                case CUT -> "[CUT]";
                case DRAWER -> "[DRAWER]";
                case UNKNOWN -> "[? " + text + "]";
            };
        }
    }

    private EscPosDecoder() {
    }

    /**
     * Prints the lines of ESC/POS job files (a capture printer's {@code job-000001.bin}, a file
     * printed to with {@code printer.kind=device}) for support:
     * {@code java -cp 'target/counterdesk.jar:target/lib/*' io.counterdesk.printing.EscPosDecoder job.bin}.
     */
    public static void main(String[] args) throws java.io.IOException {
        if (args.length == 0) {
            System.err.println("usage: EscPosDecoder JOB.bin [JOB.bin …]");
            System.exit(2);
        }
        java.io.PrintStream out = new java.io.PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (String file : args) {
            if (args.length > 1) {
                out.println("---- " + file + " ----");
            }
            lines(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(file))).forEach(out::println);
        }
    }

    /** The job's lines as text, with the markers above. */
    public static List<String> lines(byte[] job) {
        return decode(job).stream().map(Line::display).toList();
    }

    /** The job's lines with their alignment and style. */
    public static List<Line> decode(byte[] job) {
        return new Reader(job).read();
    }

    /** The printer state while reading one job. */
    private static final class Reader {

        private final byte[] in;
        private int pos;
        private final List<Line> lines = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();
        private final ByteArrayOutputStream pendingText = new ByteArrayOutputStream();
        private boolean lineStarted;
        private Alignment lineAlignment = Alignment.LEFT;
        private boolean lineBold;
        private int lineWidth = 1;
        private int lineHeight = 1;

        private boolean chinese;
        private Charset singleByte = CODE_PAGE_437;
        private Alignment alignment = Alignment.LEFT;
        private boolean bold;
        private int width = 1;
        private int height = 1;
        private final ByteArrayOutputStream qrStore = new ByteArrayOutputStream();

        Reader(byte[] in) {
            this.in = in;
        }

        List<Line> read() {
            while (pos < in.length) {
                int b = next();
                switch (b) {
                    case EscPosCommands.LF -> endLine(true);
                    case '\r', 0 -> {
                        // carriage return: the line ends at LF; NUL: padding
                    }
                    case '\t' -> text(' ');
                    case EscPosCommands.ESC -> esc();
                    case EscPosCommands.GS -> gs();
                    case EscPosCommands.FS -> fs();
                    case EscPosCommands.DLE -> dle();
                    default -> {
                        if (b < 0x20) {
                            unknown(b);
                        } else {
                            text(b);
                        }
                    }
                }
            }
            endLine(false);
            return List.copyOf(lines);
        }

        private void esc() {
            int command = next();
            switch (command) {
                case '@' -> {
                    flushText();
                    chinese = false;
                    singleByte = CODE_PAGE_437;
                    alignment = Alignment.LEFT;
                    bold = false;
                    width = 1;
                    height = 1;
                }
                case '!' -> {
                    int n = next();
                    bold = (n & 0x08) != 0;
                    height = (n & 0x10) != 0 ? 2 : 1;
                    width = (n & 0x20) != 0 ? 2 : 1;
                }
                case 'E' -> bold = (next() & 1) != 0;
                case 'a' -> alignment = switch (next()) {
                    case 1, '1' -> Alignment.CENTER;
                    case 2, '2' -> Alignment.RIGHT;
                    default -> Alignment.LEFT;
                };
                case 't' -> singleByte = next() == 16 ? Charset.forName("windows-1252") : CODE_PAGE_437;
                case 'd' -> {
                    int n = next();
                    if (lineStarted || line.length() > 0 || pendingText.size() > 0) {
                        endLine(true);
                        n--;
                    }
                    for (int i = 0; i < n; i++) {
                        endLine(true);
                    }
                }
                case 'p' -> {
                    skip(3);
                    event(Line.Kind.DRAWER, "");
                }
                case 'i', 'm' -> cut();
                case 'G', '-', 'M', '3', 'J', 'R', 'V', '{', ' ', 'r', 'U', 'c', 'K' -> skip(1);
                case '2' -> {
                    // default line spacing
                }
                case '$', '\\' -> skip(2);
                case 'D' -> {
                    while (pos < in.length && next() != 0) {
                        // tab stops up to NUL
                    }
                }
                default -> unknown(EscPosCommands.ESC, command);
            }
        }

        private void gs() {
            int command = next();
            switch (command) {
                case '!' -> {
                    int n = next();
                    width = ((n >> 4) & 0x07) + 1;
                    height = (n & 0x07) + 1;
                }
                case 'V' -> {
                    int m = next();
                    if (m == 65 || m == 66 || m == 97 || m == 98 || m == 103 || m == 104) {
                        skip(1);
                    }
                    cut();
                }
                case '(' -> extended();
                case 'k' -> barcode();
                case 'v' -> rasterImage();
                case 'B', 'h', 'w', 'H', 'f', 'b', 'a', 'I', 'r', 'E' -> skip(1);
                case 'L', 'W', 'P' -> skip(2);
                default -> unknown(EscPosCommands.GS, command);
            }
        }

        /** GS ( x pL pH data: QR (GS ( k, cn 49) understood, the rest skipped by length. */
        private void extended() {
            int function = next();
            int length = word();
            if (length < 0) {
                pos = in.length;
                return;
            }
            int start = pos;
            pos = Math.min(in.length, pos + length);
            if (function != 'k' || pos - start < 2 || in[start] != 49) {
                return;
            }
            int fn = in[start + 1] & 0xFF;
            if (fn == 80 && pos - start >= 3) {
                qrStore.reset();
                qrStore.write(in, start + 3, pos - start - 3);
            } else if (fn == 81) {
                flushLineIfStarted();
                event(Line.Kind.QR, qrStore.toString(StandardCharsets.UTF_8));
            }
        }

        private void barcode() {
            int m = next();
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            if (m <= 6) {
                for (int b = next(); b > 0; b = next()) {
                    data.write(b);
                }
            } else {
                int n = Math.max(0, next());
                data.write(in, pos, Math.min(n, in.length - pos));
                pos = Math.min(in.length, pos + n);
            }
            flushLineIfStarted();
            event(Line.Kind.BARCODE, data.toString(StandardCharsets.ISO_8859_1));
        }

        /** GS v 0 m xL xH yL yH d1…dk: k = (xL + xH·256) · (yL + yH·256). */
        private void rasterImage() {
            skip(2);
            int x = word();
            int y = word();
            pos = x < 0 || y < 0 ? in.length : Math.min(in.length, pos + x * y);
            flushLineIfStarted();
            event(Line.Kind.IMAGE, "");
        }

        private void fs() {
            int command = next();
            switch (command) {
                case '&' -> {
                    flushText();
                    chinese = true;
                }
                case '.' -> {
                    flushText();
                    chinese = false;
                }
                case '!', '-', 'W', 'C' -> skip(1);
                case 'S', 'p' -> skip(2);
                default -> unknown(EscPosCommands.FS, command);
            }
        }

        /** DLE EOT / DLE ENQ (status requests) and DLE DC4 (real-time drawer pulse). */
        private void dle() {
            int command = next();
            switch (command) {
                case EscPosCommands.EOT, 0x05 -> skip(1);
                case 0x14 -> {
                    int fn = next();
                    if (fn == 1) {
                        skip(2);
                        event(Line.Kind.DRAWER, "");
                    } else if (fn == 8) {
                        skip(7);
                    } else {
                        skip(2);
                    }
                }
                default -> unknown(EscPosCommands.DLE, command);
            }
        }

        private void text(int b) {
            if (!lineStarted) {
                lineStarted = true;
                lineAlignment = alignment;
                lineBold = bold;
                lineWidth = width;
                lineHeight = height;
            }
            pendingText.write(b);
        }

        private void flushText() {
            if (pendingText.size() > 0) {
                line.append(pendingText.toString(chinese ? EscPosEncoder.CHARSET : singleByte));
                pendingText.reset();
            }
        }

        private void endLine(boolean fed) {
            flushText();
            if (fed || line.length() > 0) {
                if (!lineStarted) {
                    lineAlignment = alignment;
                    lineBold = bold;
                    lineWidth = width;
                    lineHeight = height;
                }
                lines.add(new Line(Line.Kind.TEXT, line.toString(), lineAlignment, lineBold, lineWidth, lineHeight));
            }
            line.setLength(0);
            lineStarted = false;
        }

        private void flushLineIfStarted() {
            if (lineStarted) {
                endLine(true);
            }
        }

        private void cut() {
            flushLineIfStarted();
            event(Line.Kind.CUT, "");
        }

        private void event(Line.Kind kind, String text) {
            lines.add(new Line(kind, text, alignment, bold, width, height));
        }

        private void unknown(int... bytes) {
            event(Line.Kind.UNKNOWN, HexFormat.ofDelimiter(" ").withUpperCase().formatHex(toBytes(bytes)));
        }

        private static byte[] toBytes(int... values) {
            byte[] bytes = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                bytes[i] = (byte) values[i];
            }
            return bytes;
        }

        /** The next byte, or -1 past the end (a job cut short mid-command). */
        private int next() {
            return pos < in.length ? in[pos++] & 0xFF : -1;
        }

        /** A little-endian 16-bit parameter (nL nH), or -1 past the end. */
        private int word() {
            int low = next();
            int high = next();
            return low < 0 || high < 0 ? -1 : low | high << 8;
        }

        private void skip(int n) {
            pos = Math.min(in.length, pos + n);
        }
    }
}
