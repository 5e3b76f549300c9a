package io.counterdesk.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.card.virtual.VirtualCard;
import io.counterdesk.payment.PaymentResult;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.printing.PrintDocument;
import io.counterdesk.receipt.ReceiptContent;
import io.counterdesk.receipt.ReceiptPrinting;
import io.counterdesk.receipt.ReceiptStockService;
import io.counterdesk.receipt.ReceiptsText;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.shared.I18n;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 14: an IC top-up's receipt names its card and purchase; its reversal prints a 冲正收据 like a bill's. */
class TopUpReceiptTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private IcCardDesk desk;
    private VirtualCard userCard;
    private ReceiptPrinting printing;

    @BeforeEach
    void setUp() {
        desk = new IcCardDesk(db);
        userCard = desk.issuedCard();
        printing = new ReceiptPrinting(db.database(), db.terminal(),
                new ReceiptStockService(db.database(), db.journal(), new ApprovalRecorder(db.journal())),
                io.counterdesk.printing.Printers.open(io.counterdesk.printing.PrinterConfig.capture()));
    }

    @AfterEach
    void englishOff() {
        I18n.setLocale(I18n.CHINESE);
        printing.printer().close();
    }

    @Test
    void aReversedTopUpPrintsAReversalReceiptWithTheOriginalTheApproverAndTheMoneyPaidBack() {
        I18n.setLocale(Locale.ENGLISH); // the screen's language: the receipt stays Chinese
        TopUpService.TopUpResult bought = buy(20);
        PaymentResult refund = desk.topUps.reverse(desk.cashier, desk.card, bought.purchase().id(), "顾客买错气量",
                desk.managerApproves());

        String purchase = ReceiptsText.of(printing.document(bought.payment().receipts().get(0).id()));
        assertThat(purchase).contains("收款收据", "卡号", bought.purchase().cardSerial(), "购气次数", "1")
                .doesNotContain("Receipt", "Total");

        ReceiptContent content = printing.content(refund.receipts().get(0).id());
        PrintDocument document = printing.document(refund.receipts().get(0).id());
        String text = ReceiptsText.of(document);
        assertThat(content.reversal()).isNotNull();
        assertThat(text).contains("冲正收据", "冲正原票", bought.payment().receipts().get(0).formattedNumber(), "批准人",
                "2001", "顾客买错气量", "退还现金", "￥50.00", "卡号", bought.purchase().cardSerial())
                .doesNotContain("找零", "收款收据");
        assertThat(ReceiptsText.unmappableInGbk(document)).isEmpty();
        assertThat(ReceiptsText.unmappableInGbk(printing.document(bought.payment().receipts().get(0).id()))).isEmpty();
    }

    private TopUpService.TopUpResult buy(long m3) {
        desk.insert(userCard);
        TopUpService.CardCheck check = desk.topUps.inspect(desk.cashier, desk.card);
        TopUpService.TopUpResult result = desk.topUps.purchase(desk.cashier, desk.card, check, m3,
                IcCardDesk.cash(check.tariff().cost(check.yearVolumeM3(), m3).toPlainString()));
        assertThat(result.written()).isTrue();
        return result;
    }
}
