package io.counterdesk.printing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One job the {@link CapturePrinter} received: the bytes of one connection, minus status queries. */
public final class CapturedJob {

    private final int number;
    private final Instant receivedAt;
    private final byte[] bytes;
    private final PrinterStatus printerState;

    CapturedJob(int number, Instant receivedAt, byte[] bytes, PrinterStatus printerState) {
        this.number = number;
        this.receivedAt = Objects.requireNonNull(receivedAt);
        this.bytes = bytes.clone();
        this.printerState = Objects.requireNonNull(printerState);
    }

    /** 1, 2, 3 … in the order the jobs were completed. */
    public int number() {
        return number;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    /** The ESC/POS bytes as received. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The simulated state the printer was in when the job arrived (a real one would hold it until ready). */
    public PrinterStatus printerState() {
        return printerState;
    }

    /** The job decoded by {@link EscPosDecoder#lines}. */
    public List<String> lines() {
        return EscPosDecoder.lines(bytes);
    }

    /** The decoded lines joined by {@code \n}. */
    public String text() {
        return String.join("\n", lines());
    }

    @Override
    public String toString() {
        return "CapturedJob[" + number + ", " + bytes.length + " bytes, " + printerState + "]";
    }
}
