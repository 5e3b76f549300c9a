package io.counterdesk.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF layer: pages, tables across pages, money alignment, the embedded font, PDF/A-2b. */
class PdfReportTest {

    static final ReportHeading HEADING = new ReportHeading("测试报表", "2026年12月2日 副标题", "城东营业厅（H01）",
            "2026-12-02", "2001 张敏", ZonedDateTime.of(2026, 12, 2, 17, 30, 0, 0, ZoneId.of("Asia/Shanghai")));

    private static byte[] report(java.util.function.Consumer<PdfReport> body) {
        try (PdfReport report = PdfReport.create(PdfFiles.FONT, HEADING)) {
            body.accept(report);
            return report.toBytes();
        }
    }

    private static PdfTable longTable(int rows) {
        PdfTable.Builder table = PdfTable.builder().column("序号", 1).column("业务名称", 3).number("金额", 2);
        for (int i = 1; i <= rows; i++) {
            table.row("第" + i + "行", "气费缴纳", PdfTable.money(Money.ofFen(i * 12_345L)));
        }
        return table.total("合计", "", PdfTable.money(Money.ofFen(12_345L * rows * (rows + 1) / 2))).build();
    }

    @Test
    void aLongTableBreaksAcrossPagesRepeatingItsHeadingRowAndEveryPageIsNumbered() {
        byte[] pdf = report(r -> r.heading("收费明细").table(longTable(150)));
        PdfFiles.keep("long-table.pdf", pdf);

        List<String> pages = PdfFiles.pages(pdf);
        assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
        for (int p = 0; p < pages.size(); p++) {
            assertThat(pages.get(p)).as("page %d", p + 1)
                    .contains("业务名称").contains("金额")
                    .contains("城东营业厅（H01）").contains("测试报表  2026-12-02")
                    .contains("第 " + (p + 1) + " 页 / 共 " + pages.size() + " 页")
                    .contains("打印：2001 张敏  2026-12-02 17:30");
        }
        String all = String.join("\n", pages);
        for (int i = 1; i <= 150; i++) {
            assertThat(all).as("row %d once", i).containsOnlyOnce("第" + i + "行 ");
        }
        assertThat(pages.get(pages.size() - 1)).contains("合计").contains("¥1,398,071.25")
                .doesNotContain("第1行 ");
        assertThat(pages.get(0)).contains("2026年12月2日 副标题").contains("收费明细");
    }

    @Test
    void moneyColumnsAreRightAlignedSoThatTheDecimalPointsLineUp() {
        byte[] pdf = report(r -> r.table(PdfTable.builder().column("项目", 3).number("金额", 2)
                .row("甲", "¥1.00").row("乙", "¥1,234,567.89").row("丙", "-¥30.50").build()));

        List<PdfFiles.Placed> amounts = PdfFiles.placed(pdf).stream().filter(p -> p.text().startsWith("¥")
                || p.text().startsWith("-¥")).toList();
        assertThat(amounts).extracting(PdfFiles.Placed::text).containsExactly("¥1.00", "¥1,234,567.89", "-¥30.50");
        float right = amounts.get(0).right();
        assertThat(amounts).allSatisfy(a -> assertThat(a.right()).isCloseTo(right, within(0.6f)));
        assertThat(amounts.get(1).left()).isLessThan(amounts.get(0).left() - 20);
        assertThat(right).isCloseTo(PdfReport.MARGIN_X + PdfReport.WIDTH - 3.5f, within(1f));
    }

    @Test
    void chineseTextRoundTripsWithOnlyAnEmbeddedSubsetOfTheFont() {
        byte[] pdf = report(r -> r.paragraph("营业厅现金日报表：收款收据、核对单、燃气票。").table(longTable(10)));

        assertThat(PdfFiles.text(pdf)).contains("营业厅现金日报表：收款收据、核对单、燃气票。");
        List<PDFont> fonts = PdfFiles.fonts(pdf);
        assertThat(fonts).isNotEmpty().allSatisfy(font -> {
            assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            assertThat(font.getName()).as("a subset's name carries a tag").matches("[A-Z]{6}\\+.+");
        });
        assertThat(pdf.length).as("a subset, not the 5 MB font").isLessThan(80_000);
    }

