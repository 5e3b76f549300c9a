package io.counterdesk.report.pdf;

import io.counterdesk.report.BusinessTotal;
import io.counterdesk.report.CashLines;
import io.counterdesk.report.CashierDayReport;
import io.counterdesk.report.DenominationLine;
import io.counterdesk.report.DepositLine;
import io.counterdesk.report.FeeItemTotal;
import io.counterdesk.report.HallDayReport;
import io.counterdesk.report.OverShortLine;
import io.counterdesk.report.ReceiptRange;
import io.counterdesk.report.ReportHeader;
import io.counterdesk.report.ReportStatus;
import io.counterdesk.report.ReprintLine;
import io.counterdesk.report.TenderTotal;
import io.counterdesk.report.TopUpTotals;
import io.counterdesk.report.VoidedReceipt;
import io.counterdesk.report.VoucherTotals;
import io.counterdesk.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** A hall's day as the day-close model holds it, with figures that add up, for the renderers' tests. */
public final class DayReportsForTests {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final LocalDate DAY = LocalDate.of(2026, 12, 2);

    private DayReportsForTests() {
    }

    static Instant at(int hour, int minute) {
        return LocalDateTime.of(DAY, java.time.LocalTime.of(hour, minute)).atZone(ZONE).toInstant();
    }

    static Money yuan(String text) {
        return Money.parse(text);
    }

    /** 王伟: cash and card, a void and a reprint, one deposit, counted ¥0.50 short. */
    public static CashierDayReport wang(ReportStatus status) {
        ReportHeader header = new ReportHeader("城东营业厅", "HZ02-T01", DAY, 17, "1001", "王伟", at(8, 25),
                status == ReportStatus.OPEN ? null : at(17, 5), status, status == ReportStatus.SIGNED ? "2001 张敏" : null,
                status == ReportStatus.SIGNED ? at(17, 40) : null);
        List<DenominationLine> count = List.of(new DenominationLine(yuan("100"), 31, yuan("3100")),
                new DenominationLine(yuan("50"), 3, yuan("150")), new DenominationLine(yuan("10"), 4, yuan("40")),
                new DenominationLine(yuan("1"), 6, yuan("6")), new DenominationLine(yuan("0.5"), 1, yuan("0.50")));
        // float 500 + cash in 8,296.50 − change 40.50 − refunds 0 − deposits 5,000 = 3,756.00 expected; counted 3,296.50
        CashLines cash = new CashLines(yuan("500"), yuan("8296.50"), yuan("40.50"), Money.ZERO, yuan("5000"),
                yuan("3756.00"), yuan("3296.50"), yuan("-459.50"), count);
        return new CashierDayReport(header,
                List.of(new TenderTotal("CASH", 41, yuan("8256.00")), new TenderTotal("BANK_CARD", 12, yuan("3420.80"))),
                List.of(new BusinessTotal("GAS_BILL", 38, yuan("9035.30")), new BusinessTotal("LATE_FEE", 6, yuan("21.50")),
                        new BusinessTotal("FEE_ITEM", 4, yuan("120.00")), new BusinessTotal("IC_TOPUP", 5, yuan("2500.00"))),
                List.of(new FeeItemTotal("拆表费", 2, yuan("40.00")), new FeeItemTotal("过户手续费", 4, yuan("80.00"))),
                List.of(new ReceiptRange("RECEIPT", "00010001", "00010054", 54),
                        new ReceiptRange("CHECK_SLIP", "00500001", "00500003", 3)),
                List.of(new VoidedReceipt("RECEIPT", "00010007", yuan("86.40"), "客户信息有误", "2001")),
                List.of(new ReprintLine("RECEIPT", "00010020", 2, at(11, 2))),
                List.of(new DepositLine("王伟12-1", yuan("5000"), at(16, 20), true)),
                cash,
                List.of(new OverShortLine("CASH", yuan("3756.00"), yuan("3296.50"), yuan("-459.50"), List.of()),
                        new OverShortLine("BANK_CARD", yuan("3420.80"), yuan("3420.80"), Money.ZERO, List.of())),
                "一张百元券未入账，已报营业厅负责人", new TopUpTotals(5, 1240, yuan("2500.00")),
                new VoucherTotals(2, 40, yuan("12.00")));
    }

    /** 李娜: cash only, balanced. */
    public static CashierDayReport li(ReportStatus status) {
        ReportHeader header = new ReportHeader("城东营业厅", "HZ02-T02", DAY, 18, "1002", "李娜", at(8, 30),
                status == ReportStatus.OPEN ? null : at(17, 10), status, null, null);
        CashLines cash = new CashLines(yuan("500"), yuan("2000.00"), yuan("12.00"), yuan("30.00"), Money.ZERO,
                yuan("2458.00"), yuan("2458.00"), Money.ZERO, List.of(new DenominationLine(yuan("100"), 24,
                yuan("2400")), new DenominationLine(yuan("50"), 1, yuan("50")), new DenominationLine(yuan("1"), 8,
                yuan("8"))));
        return new CashierDayReport(header, List.of(new TenderTotal("CASH", 20, yuan("1958.00"))),
                List.of(new BusinessTotal("GAS_BILL", 19, yuan("1938.00")), new BusinessTotal("FEE_ITEM", 1, yuan("20.00"))),
                List.of(new FeeItemTotal("拆表费", 1, yuan("20.00"))),
                List.of(new ReceiptRange("RECEIPT", "00020001", "00020020", 20)), List.of(), List.of(), List.of(), cash,
                List.of(new OverShortLine("CASH", yuan("2458.00"), yuan("2458.00"), Money.ZERO, List.of())), "",
                new TopUpTotals(0, 0, Money.ZERO), new VoucherTotals(0, 0, Money.ZERO));
    }

    public static HallDayReport hall(boolean signed) {
        ReportStatus status = signed ? ReportStatus.SIGNED : ReportStatus.CLOSED;
        return new HallDayReport("城东营业厅", DAY, List.of(wang(status), li(status)),
                List.of(new TenderTotal("CASH", 61, yuan("10214.00")), new TenderTotal("BANK_CARD", 12, yuan("3420.80"))),
                List.of(new BusinessTotal("GAS_BILL", 57, yuan("10973.30")), new BusinessTotal("LATE_FEE", 6, yuan("21.50")),
                        new BusinessTotal("FEE_ITEM", 5, yuan("140.00")), new BusinessTotal("IC_TOPUP", 5, yuan("2500.00"))),
                new TopUpTotals(5, 1240, yuan("2500.00")), new VoucherTotals(2, 40, yuan("12.00")), yuan("5000"),
                yuan("-459.50"), signed ? "2001 张敏" : null, signed ? at(17, 40) : null);
    }
}
