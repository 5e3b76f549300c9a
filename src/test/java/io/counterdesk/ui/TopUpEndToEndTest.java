package io.counterdesk.ui;

import io.counterdesk.checkout.Tenders;
import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.app.CounterDesk;
import io.counterdesk.card.CardImage;
import io.counterdesk.card.GasPricing;
import io.counterdesk.card.TopUpService;
import io.counterdesk.printing.CapturePrinter;
import io.counterdesk.printing.CapturedJob;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentPlan;
import io.counterdesk.payment.VoucherBatch;
import io.counterdesk.payment.ui.PaymentViewModel;
import java.time.LocalDate;
import java.time.Duration;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 4 end to end, keyboard only, with the in-process simulated reader of demo mode: cashier
 * 1001 logs in and opens the till, puts demo customer 王建国's card into the reader (Ctrl+D), opens
 * the top-up screen (Ctrl+G), types an amount, sees the tiers, pays cash, confirms (F12) and buys
 * (Enter). The capture printer holds the receipt with the 购气 line and the change; the card holds
 * the purchase; read again it says "请先将卡插入燃气表" until the customer puts it into the meter.
 */
class TopUpEndToEndTest {

    private static final String ACCOUNT = "3390000001";

    @RegisterExtension
    final CounterApp program = CounterApp.demo(50);

    private final CounterDriver cashier = new CounterDriver();

    @Test
    void insertADemoCardBuyGasForAnAmountWithCashAndTheCardAndReceiptShowIt() throws Exception {
        cashier.logInAndOpenTill("1001", "demo1001", "500");
        cashier.waitUntil("the reader is seen, empty", () -> cashier.text("#status-card-reader").orElse("")
                .equals("读卡器：就绪·无卡"));
        CounterDesk desk = program.desk();
        CapturePrinter capture = program.printer();
        int jobsBefore = capture.jobs().size();

        // Ctrl+D: the demo reader; Enter puts the first demo card (王建国) into the counter's reader
        cashier.insertDemoCard(0, "王建国");

        // what the back end says the amount buys, for the figures to compare with
        Operator backOffice = program.login("1002");
        TopUpService.CardCheck check = desk.topUps().inspect(backOffice, desk.cardReader());
        Money paid = Money.ofYuan(100);
        GasPricing.GasQuote quote = desk.topUps().quoteMoney(check, paid);
        Money change = paid.minus(quote.amount());
        assertThat(change.isPositive()).as("100 yuan does not buy whole m³ exactly").isTrue();

        // Ctrl+G: the top-up screen reads the card
        cashier.openTopUp(ACCOUNT);
        cashier.waitUntilReadyToType("topup-volume");
        assertThat(cashier.text("#topup-holder")).hasValue(io.counterdesk.shared.Masking.name("王建国"));
        assertThat(cashier.text("#topup-serial")).hasValue(check.image().serial());
        assertThat(cashier.text("#topup-tariff")).hasValueSatisfying(t -> assertThat(t)
                .contains("第1阶").contains("第2阶").contains("第3阶"));

        // F4: the amount; the tiers and the price follow as typed
        cashier.press(KeyCode.F4);
        cashier.waitUntilFocused("topup-amount");
        cashier.type("100");
        cashier.waitUntil("the gas is priced", () -> cashier.text("#topup-gas").orElse("")
                .equals(quote.volumeM3() + " m³"));
        assertThat(cashier.text("#topup-due")).hasValue(quote.amount().format());
        assertThat(cashier.allTexts()).contains(I18n.text("ui.topup.tierLine", 1,
                quote.tiers().get(0).pricePerM3().format(), quote.volumeM3(), quote.amount().format()));

        // Ctrl+1: cash; the change is called out
        cashier.enterCash("topup-cash", "100", "#topup-change", change.format());
        assertThat(cashier.text("#topup-received")).hasValue(paid.format());

        // F12: the receipt as it will print; nothing printed or written yet
        cashier.askToConfirm();
        assertThat(cashier.text("#pay-confirm-receipts")).hasValueSatisfying(t -> assertThat(t).contains("收款收据"));
        assertThat(cashier.text("#confirm-change")).hasValue(change.format());
        assertThat(capture.jobs()).hasSize(jobsBefore);
        assertThat(desk.cardReader().read().issued().purchaseCount()).isZero();

        // Enter: bought, written, printed
        cashier.takeMoney();
        List<CapturedJob> jobs = capture.awaitJobs(jobsBefore + 1, Duration.ofSeconds(30));
        List<String> receipt = jobs.get(jobsBefore).lines();
        System.out.println(jobs.get(jobsBefore).text());
        String gasLine = I18n.text("receipt.line.GAS_PURCHASE", "");
        assertThat(receipt).anySatisfy(l -> assertThat(l).startsWith(gasLine.strip()).contains(quote.volumeM3() + " m3"));
        assertThat(line(receipt, I18n.text("receipt.tender.CASH"))).endsWith(" " + paid.toPlainString());
        assertThat(line(receipt, I18n.text("receipt.print.change"))).endsWith(change.format().replace('¥', '￥'));
        assertThat(String.join("\n", receipt)).contains(ACCOUNT);
        assertThat(cashier.text("#pay-result-message")).hasValueSatisfying(t -> assertThat(t)
                .contains(I18n.text("ui.topup.written", 1, quote.volumeM3())));

        // the card holds the purchase, not yet loaded
        CardImage card = desk.cardReader().read().issued();
        assertThat(card.purchaseCount()).isEqualTo(1);
        assertThat(card.lastPurchaseM3()).isEqualTo(quote.volumeM3());
        assertThat(card.loaded()).isFalse();

        // F5: read again — no second purchase until the card has been in the meter
        cashier.press(KeyCode.F5);
        cashier.waitUntil("the card is refused", () -> cashier.text("#topup-message").orElse("")
                .contains("请先将卡插入燃气表"));
        assertThat(cashier.text("#topup-last")).hasValueSatisfying(t -> assertThat(t).contains("未输入燃气表"));

        // Ctrl+D, M: the customer puts the card into the meter; Enter puts it back into the reader
        cashier.demoCard(0, KeyCode.M, I18n.text("ui.demo.meter.LOADED", "王建国", quote.volumeM3()));
        cashier.demoCard(0, KeyCode.ENTER, I18n.text("ui.demo.inserted", "王建国"));
        cashier.waitUntil("the card is read again by itself and may buy", () -> cashier.text("#topup-last")
                .orElse("").contains("已输入燃气表"));
        assertThat(cashier.text("#topup-message").orElse("")).doesNotContain("请先将卡插入燃气表");
        assertThat(cashier.text("#topup-meter")).hasValueSatisfying(t -> assertThat(t).contains("阀门开"));
        assertThat(desk.database().read(tx -> io.counterdesk.persistence.Journal.verify(tx)).isIntact()).isTrue();
    }

