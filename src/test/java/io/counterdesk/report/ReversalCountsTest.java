package io.counterdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.payment.PaymentReversalService;
import io.counterdesk.payment.TenderKind;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.printing.EscPosDecoder;
import io.counterdesk.printing.EscPosEncoder;
import io.counterdesk.printing.PaperWidth;
import io.counterdesk.report.chart.Chart;
import io.counterdesk.report.chart.DayCharts;
import io.counterdesk.security.ApprovalGrant;
import io.counterdesk.shared.Money;
import io.counterdesk.till.DayAtTheCounter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the day's reports count of a real reversal (冲正): not a new business but one taken back, so
 * it counts −1 where its original counted +1 (tenders, businesses, fee items), its money negative;
 * the transactions-per-hour chart shows it in its hour (counter work done then).
 */
class ReversalCountsTest {

    static final LocalDate DAY = LocalDate.of(2025, 3, 10);

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private DayAtTheCounter day;
    private PaymentReversalService reversals;
    private DayReportService reports;

    @BeforeEach
    void setUp() {
        day = new DayAtTheCounter(db);
        reversals = new PaymentReversalService(db.database(), db.journal(), db.terminal(), day.approvals);
        reports = new DayReportService(db.database(), db.terminal());
    }

    private ApprovalGrant manager() {
        return db.auth().authoriseApprover(day.cashier, "2001", "demo2001".toCharArray());
    }

    private void at(LocalDate date, int hour, int minute) {
        db.clock().set(LocalDateTime.of(date, LocalTime.of(hour, minute)).atZone(TestDatabase.ZONE).toInstant());
    }

    private static TenderTotal tender(HallDayReport r, String kind) {
        return r.byTender().stream().filter(t -> t.tender().equals(kind)).findFirst().orElseThrow();
    }

    private static BusinessTotal business(HallDayReport r, String kind) {
        return r.byBusiness().stream().filter(b -> b.business().equals(kind)).findFirst().orElseThrow();
    }

    private static String slip(CashierDayReport r) {
        return String.join("\n", EscPosDecoder.lines(new EscPosEncoder(PaperWidth.MM80)
                .encode(CashReportSlip.layout(r, TestDatabase.ZONE))));
    }

    @Test
    void aReversalTakesItsOriginalsCountBackAndTheChartShowsItInItsHour() {
        at(DAY, 9, 5);
        day.payCash(day.cashier, day.accountOwing("90.00"), "100.00");                          // 1001
        at(DAY, 9, 40);
        day.payBank(day.cashier, day.accountOwing("30.00"), TenderKind.BANK_CARD, "30.00", "POS-1"); // 1002
        at(DAY, 10, 10);
        reversals.reverse(day.cashier, 1001, "收错户号", manager());                             // 1003
        at(DAY, 10, 30);
        day.payCash(day.cashier, day.accountOwing("20.00"), "20.00");                           // 1004
        day.fee(day.cashier, day.accountOwing("1.00"), "DISMANTLING", "20.00");                   // 1005
        reversals.reverse(day.cashier, 1005, "多收", manager());                                 // 1006

        HallDayReport hall = reports.hallDay(day.manager, DAY);
        CashierDayReport mine = hall.cashiers().get(0);
        assertThat(tender(hall, "CASH")).as("cash: 1001, 1004 (1005 and its reversal net out, 1003 takes 1001 back)")
                .isEqualTo(new TenderTotal("CASH", 1, Money.parse("20.00")));
        assertThat(tender(hall, "BANK_CARD")).isEqualTo(new TenderTotal("BANK_CARD", 1, Money.parse("30.00")));
        assertThat(business(hall, "GAS_BILL")).isEqualTo(new BusinessTotal("GAS_BILL", 2, Money.parse("50.00")));
        assertThat(business(hall, "FEE_ITEM")).isEqualTo(new BusinessTotal("FEE_ITEM", 0, Money.ZERO));
        assertThat(mine.feeItems()).singleElement().satisfies(f -> assertThat(f.count()).isZero());
        assertThat(mine.byTender()).isEqualTo(hall.byTender());
        assertThat(mine.receiptsUsed()).singleElement().satisfies(r -> assertThat(r.count()).isEqualTo(6));
        assertThat(new DayCheck(db.database(), reports).check(DAY).ties()).isTrue();
        assertThat(slip(mine)).contains("现金 ×1", "银行卡 ×1").doesNotContain("现金 ×3", "现金 ×4");

        Chart perHour = new DayCharts(db.database(), TestDatabase.ZONE).transactionsPerHour(DAY);
        assertThat(perHour.value(0, "9时")).isEqualTo(2);
        assertThat(perHour.value(0, "10时")).as("1003, 1004, 1005, 1006: the reversals are counter work too")
                .isEqualTo(4);
    }

    @Test
    void onALaterDayAReversalAloneCountsMinusOneAndStaysOnTheSlip() {
        at(DAY, 9, 0);
        day.payCash(day.cashier, day.accountOwing("30.00"), "30.00");                           // 1001
        day.close.count(day.cashier, DayAtTheCounter.countOf(Money.ofYuan(530)), Set.of());
        day.close.close(day.cashier, "");
        at(DAY.plusDays(1), 9, 0);
        day.tills.open(day.cashier, Money.ofYuan(500));
        reversals.reverse(day.cashier, 1001, "重复收费", manager());                            // 1002: cash back

        HallDayReport next = reports.hallDay(day.manager, DAY.plusDays(1));
        assertThat(tender(next, "CASH")).isEqualTo(new TenderTotal("CASH", -1, Money.parse("-30.00")));
        assertThat(business(next, "GAS_BILL")).isEqualTo(new BusinessTotal("GAS_BILL", -1, Money.parse("-30.00")));
        assertThat(business(next, "GAS_BILL").shown()).isTrue();
        assertThat(slip(next.cashiers().get(0))).contains("现金 ×-1", "-￥30.00").containsPattern("气费 +-￥30.00");
        assertThat(new DayCheck(db.database(), reports).check(DAY.plusDays(1)).ties()).isTrue();
        HallDayReport first = reports.hallDay(day.manager, DAY);
        assertThat(tender(first, "CASH")).as("the original's day keeps its count")
                .isEqualTo(new TenderTotal("CASH", 1, Money.parse("30.00")));
    }
}
