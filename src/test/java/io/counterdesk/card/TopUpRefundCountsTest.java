package io.counterdesk.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.card.virtual.VirtualCard;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.printing.EscPosDecoder;
import io.counterdesk.printing.EscPosEncoder;
import io.counterdesk.printing.PaperWidth;
import io.counterdesk.report.BusinessTotal;
import io.counterdesk.report.CashReportSlip;
import io.counterdesk.report.CashierDayReport;
import io.counterdesk.report.DayCheck;
import io.counterdesk.report.DayReportService;
import io.counterdesk.report.HallDayReport;
import io.counterdesk.report.TenderTotal;
import io.counterdesk.report.TopUpTotals;
import io.counterdesk.report.pdf.PdfFiles;
import io.counterdesk.report.pdf.ReportPdfs;
import io.counterdesk.shared.Money;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the day's reports count of a card top-up paid back — a purchase reversed on the card (F7) or
 * a write refunded (F8): like a payment's reversal ({@code report/ReversalCountsTest}) it is no new
 * business but one taken back, so it counts −1 in cash, in the IC gas business and in the top-ups,
 * and a top-up with its refund reads ×0. On a real H2 file with the simulated reader.
 */
class TopUpRefundCountsTest {

    private static final LocalDate DAY = LocalDate.ofInstant(TestDatabase.START, TestDatabase.ZONE);

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private IcCardDesk desk;
    private VirtualCard userCard;

    @BeforeEach
    void setUp() {
        desk = new IcCardDesk(db);
        userCard = desk.issuedCard();
    }

    private static TenderTotal tender(HallDayReport r, String kind) {
        return r.byTender().stream().filter(t -> t.tender().equals(kind)).findFirst().orElseThrow();
    }

    private static BusinessTotal business(HallDayReport r, String kind) {
        return r.byBusiness().stream().filter(b -> b.business().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void aReversedAndARefundedTopUpEachTakeTheirCountBackInCashInTheGasBusinessAndInTheTopUps() {
        // 1: 20 m³ at 2.50 for 60.00 cash (10.00 change), then reversed on the card: 50.00 paid back
        GasPurchase reversed = desk.topUps.purchase(desk.cashier, desk.card,
                desk.topUps.inspect(desk.cashier, desk.card), 20, IcCardDesk.cash("60")).purchase();
        desk.topUps.reverse(desk.cashier, desk.card, reversed.id(), "顾客买错气量", desk.managerApproves());
        // 2: 10 m³ for 25.00, the card pulled before the write, then refunded: 25.00 paid back
        TopUpService.CardCheck check = desk.topUps.inspect(desk.cashier, desk.card);
        desk.readers.remove(IcCardDesk.READER);
        GasPurchase cut = desk.topUps.purchase(desk.cashier, desk.card, check, 10, IcCardDesk.cash("25")).purchase();
        desk.insert(userCard);
        desk.topUps.refund(desk.cashier, desk.card, cut.id(), "写卡失败，顾客要求退款", desk.managerApproves());
        // 3: 4 m³ for 10.00, kept
        desk.topUps.purchase(desk.cashier, desk.card, desk.topUps.inspect(desk.cashier, desk.card), 4,
                IcCardDesk.cash("10"));

        DayReportService reports = new DayReportService(db.database(), db.terminal());
        HallDayReport hall = reports.hallDay(desk.manager, DAY);
        CashierDayReport mine = hall.cashiers().get(0);
        assertThat(tender(hall, "CASH")).as("five cash movements: three top-ups, two of them paid back")
                .isEqualTo(new TenderTotal("CASH", 1, Money.parse("10.00")));
        assertThat(business(hall, "IC_TOPUP")).isEqualTo(new BusinessTotal("IC_TOPUP", 1, Money.parse("10.00")));
        assertThat(mine.topUps()).isEqualTo(new TopUpTotals(1, 4, Money.parse("10.00")));
        assertThat(hall.topUps()).isEqualTo(mine.topUps());
        assertThat(mine.byTender()).isEqualTo(hall.byTender());
        assertThat(mine.cash().refunds()).isEqualTo(Money.parse("75.00"));
        assertThat(new DayCheck(db.database(), reports).check(DAY).ties()).isTrue();

        // the slip and the PDFs read the same numbers
        String slip = String.join("\n", EscPosDecoder.lines(new EscPosEncoder(PaperWidth.MM80)
                .encode(CashReportSlip.layout(mine, TestDatabase.ZONE))));
        assertThat(slip).contains("现金 ×1").doesNotContain("现金 ×3", "现金 ×5").contains("IC 卡购气 ×1 4 m3");
        ReportPdfs pdfs = new ReportPdfs(() -> PdfFiles.FONT, db.terminal(), db.clock());
        String cashierPdf = PdfFiles.text(pdfs.cashierDay(mine, desk.manager)).replaceAll("\\s", "");
        assertThat(cashierPdf).contains("现金1¥10.00", "IC卡购气1¥10.00", "IC卡购气14¥10.00")
                .doesNotContain("现金5¥10.00", "IC卡购气5¥10.00");
        String hallPdf = PdfFiles.text(pdfs.hallDay(hall, List.of(), desk.manager)).replaceAll("\\s", "");
        assertThat(hallPdf).contains("现金1¥10.00").doesNotContain("现金5¥10.00");
    }
}
