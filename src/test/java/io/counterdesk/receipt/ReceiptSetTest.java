package io.counterdesk.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.printing.PrintDocument;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a payment's receipts contain (pure), laid out: every kind in GBK, in Chinese, in the hall's time. */
class ReceiptSetTest {

    private static final ReceiptLetterhead HEAD = new ReceiptLetterhead(null, null, "测试营业厅", "HZ99", "HZ99-T01",
            "96777", ReceiptLetterhead.DEFAULT_ZONE);
    private static final Instant AT = Instant.parse("2026-12-07T02:30:00Z");

    /** A voucher payment with face-value cash, a top-up tier line as older versions stored it (¥, m³). */
    private static final ReceiptSet.Paid VOUCHERS_AND_CASH = new ReceiptSet.Paid(List.of(
            new ReceiptSet.Line("PRINCIPAL_BY_VOUCHER", "2025-01", Money.parse("58.00"), 20),
            new ReceiptSet.Line("VOUCHER_FACE_CASH", "", Money.parse("1.00"), 0),
            new ReceiptSet.Line("LATE_FEE", "2025-01", Money.parse("3.10"), 0),
            new ReceiptSet.Line("PRINCIPAL", "2025-02", Money.parse("52.00"), 0),
            new ReceiptSet.Line("CREDIT_ADDED", "", Money.parse("0.00"), 0)),
            List.of(new ReceiptSet.Tender("CASH", Money.parse("100.00"), null, null),
                    new ReceiptSet.Tender("VOUCHER", Money.ZERO, null, 4)),
            Money.parse("43.90"), Money.ZERO, Money.ZERO, 20);

    private static final ReceiptSet.Paid TOP_UP = new ReceiptSet.Paid(List.of(
            new ReceiptSet.Line("GAS_PURCHASE", "第1阶 ¥2.50/m³", Money.parse("50.00"), 20)),
            List.of(new ReceiptSet.Tender("CASH", Money.parse("60.00"), null, null)),
            Money.parse("10.00"), Money.ZERO, Money.parse("0.00"), 0);

    @AfterEach
    void chineseAgain() {
        I18n.setLocale(I18n.CHINESE);
    }

    @Test
    void aVoucherPaymentsSlipsEachAddUpTheFaceValueCashOnTheCashSlip() {
        List<ReceiptSet.Part> parts = ReceiptSet.of(VOUCHERS_AND_CASH);

        assertThat(parts).extracting(ReceiptSet.Part::part).containsExactly(ReceiptPart.VOUCHER, ReceiptPart.CASH);
        ReceiptSet.Part vouchers = parts.get(0);
        ReceiptSet.Part cash = parts.get(1);
        assertThat(vouchers.total()).isEqualTo(Money.parse("58.00"));
        assertThat(sum(vouchers.tenders())).isEqualTo(vouchers.total());
        assertThat(cash.total()).isEqualTo(Money.parse("56.10"));
        assertThat(sum(cash.items())).isEqualTo(cash.total());
        assertThat(sum(cash.tenders()).minus(cash.change()).minus(cash.creditAdded())).isEqualTo(cash.total());
    }

    @Test
    void everyReceiptKindPrintsOnlyCharactersAGbkPrinterHas() {
        List<PrintDocument> documents = new ArrayList<>();
        for (ReceiptSet.Paid paid : List.of(VOUCHERS_AND_CASH, TOP_UP)) {
            for (ReceiptSet.Part part : ReceiptSet.of(paid)) {
                documents.add(ReceiptLayout.layout(content(part, false, null, null)));
                documents.add(ReceiptLayout.copyOf(content(part, true, null, null)));
            }
        }
        ReceiptSet.Part topUp = ReceiptSet.of(TOP_UP).get(0);
        ReceiptContent.Reversal reversal = new ReceiptContent.Reversal("00001001", LocalDate.of(2026, 12, 6), "买错气量",
                "2001", Money.parse("50.00"), Money.ZERO);
        documents.add(ReceiptLayout.layout(content(topUp, false, reversal, new ReceiptContent.Card("33010000001", 3))));

        for (PrintDocument document : documents) {
            assertThat(ReceiptsText.unmappableInGbk(document)).as(ReceiptsText.of(document)).isEmpty();
        }
        assertThat(ReceiptsText.of(documents.get(documents.size() - 1))).contains("第1阶 ￥2.50/m3", "20 m3");
    }

    @Test
    void theReceiptIsChineseWhateverTheScreenLanguageIsAndInTheHallsTime() {
        I18n.setLocale(Locale.ENGLISH);
        ReceiptSet.Part part = ReceiptSet.of(TOP_UP).get(0);

        String text = ReceiptsText.of(ReceiptLayout.layout(content(part, false, null, null)));

        assertThat(text).contains("收款收据", "合计", "找零", "服务热线 96777", "2026-12-07 10:30:00")
                .doesNotContain("Receipt", "Total", "Hotline");
        ReceiptLetterhead utc = new ReceiptLetterhead(null, null, "测试营业厅", "HZ99", "HZ99-T01", "96777",
                ZoneId.of("UTC"));
        assertThat(ReceiptContents.compose(utc, part, "1", false, AT, "1001", "3300000001", "王**", "地址", "CODE", "QR",
                null, null).issuedAt().getHour()).isEqualTo(2);
    }

    private static ReceiptContent content(ReceiptSet.Part part, boolean voided, ReceiptContent.Reversal reversal,
                                          ReceiptContent.Card card) {
        return ReceiptContents.compose(HEAD, part, "00010001", voided, AT, "1001", "3300000001", "王**",
                "西湖区文三路幸福小区1幢1单元101室", "0123456789AB", "CD1|x|0123456789AB", reversal, card);
    }

    private static Money sum(List<ReceiptContent.Item> items) {
        return items.stream().map(ReceiptContent.Item::amount).reduce(Money.ZERO, Money::plus);
    }
}
