package io.counterdesk.report.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.GregorianCalendar;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/**
 * What makes a report PDF/A-2b (ISO 19005-2, level B: reproducible appearance) besides the embedded
 * font: XMP metadata that declares the conformance and repeats the document information, and an sRGB
 * output intent for the RGB colours the reports use. The sRGB profile comes from the JDK.
 */
final class PdfA {

    static final String CREATOR = "CounterDesk";
    static final String PRODUCER = "CounterDesk with Apache PDFBox";
    private static final String SRGB = "sRGB IEC61966-2.1";

    private PdfA() {
    }

    /** @param keywords the document's keywords, or null for none */
    static void apply(PDDocument document, ReportHeading heading, String keywords) {
        ZonedDateTime created = heading.printedAt().truncatedTo(ChronoUnit.SECONDS);
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(heading.title());
        info.setAuthor(heading.hallName());
        info.setCreator(CREATOR);
        info.setProducer(PRODUCER);
        Calendar calendar = GregorianCalendar.from(created);
        info.setCreationDate(calendar);
        info.setModificationDate(calendar);
        info.setKeywords(keywords);

        PDDocumentCatalog catalog = document.getDocumentCatalog();
        catalog.setLanguage("zh-CN");
        try {
            PDMetadata metadata = new PDMetadata(document);
            metadata.importXMPMetadata(xmp(heading.title(), heading.hallName(), created, keywords)
                    .getBytes(StandardCharsets.UTF_8));
            catalog.setMetadata(metadata);
            PDOutputIntent intent = new PDOutputIntent(document,
                    new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
            intent.setInfo(SRGB);
            intent.setOutputCondition(SRGB);
            intent.setOutputConditionIdentifier(SRGB);
            intent.setRegistryName("http://www.color.org");
            catalog.addOutputIntent(intent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The XMP packet: PDF/A identification plus the same title, author, tools, dates and keywords (when
     * not null) as the info dictionary (PDF/A-2 wants the two to agree).
     */
    static String xmp(String title, String author, ZonedDateTime created, String keywords) {
        String date = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(created);
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
                + "   <pdfaid:part>2</pdfaid:part>\n"
                + "   <pdfaid:conformance>B</pdfaid:conformance>\n"
                + "  </rdf:Description>\n"
                + "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
                + "   <dc:format>application/pdf</dc:format>\n"
                + "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape(title) + "</rdf:li></rdf:Alt></dc:title>\n"
                + "   <dc:creator><rdf:Seq><rdf:li>" + escape(author) + "</rdf:li></rdf:Seq></dc:creator>\n"
                + "  </rdf:Description>\n"
                + "  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
                + "   <xmp:CreatorTool>" + CREATOR + "</xmp:CreatorTool>\n"
                + "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n"
                + "   <xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n"
                + "  </rdf:Description>\n"
                + "  <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
                + "   <pdf:Producer>" + PRODUCER + "</pdf:Producer>\n"
                + (keywords == null ? "" : "   <pdf:Keywords>" + escape(keywords) + "</pdf:Keywords>\n")
                + "  </rdf:Description>\n"
                + " </rdf:RDF>\n"
                + "</x:xmpmeta>\n"
                + "<?xpacket end=\"w\"?>";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (cp >= 0x20 || cp == '\t') {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
