package io.counterdesk.headoffice;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.report.pdf.PdfFiles;
import io.counterdesk.sync.SyncKeys;
import io.counterdesk.sync.TestChain;
import java.awt.image.BufferedImage;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Head office's page for its staff, loaded from a real server by a real headless chromium: what the
 * page shows for a day of two halls — hall totals, each terminal's figures, the cash a terminal declared
 * against head office's own (one terminal's close disagrees with its events), a late day, a terminal
 * that sent nothing and one with a till still open, an alarm — and the receipt check, in Chinese and in
 * English; the same day as the consolidated PDF, parsed back. Screenshots at 1366×768 go to
 * {@code docs/screenshots/} with {@code -Dcounterdesk.screenshots=true}.
 */
class HeadOfficePageTest {

    static final LocalDate DAY = LocalDate.of(2025, 3, 10);

    @TempDir
    Path dir;
    HeadOfficeStore store;
    KeyPair key = SyncKeys.generate();
    HeadOfficeServer server;

    @BeforeEach
    void aDayOfTwoHalls() throws Exception {
        HeadlessChromium.assumeInstalled();
        store = HeadOfficeStore.embedded(dir.resolve("ho"));
        // HZ01-T01: 150.50 in cash, 100.00 deposited, closed 0.50 short, its declared cash = head office's
        TestChain t1 = enrolled("HZ01", "HZ01-T01");
        t1.open(1).pay(1, 12_000).pay(1, 3_050)
                .add("TILL_DEPOSIT", "till:1", "{\"amountFen\":10000,\"tillId\":1}")
                .add("TILL_CLOSED", "till:1", "{\"countedCashFen\":55000,\"expectedCashFen\":55050,\"overShortFen\":-50,\"tillId\":1}");
        // first the same day of HZ01-T01 signed with another key: refused, alarmed, nothing stored
        TestChain forged = new TestChain("HZ01", "HZ01-T01", DAY).open(1).pay(1, 12_000);
        assertThat(at(DAY, 18, 0).accept(forged.nextBatch()).refusal()).isEqualTo(Outcome.Refusal.BAD_SIGNATURE);
        assertThat(at(DAY, 18, 30).accept(t1.nextBatch()).isAccepted()).isTrue();
        // HZ01-T02: 500.00, closed; its close declares 1010.00 expected where its events make 1000.00; sent late
        TestChain t2 = enrolled("HZ01", "HZ01-T02");
        t2.open(1).pay(1, 50_000)
                .add("TILL_CLOSED", "till:1", "{\"countedCashFen\":100000,\"expectedCashFen\":101000,\"overShortFen\":-1000,\"tillId\":1}");
        assertThat(at(DAY.plusDays(1), 10, 0).accept(t2.nextBatch()).isAccepted()).isTrue();
        // HZ02-T01: 88.00, its till not closed; HZ02-T02 enrolled and silent
        TestChain t3 = enrolled("HZ02", "HZ02-T01");
        t3.open(1).pay(1, 8_800);
        assertThat(at(DAY, 17, 0).accept(t3.nextBatch()).isAccepted()).isTrue();
        enrolled("HZ02", "HZ02-T02");
        server = HeadOfficeServer.start(at(DAY.plusDays(2), 8, 0), new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void headOfficeStaffSeeEveryHallsDayTheTerminalsFiguresTheMissingAndLateDaysTheAlarmsAndTheReceiptCheck() throws Exception {
        // one look by the browser (each is a chromium start): the day with a receipt checked
        String dom = HeadlessChromium.dom(url("/?day=" + DAY + "&hall=HZ01&kind=RECEIPT&number=3"));

        assertThat(dom).contains("<title>总部营业汇总 2025-03-10</title>");
        assertThat(cell(dom, "hall-HZ01", "total")).isEqualTo("650.50");
        assertThat(cell(dom, "hall-HZ01", "tender.CASH")).isEqualTo("650.50");
        assertThat(cell(dom, "hall-HZ01", "receipts")).isEqualTo("3");
        assertThat(cell(dom, "hall-HZ01", "overShort")).isEqualTo("-10.50");
        assertThat(cell(dom, "hall-HZ02", "total")).isEqualTo("88.00");
        assertThat(cell(dom, "hall-total", "total")).isEqualTo("738.50");

        assertThat(cell(dom, "terminal-HZ01-T01", "total")).isEqualTo("150.50");
        assertThat(cell(dom, "terminal-HZ01-T01", "deposits")).isEqualTo("100.00");
        assertThat(cell(dom, "terminal-HZ01-T01", "declared")).isEqualTo("550.50");
        assertThat(cell(dom, "terminal-HZ01-T01", "own")).isEqualTo("550.50 ✓ 一致");
        assertThat(cell(dom, "terminal-HZ01-T01", "received")).isEqualTo("03-10 18:30");
        // the terminal's close and its own events disagree: head office shows both, and that they differ
        assertThat(cell(dom, "terminal-HZ01-T02", "declared")).isEqualTo("1010.00");
        assertThat(cell(dom, "terminal-HZ01-T02", "own")).isEqualTo("1000.00 ✗ 不符");
        assertThat(cell(dom, "terminal-HZ01-T02", "received")).isEqualTo("03-11 10:00 迟报");
        assertThat(cell(dom, "terminal-HZ02-T01", "tills")).isEqualTo("0/1");
        assertThat(cell(dom, "terminal-HZ02-T01", "own")).as("no till closed: nothing declared").isEqualTo("—");

        assertThat(row(dom, "overdue-HZ02-T01")).contains("已上报，尚有款台未日结");
        assertThat(row(dom, "overdue-HZ02-T02")).contains("未上报本日数据").contains("从未上传");
        assertThat(dom).doesNotContain("overdue-HZ01-T01").doesNotContain("overdue-HZ01-T02");

        assertThat(textOf(dom, "table", "alarms")).contains("签名不符").contains("HZ01-T01")
                .contains("HZ01/HZ01-T01 第 1 纪元第 1 批 不是用该终端登记的密钥签名的")
                .doesNotContain("signed");
        assertThat(textOf(dom, "div", "card-alarms")).contains("1");
        assertThat(textOf(dom, "div", "card-terminals")).contains("3 / 4");

        assertThat(textOf(dom, "div", "check-result"))
                .contains("真实票据：HZ01 HZ01-T01，营业日 2025-03-10，户号 0001，实收 ¥30.50");
        String unknown = get("/?day=" + DAY + "&hall=HZ01&kind=RECEIPT&number=999");
        assertThat(textOf(unknown, "div", "check-result")).contains("总部没有营业厅 HZ01 的收款收据 999");
    }

    @Test
    void thePageInEnglishAndADayWithNothingSent() throws Exception {
        String english = get("/?day=" + DAY + "&lang=en");
        assertThat(english).contains("Hall totals (2025-03-10)").contains("Nothing of this day sent")
                .contains("Bad signature").contains("batch HZ01/HZ01-T01 epoch 1 seq 1 is not signed by the terminal")
                .doesNotContain("营业厅合计").doesNotContain("纪元");
        assertThat(cell(english, "hall-total", "total")).isEqualTo("738.50");

        String empty = get("/?day=" + DAY.minusDays(5));
        assertThat(empty).contains("本营业日尚无终端数据上报");
        // every enrolled terminal is overdue for a day long past that none of them sent
        assertThat(empty).contains("overdue-HZ01-T01").contains("overdue-HZ02-T02");
    }

    @Test
    void theConsolidatedPdfOfTheDayHoldsTheSameFiguresInChinese() throws Exception {
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/report.pdf?day=" + DAY)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String text = PdfFiles.text(pdf.body());
        assertThat(text).contains("各营业厅营业日汇总表").containsPattern("营业日 2025-03-10\\s+共 2 个营业厅、3 台终端上报");
        assertThat(text).containsPattern("HZ01\\s+2\\s+650\\.50\\s+650\\.50");
        assertThat(text).containsPattern("合计\\s+3\\s+738\\.50");
        assertThat(text).containsPattern("HZ01-T01\\s+1/1\\s+150\\.50\\s+150\\.50\\s+100\\.00\\s+-0\\.50\\s+550\\.50\\s+550\\.50\\n");
        assertThat(text).containsPattern("HZ01-T02\\s+1/1\\s+500\\.00\\s+500\\.00\\s+0\\.00\\s+-10\\.00\\s+1010\\.00\\s+1000\\.00 不符")
                .contains("迟报");
        assertThat(text).contains("HZ02-T02").contains("未上报本日数据");
        assertThat(PdfFiles.fonts(pdf.body())).allSatisfy(f -> assertThat(f.isEmbedded()).isTrue());
        PdfFiles.keep("headoffice-day.pdf", pdf.body());
    }

    @Test
    void whatAPersonSeesAt1366x768() throws Exception {
        boolean keep = Boolean.getBoolean("counterdesk.screenshots");
        Path folder = keep ? Path.of("docs/screenshots") : dir;
        String[][] shots = {{"/?day=" + DAY, "headoffice-page.png"},
                {"/?day=" + DAY + "&hall=HZ01&kind=RECEIPT&number=3&lang=en", "headoffice-page-en.png"}};
        // the English page only when the pictures are kept (each look is a chromium start)
        for (String[] shot : keep ? shots : new String[][] {shots[0]}) {
            BufferedImage image = HeadlessChromium.screenshot(url(shot[0]), folder.resolve(shot[1]));
            assertThat(image.getWidth()).isEqualTo(1366);
            assertThat(image.getHeight()).isEqualTo(768);
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < image.getHeight(); y += 7) {
                for (int x = 0; x < image.getWidth(); x += 7) {
                    colours.add(image.getRGB(x, y));
                }
            }
            // the header band, tables and text drawn, not an empty or error page
            assertThat(colours.size()).as(shot[1]).isGreaterThan(20);
            assertThat(image.getRGB(5, 5) & 0xffffff).as("the header band at the top").isEqualTo(0x1f4e79);
        }
    }

    /** The page's HTML as the server sends it (no browser), for what needs no rendering. */
    private String get(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private HeadOffice at(LocalDate day, int hour, int minute) {
        Instant at = LocalDateTime.of(day, java.time.LocalTime.of(hour, minute)).atZone(TestChain.ZONE).toInstant();
        return new HeadOffice(store, key, Clock.fixed(at, TestChain.ZONE));
    }

    private TestChain enrolled(String hall, String terminal) throws Exception {
        TestChain chain = new TestChain(hall, terminal, DAY);
        HeadOffice ho = at(DAY, 8, 0);
        assertThat(ho.enrol(hall, terminal, ho.addTerminal(hall, terminal), SyncKeys.publicText(chain.key.getPublic())))
                .isTrue();
        return chain;
    }

    /** The text of one cell ({@code data-f}) of the table row with id {@code rowId}. */
    static String cell(String dom, String rowId, String figure) {
        Matcher m = Pattern.compile("data-f=\"" + Pattern.quote(figure) + "\">([^<]*)<").matcher(row(dom, rowId));
        assertThat(m.find()).as(rowId + " " + figure).isTrue();
        return m.group(1).strip();
    }

    static String row(String dom, String id) {
        return textOf(dom, "tr", id);
    }

    /** The inner HTML of the element {@code <tag id="id">} (no nesting of the same tag inside). */
    static String textOf(String dom, String tag, String id) {
        Matcher m = Pattern.compile("<" + tag + "[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</" + tag + ">",
                Pattern.DOTALL).matcher(dom);
        assertThat(m.find()).as("<" + tag + " id=" + id + "> on the page").isTrue();
        return m.group(1);
    }
}
