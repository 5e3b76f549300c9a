package io.counterdesk.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The preview draws headless; the PNGs in target/preview/ are there to be looked at. */
class PreviewRendererTest {

    private static final Path OUT = Path.of("target", "preview");

    @ParameterizedTest
    @EnumSource(PaperWidth.class)
    void drawsAReceiptOnePixelPerPrinterDot(PaperWidth paper) throws Exception {
        PreviewRenderer renderer = new PreviewRenderer(paper);

        BufferedImage image = renderer.render(SampleReceipts.cashPayment("0000123"));

        assertThat(image.getWidth()).isEqualTo(paper.dots() + 2 * PreviewRenderer.MARGIN);
        assertThat(image.getHeight()).isGreaterThan(20 * PreviewRenderer.LINE_HEIGHT);
        assertThat(inkIn(image, 0, image.getHeight())).isGreaterThan(1000);
        Files.createDirectories(OUT);
        Path png = OUT.resolve("receipt-" + paper.name().toLowerCase(java.util.Locale.ROOT) + ".png");
        assertThat(ImageIO.write(image, "png", png.toFile())).isTrue();
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(image.getWidth());
    }

    @Test
    void usesAnInstalledChineseFontWhenThereIsOne() {
        PreviewRenderer renderer = new PreviewRenderer(PaperWidth.MM80);

        assertThat(renderer.fontFamily()).isNotBlank();
        assertThat(PreviewRenderer.findFont().canDisplay('A')).isTrue();
    }

    @Test
    void aRightAlignedLineEndsAtTheRightEdgeOfThePaper() {
        BufferedImage image = new PreviewRenderer(PaperWidth.MM58)
                .render(PrintDocument.builder().text("收据", Alignment.RIGHT).build());

        int rightHalf = inkIn(image, PreviewRenderer.MARGIN + PaperWidth.MM58.dots() / 2, PreviewRenderer.MARGIN + PaperWidth.MM58.dots(), 0, image.getHeight());
        int leftHalf = inkIn(image, PreviewRenderer.MARGIN, PreviewRenderer.MARGIN + PaperWidth.MM58.dots() / 2, 0, image.getHeight());
        assertThat(rightHalf).isPositive();
        assertThat(leftHalf).isZero();
    }

    @Test
    void doubleHeightLinesTakeTwoLines() {
        PreviewRenderer renderer = new PreviewRenderer(PaperWidth.MM80);

        int normal = renderer.render(PrintDocument.builder().text("a").build()).getHeight();
        int large = renderer.render(PrintDocument.builder().centered("a", TextStyle.LARGE).build()).getHeight();

        assertThat(large - normal).isEqualTo(PreviewRenderer.LINE_HEIGHT);
    }

    @Test
    void theQrCodeInThePreviewScansBackToItsContent() throws Exception {
        String content = "CD1|HZ01|HZ01-T01|RECEIPT|10001|3300000001|9000|2026-11-22T01:30:00Z|27290CF75E5B";
        BufferedImage image = new PreviewRenderer(PaperWidth.MM80).render(PrintDocument.builder().qr(content).build());

        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        com.google.zxing.Result scanned = new com.google.zxing.qrcode.QRCodeReader().decode(
                new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                        new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))));

        assertThat(scanned.getText()).isEqualTo(content);
    }

    private static int inkIn(BufferedImage image, int top, int bottom) {
        return inkIn(image, 1, image.getWidth() - 1, top, bottom);
    }

    /** Dark pixels in the rectangle (the grey frame and notes are lighter than the threshold). */
    private static int inkIn(BufferedImage image, int left, int right, int top, int bottom) {
        int count = 0;
        for (int y = Math.max(1, top); y < Math.min(bottom, image.getHeight() - 1); y++) {
            for (int x = left; x < right; x++) {
                int rgb = image.getRGB(x, y);
                int grey = ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3;
                if (grey < 100) {
                    count++;
                }
            }
        }
        return count;
    }
}
