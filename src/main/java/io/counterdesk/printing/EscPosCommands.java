package io.counterdesk.printing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The few ESC/POS byte sequences escpos-coffee does not provide (or provides wrongly), written by
 * hand: Chinese mode on and off, the QR code, and the status query.
 */
final class EscPosCommands {

    static final int LF = 0x0A;
    static final int DLE = 0x10;
    static final int EOT = 0x04;
    static final int ESC = 0x1B;
    static final int FS = 0x1C;
    static final int GS = 0x1D;

    /** FS &amp;: Chinese character mode on (two-byte GB codes print as one full-width character). */
    static final byte[] CHINESE_MODE_ON = {FS, '&'};
    /** FS .: Chinese character mode off. */
    static final byte[] CHINESE_MODE_OFF = {FS, '.'};

    /** QR model 2 (GS ( k function 165: n1 = 49 is model 1, 50 model 2). */
    private static final int QR_MODEL_2 = 50;
    /** QR error correction level M, about 15 % (function 169: 48 L, 49 M, 50 Q, 51 H). */
    private static final int QR_ERROR_CORRECTION_M = 49;

    private EscPosCommands() {
    }

    /** DLE EOT n: the printer answers one status byte at once, even while offline. */
    static byte[] statusQuery(int n) {
        return new byte[] {DLE, EOT, (byte) n};
    }

    /**
     * A centred QR code: select model 2, module size, error correction M, store the content
     * (UTF-8, which phone scanners expect) and print it. escpos-coffee 4.1.0's {@code QRCode} is
     * not used because it sends model byte 48/49 instead of 49/50 and measures the content in
     * {@code char}s while writing it in the platform charset, which cuts off any non-ASCII content.
     */
    static byte[] qrCode(String content, int moduleSize) {
        if (moduleSize < 1 || moduleSize > 16) {
            throw new IllegalArgumentException("QR module size must be 1..16 dots, not " + moduleSize);
        }
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 40);
        out.writeBytes(new byte[] {ESC, 'a', 1});
        qrFunction(out, 65, new byte[] {QR_MODEL_2, 0});
        qrFunction(out, 67, new byte[] {(byte) moduleSize});
        qrFunction(out, 69, new byte[] {QR_ERROR_CORRECTION_M});
        byte[] store = new byte[data.length + 1];
        store[0] = '0';
        System.arraycopy(data, 0, store, 1, data.length);
        qrFunction(out, 80, store);
        qrFunction(out, 81, new byte[] {'0'});
        out.writeBytes(new byte[] {ESC, 'a', 0});
        return out.toByteArray();
    }

    /** GS ( k pL pH cn=49 fn parameters…; pL pH count cn, fn and the parameters. */
    private static void qrFunction(ByteArrayOutputStream out, int function, byte[] parameters) {
        int length = parameters.length + 2;
        out.writeBytes(new byte[] {GS, '(', 'k', (byte) (length & 0xFF), (byte) (length >> 8), 49, (byte) function});
        out.writeBytes(parameters);
    }
}
