package io.counterdesk.printing;

import com.github.anastaciocintra.escpos.EscPos;
import com.github.anastaciocintra.escpos.EscPosConst;
import com.github.anastaciocintra.escpos.Style;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;

/**
 * Turns a {@link PrintDocument} into one complete ESC/POS job: initialise (ESC @), Chinese mode on
 * (FS &amp;), then the lines in GB18030, with bold, double size and alignment, the QR code, the
 * cut and the drawer kick where the document has them.
 *
 * <p>escpos-coffee writes the initialisation, the styles (ESC E, GS !, ESC a …), the GB18030 text
 * ({@code setCharsetName("GB18030")}), the feed, the cut (GS V 1) and the drawer pulse (ESC p);
 * {@link EscPosCommands} writes Chinese mode and the QR code by hand. Everything is encoded into
 * memory first, so a job is complete before a byte goes to a printer.
 */
public final class EscPosEncoder {

    public static final Charset CHARSET = Charset.forName("GB18030");

    /** Lines fed before a cut so the last printed line clears the cutter. */
    public static final int DEFAULT_FEED_BEFORE_CUT = 4;

    /** Drawer pulse: on 25 × 2 ms = 50 ms, off 250 × 2 ms = 500 ms, what drawer makers ask for. */
    private static final int DRAWER_ON_TIME = 25;
    private static final int DRAWER_OFF_TIME = 250;

    private final PaperWidth paper;
    private final int drawerPin;
    private final int feedBeforeCut;

    /** Pin 2 for the drawer, {@value #DEFAULT_FEED_BEFORE_CUT} lines before a cut. */
    public EscPosEncoder(PaperWidth paper) {
        this(paper, 2, DEFAULT_FEED_BEFORE_CUT);
    }

    /**
     * @param drawerPin     2 or 5: the drawer connector pin the drawer's solenoid is on (pin 2 for
     *                      almost every drawer; 5 for a second drawer)
     * @param feedBeforeCut lines to feed before a cut (0–10)
     */
    public EscPosEncoder(PaperWidth paper, int drawerPin, int feedBeforeCut) {
        if (drawerPin != 2 && drawerPin != 5) {
            throw new IllegalArgumentException("drawer pin must be 2 or 5, not " + drawerPin);
        }
        if (feedBeforeCut < 0 || feedBeforeCut > 10) {
            throw new IllegalArgumentException("feed before cut must be 0..10 lines, not " + feedBeforeCut);
        }
        this.paper = java.util.Objects.requireNonNull(paper);
        this.drawerPin = drawerPin;
        this.feedBeforeCut = feedBeforeCut;
    }

    public PaperWidth paper() {
        return paper;
    }

    /** The whole job as bytes. */
    public byte[] encode(PrintDocument document) {
        ByteArrayOutputStream job = new ByteArrayOutputStream(2048);
        try (EscPos escpos = new EscPos(job)) {
            escpos.setCharsetName(CHARSET.name());
            escpos.initializePrinter();
            escpos.write(EscPosCommands.CHINESE_MODE_ON, 0, EscPosCommands.CHINESE_MODE_ON.length);
            for (PaperLayout.Step step : PaperLayout.lay(document, paper)) {
                if (step instanceof PaperLayout.Line line) {
                    escpos.writeLF(style(line), line.text());
                } else if (step instanceof PaperLayout.Qr qr) {
                    byte[] bytes = EscPosCommands.qrCode(qr.content(), qrModuleSize());
                    escpos.write(bytes, 0, bytes.length);
                } else if (step instanceof PaperLayout.CutPaper) {
                    if (feedBeforeCut > 0) {
                        escpos.feed(feedBeforeCut);
                    }
                    escpos.cut(EscPos.CutMode.PART);
                } else if (step instanceof PaperLayout.KickDrawer) {
                    escpos.pulsePin(drawerPin == 5 ? EscPos.PinConnector.Pin_5 : EscPos.PinConnector.Pin_2,
                            DRAWER_ON_TIME, DRAWER_OFF_TIME);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("encoding into memory failed", e);
        }
        return job.toByteArray();
    }

    /** Module size in dots: a QR of about 30 modules is then 150–180 dots wide, easy for phones. */
    private int qrModuleSize() {
        return paper == PaperWidth.MM58 ? 5 : 6;
    }

    private static Style style(PaperLayout.Line line) {
        TextStyle s = line.style();
        return new Style()
                .setBold(s.bold())
                .setFontSize(s.doubleWidth() ? Style.FontSize._2 : Style.FontSize._1,
                        s.doubleHeight() ? Style.FontSize._2 : Style.FontSize._1)
                .setJustification(switch (line.alignment()) {
                    case LEFT -> EscPosConst.Justification.Left_Default;
                    case CENTER -> EscPosConst.Justification.Center;
                    case RIGHT -> EscPosConst.Justification.Right;
                });
    }
}
