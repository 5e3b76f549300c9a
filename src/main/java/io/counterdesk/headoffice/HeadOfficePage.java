package io.counterdesk.headoffice;

import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Head office's read-only page for its staff (plain HTML from the server, no script): one business
 * day across every hall — hall totals, each terminal's figures with the cash it declared at close
 * against head office's own, terminals that have not sent a closed day or sent it late, the last
 * days per hall, the latest alarms, and the receipt check. Chinese unless {@code ?lang=en}.
 */
final class HeadOfficePage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    /** A receipt check asked for on the page, and what head office answered (empty: not known). */
    record ReceiptCheck(String hall, String kind, String number, List<Map<String, Object>> found) {
    }

    private final Locale locale;
    private final ZoneId zone;
    private final StringBuilder html = new StringBuilder(32_000);

    private HeadOfficePage(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
    }

    static String render(ConsolidatedDay day, ReceiptCheck check, Locale locale, ZoneId zone) {
        return new HeadOfficePage(locale, zone).page(day, check);
    }

    private String t(String key, Object... args) {
        return I18n.text(locale, key, args);
    }

    private String lang() {
        return locale.getLanguage().equals("en") ? "&lang=en" : "";
    }

    private String page(ConsolidatedDay d, ReceiptCheck check) {
        LocalDate day = d.day();
        ConsolidatedDay.Figures total = d.total();
        long enrolledSent = d.terminals().size();
        html.append("<!DOCTYPE html><html lang=\"").append(locale.getLanguage().equals("en") ? "en" : "zh-CN")
                .append("\"><head><meta charset=\"utf-8\"><title>").append(esc(t("ho.page.title"))).append(" ")
                .append(day).append("</title><style>").append(STYLE).append("</style></head><body>");
        html.append("<header><h1>").append(esc(t("ho.page.title"))).append("</h1>")
                .append("<form method=\"get\" action=\"/\"><a href=\"/?day=").append(day.minusDays(1)).append(lang())
                .append("\" id=\"prev\">").append(esc(t("ho.page.prev"))).append("</a> <label>")
                .append(esc(t("ho.page.day"))).append(" <input type=\"date\" name=\"day\" value=\"").append(day)
                .append("\"></label>");
        if (locale.getLanguage().equals("en")) {
            html.append("<input type=\"hidden\" name=\"lang\" value=\"en\">");
        }
        html.append(" <button>").append(esc(t("ho.page.show"))).append("</button> <a href=\"/?day=")
                .append(day.plusDays(1)).append(lang()).append("\" id=\"next\">").append(esc(t("ho.page.next")))
                .append("</a></form><a class=\"pdf\" id=\"pdf\" href=\"/report.pdf?day=").append(day).append(lang())
                .append("\">").append(esc(t("ho.page.pdf"))).append("</a></header><main>");

        html.append("<section class=\"cards\">");
        card("halls", t("ho.page.card.halls"), Integer.toString(d.halls().size()));
        card("terminals", t("ho.page.card.terminals"), t("ho.page.card.terminalsValue", enrolledSent,
                enrolledSent + d.overdue().stream().filter(o -> o.why() == ConsolidatedDay.Missing.NOT_SENT).count()));
        card("total", t("ho.page.card.total"), total.total().format());
        card("overShort", t("ho.page.card.overShort"), total.overShort().format());
        card("overdue", t("ho.page.card.overdue"), Integer.toString(d.overdue().size()));
        card("alarms", t("ho.page.card.alarms"), Integer.toString(d.alarms().size()));
        html.append("</section>");

        hallTable(d);
        terminalTable(d);
        overdueTable(d);
        recentTable(d);
        receiptForm(day, check);
        alarmTable(d);
        html.append("</main></body></html>");
        return html.toString();
    }

    private void card(String id, String label, String value) {
        html.append("<div class=\"card\" id=\"card-").append(id).append("\"><span>").append(esc(label))
                .append("</span><b>").append(esc(value)).append("</b></div>");
    }

    private void hallTable(ConsolidatedDay d) {
        html.append("<h2>").append(esc(t("ho.page.halls", d.day().toString()))).append("</h2>");
        if (d.halls().isEmpty()) {
            html.append("<p class=\"none\">").append(esc(t("ho.page.noFigures"))).append("</p>");
            return;
        }
        html.append("<table id=\"halls\"><thead><tr><th>").append(esc(t("ho.page.col.hall"))).append("</th><th>")
                .append(esc(t("ho.page.col.terminals"))).append("</th>");
        moneyHeads();
        html.append("<th>").append(esc(t("ho.page.col.receipts"))).append("</th><th>").append(esc(t("ho.page.col.voided")))
                .append("</th><th>").append(esc(t("ho.page.col.deposits"))).append("</th><th>")
                .append(esc(t("ho.page.col.overShort"))).append("</th></tr></thead><tbody>");
        for (ConsolidatedDay.Hall h : d.halls()) {
            html.append("<tr id=\"hall-").append(esc(h.hall())).append("\"><td>").append(esc(h.hall())).append("</td><td class=\"n\">")
                    .append(h.terminals().size()).append("</td>");
            moneyCells(h.figures());
            tail(h.figures());
        }
        html.append("<tr class=\"sum\" id=\"hall-total\"><td>").append(esc(t("ho.page.total"))).append("</td><td class=\"n\">")
                .append(d.terminals().size()).append("</td>");
        moneyCells(d.total());
        tail(d.total());
        html.append("</tbody></table>");
    }

    private void moneyHeads() {
        html.append("<th>").append(esc(t("ho.page.col.total"))).append("</th>");
        for (String tender : ConsolidatedDay.TENDERS) {
            html.append("<th>").append(esc(t("pdf.tender." + tender))).append("</th>");
        }
    }

    private void moneyCells(ConsolidatedDay.Figures f) {
        html.append("<td class=\"n\" data-f=\"total\">").append(f.total().toPlainString()).append("</td>");
        for (String tender : ConsolidatedDay.TENDERS) {
            html.append("<td class=\"n\" data-f=\"tender.").append(tender).append("\">").append(f.tender(tender).toPlainString())
                    .append("</td>");
        }
    }

    private void tail(ConsolidatedDay.Figures f) {
        html.append("<td class=\"n\" data-f=\"receipts\">").append(f.receipts()).append("</td><td class=\"n\" data-f=\"voided\">")
                .append(f.voided()).append("</td><td class=\"n\" data-f=\"deposits\">").append(f.deposits().toPlainString())
                .append("</td><td class=\"n").append(f.overShort().isZero() ? "" : " warn").append("\" data-f=\"overShort\">")
                .append(f.overShort().toPlainString()).append("</td></tr>");
    }

    private void terminalTable(ConsolidatedDay d) {
        if (d.terminals().isEmpty()) {
            return;
        }
        html.append("<h2>").append(esc(t("ho.page.terminals"))).append("</h2><table id=\"terminals\"><thead><tr><th>")
                .append(esc(t("ho.page.col.hall"))).append("</th><th>").append(esc(t("ho.page.col.terminal")))
                .append("</th><th>").append(esc(t("ho.page.col.tills"))).append("</th>");
        moneyHeads();
        html.append("<th>").append(esc(t("ho.page.col.deposits"))).append("</th><th>").append(esc(t("ho.page.col.overShort")))
                .append("</th><th>").append(esc(t("ho.page.col.declared"))).append("</th><th>")
                .append(esc(t("ho.page.col.own"))).append("</th><th>").append(esc(t("ho.page.col.received")))
                .append("</th></tr></thead><tbody>");
        for (ConsolidatedDay.TerminalDay td : d.terminals()) {
            ConsolidatedDay.Figures f = td.figures();
            html.append("<tr id=\"terminal-").append(esc(td.terminal())).append("\"><td>").append(esc(td.hall())).append("</td><td>")
                    .append(esc(td.terminal())).append("</td><td class=\"n\" data-f=\"tills\">")
                    .append(f.closedTills() + "/" + f.tills()).append("</td>");
            moneyCells(f);
            html.append("<td class=\"n\" data-f=\"deposits\">").append(f.deposits().toPlainString())
                    .append("</td><td class=\"n").append(f.overShort().isZero() ? "" : " warn").append("\" data-f=\"overShort\">")
                    .append(f.overShort().toPlainString()).append("</td>");
            if (f.closedTills() == 0) {
                // nothing closed yet: nothing declared to compare
                html.append("<td class=\"n\" data-f=\"declared\">—</td><td class=\"n\" data-f=\"own\">—</td>");
            } else {
                html.append("<td class=\"n\" data-f=\"declared\">").append(f.declaredCash().toPlainString())
                        .append("</td><td class=\"n").append(f.declaredMatchesOwn() ? " ok" : " bad").append("\" data-f=\"own\">")
                        .append(f.ownCash().toPlainString()).append(' ')
                        .append(esc(t(f.declaredMatchesOwn() ? "ho.page.same" : "ho.page.differs"))).append("</td>");
            }
            html.append("<td")
                    .append(td.late() ? " class=\"warn\"" : "").append(" data-f=\"received\">")
                    .append(td.receivedAt() == null ? "—" : esc(TIME.format(td.receivedAt().atZone(zone))))
                    .append(td.late() ? " " + esc(t("ho.page.late")) : "").append("</td></tr>");
        }
        html.append("</tbody></table>");
    }

    private void overdueTable(ConsolidatedDay d) {
        html.append("<h2>").append(esc(t("ho.page.overdue"))).append("</h2>");
        if (d.overdue().isEmpty()) {
            html.append("<p class=\"none\" id=\"overdue-none\">").append(esc(t("ho.page.overdueNone"))).append("</p>");
            return;
        }
        html.append("<table id=\"overdue\"><thead><tr><th>").append(esc(t("ho.page.col.hall"))).append("</th><th>")
                .append(esc(t("ho.page.col.terminal"))).append("</th><th>").append(esc(t("ho.page.col.why")))
                .append("</th><th>").append(esc(t("ho.page.col.lastBatch"))).append("</th></tr></thead><tbody>");
        for (ConsolidatedDay.Overdue o : d.overdue()) {
            html.append("<tr id=\"overdue-").append(esc(o.terminal())).append("\" class=\"warn\"><td>").append(esc(o.hall()))
                    .append("</td><td>").append(esc(o.terminal())).append("</td><td>")
                    .append(esc(t("ho.page.missing." + o.why().name()))).append("</td><td>")
                    .append(o.lastBatchAt() == null ? esc(t("ho.page.never")) : esc(TIME.format(o.lastBatchAt().atZone(zone))))
                    .append("</td></tr>");
        }
        html.append("</tbody></table>");
    }

    private void recentTable(ConsolidatedDay d) {
        if (d.recentDays().isEmpty()) {
            return;
        }
        TreeSet<LocalDate> days = new TreeSet<>();
        Map<String, Map<LocalDate, ConsolidatedDay.DayTotal>> grid = new TreeMap<>();
        for (ConsolidatedDay.DayTotal dt : d.recentDays()) {
            days.add(dt.day());
            grid.computeIfAbsent(dt.hall(), k -> new TreeMap<>()).put(dt.day(), dt);
        }
        html.append("<h2>").append(esc(t("ho.page.recent"))).append("</h2><table id=\"recent\"><thead><tr><th>")
                .append(esc(t("ho.page.col.hall"))).append("</th>");
        days.forEach(day -> html.append("<th>").append(day.toString().substring(5)).append("</th>"));
        html.append("</tr></thead><tbody>");
        grid.forEach((hall, cells) -> {
            html.append("<tr><td>").append(esc(hall)).append("</td>");
            for (LocalDate day : days) {
                ConsolidatedDay.DayTotal dt = cells.get(day);
                html.append("<td class=\"n\">").append(dt == null ? "—" : dt.total().toPlainString() + " <small>"
                        + esc(t("ho.page.terminalsShort", dt.terminals())) + "</small>").append("</td>");
            }
            html.append("</tr>");
        });
        html.append("</tbody></table>");
    }

    private void receiptForm(LocalDate day, ReceiptCheck check) {
        html.append("<h2>").append(esc(t("ho.page.receiptCheck"))).append("</h2><form method=\"get\" action=\"/\" id=\"check\">")
                .append("<input type=\"hidden\" name=\"day\" value=\"").append(day).append("\">");
        if (locale.getLanguage().equals("en")) {
            html.append("<input type=\"hidden\" name=\"lang\" value=\"en\">");
        }
        html.append("<label>").append(esc(t("ho.page.col.hall"))).append(" <input name=\"hall\" size=\"8\" value=\"")
                .append(esc(check == null ? "" : check.hall())).append("\"></label> <label>")
                .append(esc(t("ho.page.kind"))).append(" <select name=\"kind\">");
        for (String kind : List.of("RECEIPT", "CHECK_SLIP", "INVOICE")) {
            html.append("<option value=\"").append(kind).append('"')
                    .append(check != null && kind.equals(check.kind()) ? " selected" : "").append('>')
                    .append(esc(t("receipt.kind." + kind))).append("</option>");
        }
        html.append("</select></label> <label>").append(esc(t("ho.page.number"))).append(" <input name=\"number\" size=\"10\" value=\"")
                .append(esc(check == null ? "" : check.number())).append("\"></label> <button>")
                .append(esc(t("ho.page.check"))).append("</button></form>");
        if (check == null) {
            return;
        }
        html.append("<div id=\"check-result\" class=\"").append(check.found().isEmpty() ? "bad" : "ok").append("\">");
        if (check.found().isEmpty()) {
            html.append(esc(t("ho.page.check.unknown", check.hall(), t("receipt.kind." + check.kind()), check.number())));
        }
        for (Map<String, Object> r : check.found()) {
            html.append("<p>").append(esc(t("ho.page.check.found", r.get("hall"), r.get("terminal"), r.get("businessDay"),
                    r.get("accountNo"), Money.ofFen((Long) r.get("paidFen")).format())));
            if (Boolean.TRUE.equals(r.get("voided"))) {
                html.append(" <b class=\"bad\">").append(esc(t("ho.page.check.voided"))).append("</b>");
            }
            if (Boolean.TRUE.equals(r.get("reversal"))) {
                html.append(" <b>").append(esc(t("ho.page.check.reversal"))).append("</b>");
            }
            html.append("</p>");
        }
        html.append("</div>");
    }

    private void alarmTable(ConsolidatedDay d) {
        html.append("<h2>").append(esc(t("ho.page.alarms"))).append("</h2>");
        if (d.alarms().isEmpty()) {
            html.append("<p class=\"none\" id=\"alarms-none\">").append(esc(t("ho.page.alarmsNone"))).append("</p>");
            return;
        }
        html.append("<table id=\"alarms\"><thead><tr><th>").append(esc(t("ho.page.col.time"))).append("</th><th>")
                .append(esc(t("ho.page.col.hall"))).append("</th><th>").append(esc(t("ho.page.col.terminal")))
                .append("</th><th>").append(esc(t("ho.page.col.alarm"))).append("</th><th>")
                .append(esc(t("ho.page.col.detail"))).append("</th></tr></thead><tbody>");
        for (ConsolidatedDay.Alarm a : d.alarms()) {
            html.append("<tr class=\"bad\"><td>").append(esc(TIME.format(a.at().atZone(zone)))).append("</td><td>")
                    .append(esc(nz(a.hall()))).append("</td><td>").append(esc(nz(a.terminal()))).append("</td><td>")
                    .append(esc(alarmName(a.kind()))).append("</td><td class=\"detail\">").append(esc(AlarmDetail.render(a.detail(), locale)))
                    .append("</td></tr>");
        }
        html.append("</tbody></table>");
    }

    private String alarmName(String kind) {
        String key = "ho.alarm." + kind;
        return I18n.has(locale, key) ? t(key) : kind;
    }

    private static String nz(String s) {
        return s == null ? "—" : s;
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String STYLE = """
            body{font-family:"WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;margin:0;color:#1d2733;background:#f3f5f8;font-size:13px}
            header{display:flex;align-items:center;gap:24px;background:#1f4e79;color:#fff;padding:8px 20px}
            header h1{font-size:18px;margin:0;flex:0 0 auto}header form{flex:1}header a{color:#fff}
            header input,header button{font:inherit}a.pdf{background:#fff;color:#1f4e79;padding:4px 10px;border-radius:3px;text-decoration:none}
            main{padding:6px 20px 20px}
            .cards{display:flex;gap:10px;margin:8px 0}.card{background:#fff;border:1px solid #d5dbe3;border-radius:4px;padding:6px 12px;min-width:120px}
            .card span{display:block;color:#5a6b7d;font-size:12px}.card b{font-size:17px}
            h2{font-size:14px;margin:12px 0 4px}
            table{border-collapse:collapse;background:#fff;width:100%}th,td{border:1px solid #d5dbe3;padding:3px 6px;white-space:nowrap}
            th{background:#e8edf3;font-weight:normal;color:#34495e}td.n{text-align:right;font-variant-numeric:tabular-nums}
            tr.sum td{font-weight:bold;background:#f7f9fb}.warn{color:#a35200}.bad{color:#b00020}.ok{color:#1b6e3a}
            td.detail{white-space:normal;font-size:12px}p.none{color:#5a6b7d;margin:2px 0}small{color:#5a6b7d}
            #check-result{margin-top:4px}
            """;
}
