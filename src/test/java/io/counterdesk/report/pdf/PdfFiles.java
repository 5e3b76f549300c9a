package io.counterdesk.report.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Reading reports back in tests: text per page, positions of text, fonts, and the veraPDF verdict. */
public final class PdfFiles {

    /** The font of this machine (fonts-wqy-microhei, installed by .ci/run). */
    public static final ReportFont FONT = ReportFont.locate(Optional.empty(), Optional.empty(), System.getenv());

    private PdfFiles() {
    }

    public static PDDocument load(byte[] pdf) {
        try {
            return Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new AssertionError("not a readable PDF", e);
        }
    }

    /** The text of every page, in page order. */
    public static List<String> pages(byte[] pdf) {
        try (PDDocument document = load(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            for (int p = 1; p <= document.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(document));
            }
            return pages;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public static String text(byte[] pdf) {
        return String.join("\n", pages(pdf));
    }

    /** A run of text on a page with the x of its first character's left and its last character's right edge. */
    public record Placed(int page, String text, float left, float right, float y) {
    }

    /** Every run of text as the stripper groups it (a cell of a table is a run of its own). */
    public static List<Placed> placed(byte[] pdf) {
        List<Placed> placed = new ArrayList<>();
        try (PDDocument document = load(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    if (!positions.isEmpty()) {
                        TextPosition first = positions.get(0);
                        TextPosition last = positions.get(positions.size() - 1);
                        placed.add(new Placed(getCurrentPageNo(), text, first.getXDirAdj(),
                                last.getXDirAdj() + last.getWidthDirAdj(), first.getYDirAdj()));
                    }
                    super.writeString(text, positions);
                }
            };
            stripper.setSortByPosition(true);
            stripper.getText(document);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return placed;
    }

    /**
     * The runs of text filled in colour {@code rgb} (0xRRGGBB, each component within 2 of it), in
     * reading order: a run is the characters of one text-showing operation.
     */
    public static List<String> textIn(byte[] pdf, int rgb) {
        List<String> runs = new ArrayList<>();
        try (PDDocument document = load(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                {
                    addOperator(new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor(this));
                    addOperator(new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorSpace(this));
                    addOperator(new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor(this));
                }

                private final StringBuilder run = new StringBuilder();

                @Override
                protected void processTextPosition(TextPosition text) {
                    try {
                        if (close(getGraphicsState().getNonStrokingColor().toRGB(), rgb)) {
                            run.append(text.getUnicode());
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    super.processTextPosition(text);
                }

                @Override
                public void showTextString(byte[] string) throws IOException {
                    super.showTextString(string);
                    if (!run.isEmpty()) {
                        runs.add(run.toString());
                        run.setLength(0);
                    }
                }
            };
            stripper.getText(document);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return runs;
    }

    private static boolean close(int a, int b) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) > 2) {
                return false;
            }
        }
        return true;
    }

    /** Every font used on any page, with whether it is embedded. */
    public static List<PDFont> fonts(byte[] pdf) {
        List<PDFont> fonts = new ArrayList<>();
        try (PDDocument document = load(pdf)) {
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return fonts;
    }

    /** The rules of PDF/A-2b the file breaks, as "rule: message" lines; empty when it conforms. */
    public static List<String> pdfA2bFailures(byte[] pdf) {
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFA_2_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            ValidationResult result = validator.validate(parser);
            if (result.isCompliant()) {
                return List.of();
            }
            return result.getTestAssertions().stream().filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": "
                            + a.getMessage() + " (" + a.getErrorMessage() + ")")
                    .distinct().collect(Collectors.toList());
        } catch (Exception e) {
            throw new AssertionError("veraPDF could not check the file", e);
        }
    }

    /** Saves a report for a look (pdftoppm) when -Dreport.keep=DIR is given; does nothing otherwise. */
    public static void keep(String name, byte[] pdf) {
        String dir = System.getProperty("report.keep");
        if (dir != null && !dir.isBlank()) {
            ReportPdfs.write(Path.of(dir, name), pdf);
        }
    }
}