    /**
     * Gas vouchers as the tender of a top-up, keys only: 20 m³, three vouchers (15 m³, face value
     * 1.00 each) and cash for the rest. An expired validity is refused at its field with nothing
     * written; corrected, the purchase prints a voucher check slip and a cash check slip.
     */
    @Test
    void buyGasWithVouchersAndCashAndGetTheTwoCheckSlips() throws Exception {
        cashier.logInAndOpenTill("1001", "demo1001", "500");
        CounterDesk desk = program.desk();
        CapturePrinter capture = program.printer();
        int jobsBefore = capture.jobs().size();
        cashier.insertDemoCard(0, "王建国");

        LocalDate quarterEnds = Tenders.endOfQuarter(LocalDate.now());
        Operator backOffice = program.login("1002");
        TopUpService.CardCheck check = desk.topUps().inspect(backOffice, desk.cardReader());
        PaymentPlan expected = desk.topUps().quotePayment(backOffice, check, 20, new PaymentInput(
                PaymentInput.Bills.NONE, List.of(), Money.ofYuan(1000), List.of(),
                List.of(new VoucherBatch(3, Money.parse("1.00"), quarterEnds)), Money.ZERO, false, List.of()));
        Money cashDue = expected.totalDue().minus(expected.voucherValue());

        cashier.openTopUp(ACCOUNT);
        cashier.waitUntilReadyToType("topup-volume");
        cashier.type("20");
        cashier.waitUntil("the gas is priced", () -> cashier.text("#topup-gas").orElse("").equals("20 m³"));

        // Ctrl+4: three vouchers, 1.00 face value each, valid through a quarter long past
        cashier.enterVouchers("topup", 3, "1.00", "2020Q1");
        cashier.waitUntil("the expired vouchers are refused", () -> cashier.text("#topup-message").orElse("")
                .contains("已过期"));
        cashier.press(KeyCode.F12);
        cashier.waitUntil("still refused on F12", () -> cashier.text("#topup-message").orElse("").contains("已过期"));
        assertThat(cashier.showing("#pay-confirmation")).isFalse();
        assertThat(desk.cardReader().read().issued().purchaseCount()).as("nothing written").isZero();

        // corrected: this quarter's vouchers; what they leave is due in money
        cashier.press(KeyCode.CONTROL, KeyCode.A);
        cashier.type(quarterEnds.toString());
        cashier.waitUntil("the vouchers settle 15 m³", () -> cashier.text("#topup-gas").orElse("")
                .equals(I18n.text("ui.topup.m3Vouchers", 20, 15)));
        assertThat(cashier.text("#topup-due")).hasValue(cashDue.format());

        cashier.press(KeyCode.CONTROL, KeyCode.DIGIT1);
        cashier.waitUntilFocused("topup-cash");
        cashier.type(cashDue.toPlainString());
        cashier.askToConfirm();
        assertThat(cashier.text("#pay-confirm-receipts")).hasValueSatisfying(t -> assertThat(t)
                .contains("燃气票核对单").contains("现金核对单"));

        cashier.takeMoney();
        List<CapturedJob> jobs = capture.awaitJobs(jobsBefore + 2, Duration.ofSeconds(30));
        String voucherSlip = jobs.get(jobsBefore).text();
        String cashSlip = jobs.get(jobsBefore + 1).text();
        System.out.println(voucherSlip + "\n" + cashSlip);
        assertThat(voucherSlip).contains("燃气票核对单", ACCOUNT, "燃气票 3 张", "15 m3").doesNotContain("燃气票面值现金");
        assertThat(cashSlip).contains("现金核对单", ACCOUNT, "5 m3", "燃气票面值现金").doesNotContain("燃气票 3 张");
        CardImage card = desk.cardReader().read().issued();
        assertThat(card.purchaseCount()).isEqualTo(1);
        assertThat(card.lastPurchaseM3()).isEqualTo(20);
        assertThat(desk.database().read(tx -> io.counterdesk.persistence.Journal.verify(tx)).isIntact()).isTrue();
    }

    private static String line(List<String> lines, String start) {
        return lines.stream().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with " + start + " in\n" + String.join("\n", lines)));
    }
}