    @Test
    void theReportIsPdfA2bWithItsMetadataAndAnSrgbOutputIntent() throws Exception {
        byte[] pdf = report(r -> r.heading("收费明细").table(longTable(60)).signatures(List.of("收费员", "复核")));

        assertThat(PdfFiles.pdfA2bFailures(pdf)).isEmpty();
        try (PDDocument document = PdfFiles.load(pdf)) {
            String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("<pdfaid:part>2</pdfaid:part>").contains("<pdfaid:conformance>B</pdfaid:conformance>")
                    .contains("测试报表").contains("2026-12-02T17:30:00+08:00");
            assertThat(document.getDocumentCatalog().getOutputIntents()).singleElement()
                    .satisfies(intent -> assertThat(intent.getOutputConditionIdentifier()).isEqualTo("sRGB IEC61966-2.1"));
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("测试报表");
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f, within(0.5f));
            assertThat(document.getPage(0).getMediaBox().getHeight()).isCloseTo(841.9f, within(0.5f));
        }
    }

    @Test
    void aCharacterTheFontLacksPrintsAsAQuestionMarkAndTheFileStaysValid() {
        byte[] pdf = report(r -> r.paragraph("户名 王\uD83D\uDE00伟").table(PdfTable.builder().column("名", 1)
                .row("\uD840\uDC00字").build()));

        assertThat(PdfFiles.text(pdf)).contains("户名 王?伟").contains("?字");
        assertThat(PdfFiles.pdfA2bFailures(pdf)).isEmpty();
    }

    @Test
    void aCellTallerThanAPageContinuesOnTheNextPage() {
        String runs = String.join("，", IntStream.range(0, 1_500).mapToObj(i -> String.format("%08d", i * 3))
                .toList());
        byte[] pdf = report(r -> r.table(PdfTable.builder().column("收费员", 1).column("号码", 6).row("1001 王伟", runs)
                .build()));

        List<String> pages = PdfFiles.pages(pdf);
        assertThat(pages).hasSizeGreaterThan(1);
        String all = String.join("", pages).replaceAll("\\s", "");
        assertThat(all).contains("00000000，00000003").contains("00004497");
    }

    @Test
    void paragraphsAndCellsWrapInsideThePage() {
        String text = "本报表所列各项数字均与收费流水、票据存根核对一致。".repeat(12);
        byte[] pdf = report(r -> r.paragraph(text).table(PdfTable.builder().column("说明", 1).column("数", 1)
                .row(text, "").build()));

        assertThat(PdfFiles.placed(pdf)).allSatisfy(p -> assertThat(p.right()).as(p.text())
                .isLessThanOrEqualTo(PdfReport.MARGIN_X + PdfReport.WIDTH + 0.5f));
        String all = PdfFiles.text(pdf).replaceAll("\\s", "");
        assertThat(all.indexOf(text)).isNotNegative();
        assertThat(all.indexOf(text, all.indexOf(text) + text.length())).as("in the paragraph and in the cell")
                .isNotNegative();
    }

    @Test
    void signatureLinesNameEachRole() {
        byte[] pdf = report(r -> r.signatures(List.of("收费员", "复核", "营业厅负责人")));

        assertThat(PdfFiles.text(pdf)).contains("收费员（签字）：").contains("复核（签字）：")
                .contains("营业厅负责人（签字）：").contains("日期：");
    }

    @Test
    void aConfiguredFontThatIsNotThereIsRefusedNamingTheSetting(@TempDir Path dir) {
        Path missing = dir.resolve("simsun.ttc");

        assertThatThrownBy(() -> ReportFont.locate(Optional.of(missing), Optional.empty(), System.getenv()))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.key()).isEqualTo("pdf.font.missing");
                    assertThat(e.getMessage()).contains("report.font").contains(missing.toString());
                });
    }

    @Test
    void withoutAnyFontTheErrorNamesTheSettingAndTheFilesTried(@TempDir Path dir) {
        List<Path> tried = List.of(dir.resolve("a.ttc"), dir.resolve("b.ttf"));

        assertThatThrownBy(() -> ReportFont.locate(Optional.empty(), Optional.empty(), tried))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.key()).isEqualTo("pdf.font.notFound");
                    assertThat(e.getMessage()).contains("report.font").contains("a.ttc").contains("b.ttf");
                });
    }

    @Test
    void theSystemFontsTriedIncludeLinuxAndWindowsCollections() {
        List<String> tried = ReportFont.candidates(java.util.Map.of("WINDIR", "D:\\Win")).stream()
                .map(Path::toString).toList();

        assertThat(tried.get(0)).isEqualTo("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
        assertThat(tried).anyMatch(p -> p.contains("D:\\Win") && p.endsWith("msyh.ttc"))
                .anyMatch(p -> p.contains("C:\\Windows") && p.endsWith("simsun.ttc"));
    }

    @Test
    void aFontNotInTheCollectionOrAFileThatIsNoFontIsRefusedClearly(@TempDir Path dir) throws Exception {
        ReportFont wrongName = new ReportFont(PdfFiles.FONT.file(), Optional.of("SimSun"));
        assertThatThrownBy(() -> PdfReport.create(wrongName, HEADING))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.key()).isEqualTo("pdf.font.noSuchName");
                    assertThat(e.getMessage()).contains("report.font.name").contains("WenQuanYiMicroHei");
                });

        Path notAFont = Files.writeString(dir.resolve("font.ttf"), "not a font");
        assertThatThrownBy(() -> PdfReport.create(new ReportFont(notAFont, Optional.empty()), HEADING))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.key()).isEqualTo("pdf.font.unusable"));
    }

    @Test
    void aNamedFontOfTheCollectionIsUsed() {
        ReportFont mono = new ReportFont(PdfFiles.FONT.file(), Optional.of("WenQuanYiMicroHeiMono"));
        byte[] pdf;
        try (PdfReport report = PdfReport.create(mono, HEADING)) {
            pdf = report.paragraph("等宽").toBytes();
        }

        assertThat(PdfFiles.fonts(pdf)).extracting(PDFont::getName).allMatch(n -> n.endsWith("WenQuanYiMicroHeiMono"));
    }

    @Test
    void aReportIsFinishedOnlyOnce() {
        try (PdfReport report = PdfReport.create(PdfFiles.FONT, HEADING)) {
            report.toBytes();
            assertThatThrownBy(report::toBytes).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void writingGoesThroughATemporaryFileAndLeavesOnlyTheReport(@TempDir Path dir) throws Exception {
        byte[] pdf = report(r -> r.paragraph("存档"));

        Path written = ReportPdfs.write(dir.resolve("reports/2026-12-02/hall.pdf"), pdf);

        assertThat(Files.readAllBytes(written)).isEqualTo(pdf);
        try (var files = Files.list(written.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("hall.pdf");
        }
        List<String> keys = new ArrayList<>();
        Files.writeString(dir.resolve("blocker"), "a file where a folder should be");
        try {
            ReportPdfs.write(dir.resolve("blocker/x.pdf"), pdf);
        } catch (BusinessException e) {
            keys.add(e.key());
        }
        assertThat(keys).containsExactly("pdf.write.failed");
    }
}
