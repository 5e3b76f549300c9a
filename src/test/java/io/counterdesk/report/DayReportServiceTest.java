package io.counterdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.printing.EscPosDecoder;
import io.counterdesk.printing.EscPosEncoder;
import io.counterdesk.printing.PaperWidth;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.Money;
import io.counterdesk.till.DayAtTheCounter;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A day of mixed business at one counter ({@link DayAtTheCounter#mixedDay}) and the cashier's report
 * built from it, every figure then proved against the journal by {@link DayCheck}.
 */
class DayReportServiceTest {

    static final LocalDate DAY = LocalDate.of(2025, 3, 10);

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private DayAtTheCounter day;
    private Operator cashier;
    private DayReportService reports;

    @BeforeEach
    void aDayOfMixedBusiness() {
        day = new DayAtTheCounter(db);
        cashier = day.cashier;
        reports = new DayReportService(db.database(), db.terminal());
        day.mixedDay();
    }

    private CashierDayReport report() {
        long till = db.queryLong("SELECT MIN(id) FROM till_session");
        return reports.cashierReport(cashier, till);
    }

    private static Money m(String yuan) {
        return Money.parse(yuan);
    }

    @Test
    void theCashLinesFollowTheFormula() {
        CashLines cash = report().cash();

        assertThat(cash.openingFloat()).isEqualTo(m("500.00"));
        assertThat(cash.cashIn()).isEqualTo(m("1480.00"));    // 100 + 20 + 10 + 300 + 1050
        assertThat(cash.change()).isEqualTo(m("20.00"));
        assertThat(cash.refunds()).isEqualTo(m("300.00"));
        assertThat(cash.deposits()).isEqualTo(m("1000.00"));
        assertThat(cash.expected()).isEqualTo(m("660.00"));
        assertThat(cash.counted()).isEqualTo(m("650.00"));
        assertThat(cash.overShort()).isEqualTo(m("-10.00"));
        assertThat(cash.denominations()).hasSize(11).first()
                .satisfies(d -> assertThat(d.pieces()).isEqualTo(6));
    }

    @Test
    void tendersAndBusinessesAddUpToTheSameMoney() {
        CashierDayReport r = report();

        assertThat(r.byTender()).extracting(TenderTotal::tender, TenderTotal::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CASH", m("1160.00")),
                org.assertj.core.groups.Tuple.tuple("BANK_CARD", m("120.00")),
                org.assertj.core.groups.Tuple.tuple("BANK_SLIP", m("45.50")),
                org.assertj.core.groups.Tuple.tuple("CREDIT", Money.ZERO));
        assertThat(r.byBusiness()).extracting(BusinessTotal::business, BusinessTotal::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("GAS_BILL", m("1295.50")),   // 80 + 120 + 45.50 + 1050
                org.assertj.core.groups.Tuple.tuple("LATE_FEE", Money.ZERO),
                org.assertj.core.groups.Tuple.tuple("FEE_ITEM", m("-280.00")),   // 20 − 300
                org.assertj.core.groups.Tuple.tuple("IC_TOPUP", m("300.00")),
                org.assertj.core.groups.Tuple.tuple("VOUCHER_FACE_CASH", m("10.00")),
                org.assertj.core.groups.Tuple.tuple("CREDIT_ADDED", Money.ZERO));
        Money tenders = r.byTender().stream().map(TenderTotal::amount).reduce(Money.ZERO, Money::plus);
        Money businesses = r.byBusiness().stream().map(BusinessTotal::amount).reduce(Money.ZERO, Money::plus);
        assertThat(tenders).isEqualTo(businesses).isEqualTo(m("1325.50"));
        assertThat(r.feeItems()).extracting(FeeItemTotal::name, FeeItemTotal::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("拆表费", m("20.00")),
                org.assertj.core.groups.Tuple.tuple("表具检测押金退还", m("-300.00")));
    }

    @Test
    void receiptsAreListedAsRangesWithTheVoidAndTheReprint() {
        CashierDayReport r = report();

        assertThat(r.receiptsUsed()).extracting(ReceiptRange::kind, ReceiptRange::first, ReceiptRange::last,
                ReceiptRange::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CHECK_SLIP", "00000501", "00000502", 2), // the voucher slip and the cash slip (face-value cash)
                org.assertj.core.groups.Tuple.tuple("RECEIPT", "00001001", "00001008", 8)); // 1008 replaces the voided 1007
        assertThat(r.voided()).singleElement().satisfies(v -> {
            assertThat(v.number()).isEqualTo("00001007");
            assertThat(v.reason()).isEqualTo("打印错位");
            assertThat(v.approvedBy()).isEqualTo("2001");
            assertThat(v.amount()).isEqualTo(m("1050.00"));
        });
        assertThat(r.reprints()).singleElement().satisfies(p -> {
            assertThat(p.number()).isEqualTo("00001007");
            assertThat(p.copy()).isEqualTo(1);
        });
    }

    @Test
    void depositsTopUpsVouchersOverShortAndTheHeader() {
        CashierDayReport r = report();

        assertThat(r.deposits()).singleElement().satisfies(d -> {
            assertThat(d.slipNo()).isEqualTo("王伟3-1");
            assertThat(d.late()).isFalse();
        });
        assertThat(r.topUps()).isEqualTo(new TopUpTotals(1, 100, m("300.00")));
        assertThat(r.vouchers()).isEqualTo(new VoucherTotals(2, 10, m("10.00")));
        assertThat(r.overShort()).extracting(OverShortLine::tender, OverShortLine::difference).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CASH", m("-10.00")),
                org.assertj.core.groups.Tuple.tuple("BANK_CARD", Money.ZERO),
                org.assertj.core.groups.Tuple.tuple("BANK_SLIP", Money.ZERO));
        assertThat(r.explanation()).isEqualTo("少收十元");
        assertThat(r.header().status()).isEqualTo(ReportStatus.CLOSED);
        assertThat(r.header().cashierName()).isEqualTo("王伟");
        assertThat(r.header().businessDay()).isEqualTo(DAY);
        assertThat(r.header().closedAt()).isNotNull();
    }

    @Test
    void theHallDayAddsUpItsCashiers() {
        Operator colleague = day.colleague("1002", "李娜", 2001);
        day.payCash(colleague, day.accountOwing("33.00"), "33.00");

        HallDayReport hall = reports.hallDay(day.manager, DAY);

        assertThat(hall.cashiers()).extracting(c -> c.header().cashierName()).containsExactly("王伟", "李娜");
        assertThat(hall.cashiers()).extracting(c -> c.header().status())
                .containsExactly(ReportStatus.CLOSED, ReportStatus.OPEN);
        assertThat(hall.byTender().get(0).amount()).isEqualTo(m("1193.00"));
        assertThat(hall.deposits()).isEqualTo(m("1000.00"));
        assertThat(hall.totalOverShort()).isEqualTo(m("-10.00"));
        assertThat(hall.signed()).isFalse();
    }

    @Test
    void everyFigureTiesWithTheJournal() {
        DayCheck.Result result = new DayCheck(db.database(), reports).check(DAY);

        assertThat(result.differences()).isEmpty();
        assertThat(result.ties()).isTrue();
        assertThat(result.items()).hasSizeGreaterThan(20);
    }

    @Test
    void aPostingChangedBehindTheJournalsBackDoesNotTie() {
        db.execute("UPDATE till_posting SET amount_fen = amount_fen + 100 WHERE kind = 'CASH_IN' AND amount_fen = 2000");

        DayCheck.Result result = new DayCheck(db.database(), reports).check(DAY);

        assertThat(result.ties()).isFalse();
        assertThat(result.differences().stream().map(DayCheck.Item::figure).collect(Collectors.toSet()))
                .contains("cashIn", "tender.CASH", "tendersEqualBusinesses");
    }

    @Test
    void aCashierSeesOnlyTheirOwnReport() {
        Operator colleague = day.colleague("1002", "李娜", 2001);
        long till = db.queryLong("SELECT MIN(id) FROM till_session");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reports.cashierReport(colleague, till))
                .hasMessageContaining("权限");
        assertThat(reports.cashierReport(day.manager, till).header().tillId()).isEqualTo(till);
    }

    @Test
    void theSummarySlipPrintsTheFiguresOnTheReceiptPrinter() {
        byte[] job = new EscPosEncoder(PaperWidth.MM58).encode(CashReportSlip.layout(report(), TestDatabase.ZONE));

        String text = String.join("\n", EscPosDecoder.lines(job)).replaceAll(" +", " ");
        assertThat(text).contains("营业厅现金日报表\n（摘要）", "营业日 2025-03-10", "收费员 1001 王伟", "状态 已结账",
                "备用金 ￥500.00", "现金收入 ￥1,480.00", "退款 ￥300.00", "应有现金 ￥660.00", "实点现金 ￥650.00",
                "银行卡 ×1 ￥120.00", "收款收据 8 00001001–00001008", "作废 00001007 打印错位", "存款 王伟3-1 ￥1,000.00",
                "IC 卡购气 ×1 100 m3 ￥300.00", "燃气票 ×2 10 m3 ￥10.00", "长短款合计 -￥10.00", "说明：少收十元",
                "核对员签字");
        assertThat(io.counterdesk.receipt.ReceiptsText.unmappableInGbk(CashReportSlip.layout(report(), TestDatabase.ZONE)))
                .as("every line prints on a GBK printer").isEmpty();
    }
}
