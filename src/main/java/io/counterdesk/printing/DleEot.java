package io.counterdesk.printing;

/**
 * The real-time status query DLE EOT n (10 04 n) of ESC/POS printers, both sides: what the
 * {@link TcpTransport} makes of the answers and what the {@link CapturePrinter} answers. Each
 * answer is one byte of the form {@code 0xx1 xx10} (bits 1 and 4 set, 0 and 7 clear).
 * <ul>
 *   <li>n = 1, printer status: bit 3 offline.</li>
 *   <li>n = 2, offline cause: bit 2 cover open, bit 5 stopped by paper end, bit 6 error.</li>
 *   <li>n = 4, roll paper sensor: bits 2–3 paper near end, bits 5–6 paper end.</li>
 * </ul>
 */
final class DleEot {

    static final int PRINTER = 1;
    static final int OFFLINE_CAUSE = 2;
    static final int PAPER = 4;

    private static final int FIXED_BITS = 0x12;
    private static final int FIXED_MASK = 0x93;

    private DleEot() {
    }

    /** True when {@code answer} has the fixed bits of a status byte (not a stray or ASB byte). */
    static boolean isStatusByte(int answer) {
        return answer >= 0 && (answer & FIXED_MASK) == FIXED_BITS;
    }

    /** The status from the answers to n = 1, 2 and 4; {@link PrinterStatus#UNKNOWN} if any is not a status byte. */
    static PrinterStatus interpret(int printer, int offlineCause, int paper) {
        if (!isStatusByte(printer) || !isStatusByte(offlineCause) || !isStatusByte(paper)) {
            return PrinterStatus.UNKNOWN;
        }
        boolean offline = (printer & 0x08) != 0;
        boolean coverOpen = (offlineCause & 0x04) != 0;
        boolean paperEndStop = (offlineCause & 0x20) != 0;
        boolean paperEnd = (paper & 0x60) != 0;
        boolean nearEnd = (paper & 0x0C) != 0;
        if (coverOpen) {
            return PrinterStatus.COVER_OPEN;
        }
        if (paperEnd || paperEndStop) {
            return PrinterStatus.PAPER_OUT;
        }
        if (offline) {
            return PrinterStatus.OFFLINE;
        }
        return nearEnd ? PrinterStatus.PAPER_NEAR_END : PrinterStatus.ONLINE;
    }

    /** What a printer in {@code state} answers to DLE EOT {@code n}. */
    static int answer(int n, PrinterStatus state) {
        boolean offline = !state.canPrint();
        return switch (n) {
            case PRINTER -> FIXED_BITS | (offline ? 0x08 : 0);
            case OFFLINE_CAUSE -> FIXED_BITS
                    | (state == PrinterStatus.COVER_OPEN ? 0x04 : 0)
                    | (state == PrinterStatus.PAPER_OUT ? 0x20 : 0)
                    | (state == PrinterStatus.OFFLINE ? 0x40 : 0);
            case PAPER -> FIXED_BITS
                    | (state == PrinterStatus.PAPER_OUT ? 0x6C : 0)
                    | (state == PrinterStatus.PAPER_NEAR_END ? 0x0C : 0);
            default -> FIXED_BITS;
        };
    }
}
