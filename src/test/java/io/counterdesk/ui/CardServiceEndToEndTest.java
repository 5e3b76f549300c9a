package io.counterdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.app.CounterDesk;
import io.counterdesk.card.CardImage;
import io.counterdesk.card.CardRepository;
import io.counterdesk.card.CardState;
import io.counterdesk.printing.CapturePrinter;
import io.counterdesk.printing.EscPosDecoder;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Masking;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 补卡（未用卡丢失） end to end, keyboard only, in demo mode: cashier 1001 logs in and opens the
 * till, puts a blank card into the demo reader (Ctrl+D, B), opens the card service screen (Ctrl+B),
 * keeps the business 补卡（未用卡丢失）, types 王建国's account and the reason, sees the summary
 * (F12: old card to the blacklist, "请放入空白新卡") and does it (Enter). The blank card becomes the
 * account's card, the old one is blacklisted, and the capture printer holds the 补卡记录 with both
 * serials and the signature lines; F9 prints it again as a copy.
 */
class CardServiceEndToEndTest {

    private static final String ACCOUNT = "3390000001";
    private static final String METER = "M-2025-0888";

    @RegisterExtension
    final CounterApp program = CounterApp.demo(50);

    private final CounterDriver cashier = new CounterDriver();

    @Test
    void reissueALostUnusedCardOntoABlankCardFromTheDemoReaderAndPrintTheRecord() throws Exception {
        cashier.logInAndOpenTill("1001", "demo1001", "500");
        CounterDesk desk = program.desk();
        CapturePrinter capture = program.printer();
        int jobsBefore = capture.jobs().size();
        Operator backOffice = program.login("1002");
        String oldSerial = desk.cardIssue().account(backOffice, ACCOUNT).cardSerial();

        // Ctrl+D, B: a blank new card into the reader
        cashier.demoCard(0, KeyCode.B, I18n.text("ui.demo.blankInserted"));

        // Ctrl+B: the card service screen; the business list has the focus, 补卡（未用卡丢失） chosen
        cashier.press(KeyCode.CONTROL, KeyCode.B);
        cashier.waitUntilFocused("cardservice-business");
        assertThat(cashier.text("#cardservice-prompt")).hasValue("请放入空白新卡");
        assertThat(cashier.showing("#cardservice-field-check")).as("no field check for an unused card").isFalse();
        cashier.press(KeyCode.ENTER);
        cashier.waitUntilFocused("cardservice-account");

        // the account, Enter: the holder shows and the reason is next
        cashier.type(ACCOUNT).press(KeyCode.ENTER);
        cashier.waitUntil("the account is found", () -> cashier.text("#cardservice-holder").orElse("")
                .equals(Masking.name("王建国")));
        assertThat(cashier.text("#cardservice-current-card")).hasValue(oldSerial);
        cashier.waitUntilFocused("cardservice-reason");
        cashier.type("lost card");

        // F12: the summary; nothing written or printed yet
        cashier.press(KeyCode.F12);
        cashier.waitUntil("the summary shows", () -> cashier.showing("#cardservice-summary"));
        assertThat(cashier.allTexts()).contains("旧卡 " + oldSerial + " → 列入黑名单", "无需批准");
        assertThat(cashier.text("#cardservice-summary-prompt")).hasValue("请放入空白新卡");
        assertThat(desk.cardReader().read().blank()).isTrue();
        assertThat(capture.jobs()).hasSize(jobsBefore);

        // Enter: reissued, the record printed
        cashier.press(KeyCode.ENTER);
        cashier.waitUntil("the record is printed", () -> cashier.text("#cardservice-message").orElse("")
                .contains(I18n.text("ui.cardService.printed")));
        CardImage newCard = desk.cardReader().read().issued();
        assertThat(newCard.accountNo()).isEqualTo(ACCOUNT);
        assertThat(newCard.serial()).isNotEqualTo(oldSerial);
        assertThat(desk.cardIssue().account(backOffice, ACCOUNT).cardSerial()).isEqualTo(newCard.serial());
        assertThat(cashier.text("#cardservice-current-card")).hasValue(newCard.serial());
        java.util.Optional<String> listed = desk.database().read(tx -> new CardRepository().blacklisted(tx, oldSerial));
        assertThat(listed).hasValue("LOST");

        List<String> record = EscPosDecoder.lines(capture.awaitJobs(jobsBefore + 1, Duration.ofSeconds(30))
                .get(jobsBefore).bytes());
        System.out.println(String.join("\n", record));
        assertThat(record).contains("补卡记录");
        assertThat(String.join("\n", record)).contains(ACCOUNT, Masking.name("王建国"), "补卡（未用卡丢失）", oldSerial,
                newCard.serial(), "旧卡已列入黑名单（挂失）", "lost card", "1001", "客户签字", "值班经理签字");

        // F9: the record again, marked as a copy
        cashier.press(KeyCode.F9);
        cashier.waitUntil("the copy is printed", () -> cashier.text("#cardservice-message").orElse("")
                .contains(I18n.text("ui.cardService.printedCopy")));
        List<String> copy = EscPosDecoder.lines(capture.awaitJobs(jobsBefore + 2, Duration.ofSeconds(30))
                .get(jobsBefore + 1).bytes());
        assertThat(copy.get(0)).isEqualTo("重打");
        assertThat(desk.database().read(tx -> io.counterdesk.persistence.Journal.verify(tx)).isIntact()).isTrue();
    }

    @Test
    void aReissueCutWhileTheNewCardIsWrittenIsFinishedByPuttingABlankCardIn() throws Exception {
        cashier.logIn("1001", "demo1001");
        cashier.openTill("500");
        CounterDesk desk = program.desk();
        Operator backOffice = program.login("1002");
        String oldSerial = desk.cardIssue().account(backOffice, ACCOUNT).cardSerial();
        long accountId = desk.cardIssue().account(backOffice, ACCOUNT).id();
        cashier.demoCard(0, KeyCode.B, I18n.text("ui.demo.blankInserted"));
        var demo = desk.demoCards().orElseThrow();
        demo.readers().card(demo.readerName()).orElseThrow().tearUpdate(3, 2);   // pulled during the write

        cashier.press(KeyCode.CONTROL, KeyCode.B);
        cashier.waitUntilFocused("cardservice-business");
        cashier.press(KeyCode.ENTER);
        cashier.waitUntilFocused("cardservice-account");
        cashier.type(ACCOUNT).press(KeyCode.ENTER);
        cashier.waitUntilFocused("cardservice-reason");
        cashier.type("lost card");
        cashier.press(KeyCode.F12);
        cashier.waitUntil("the summary shows", () -> cashier.showing("#cardservice-summary"));
        cashier.press(KeyCode.ENTER);
        cashier.waitUntil("the screen says the reissue is unfinished", () -> cashier.text("#cardservice-message")
                .orElse("").contains("补卡未完成"));
        String newSerial = desk.cardIssue().unfinishedReissue(backOffice, accountId).orElseThrow().newSerial();
        assertThat(cashier.text("#cardservice-prompt")).hasValue("请放入新卡 " + newSerial + " 或另一张空白卡");

        // another blank card in (Ctrl+D, B): the summary to finish it comes up at once; Enter
        cashier.press(KeyCode.CONTROL, KeyCode.D);
        cashier.waitUntilFocused("demo-card-list");
        cashier.press(KeyCode.B);
        cashier.waitUntil("the finishing summary shows", () -> cashier.showing("#cardservice-summary"));
        assertThat(cashier.allTexts()).contains("完成上次未完成的补卡：旧卡 " + oldSerial + " 已挂失（不再挂失）");
        cashier.press(KeyCode.ENTER);
        cashier.waitUntil("the record is printed", () -> cashier.text("#cardservice-message").orElse("")
                .contains(I18n.text("ui.cardService.printed")));
        assertThat(desk.cardReader().read().issued().serial()).isEqualTo(newSerial);
        assertThat(desk.cardIssue().account(backOffice, ACCOUNT).cardSerial()).isEqualTo(newSerial);
        assertThat(desk.cardIssue().unfinishedReissue(backOffice, accountId)).isEmpty();
    }

    /**
     * 补写首张卡: an IC household opened (Ctrl+O) on a blank card pulled while its first card is
     * written; the cashier leaves the opening's result (Esc). Later a blank card goes in (Ctrl+D, B);
     * on this screen ↓ to 补写首张卡, the account, Enter (the summary), Enter writes the card; the
     * top-up screen (Ctrl+G) then buys gas onto it. With {@code -Dcounterdesk.screenshots=true} the
     * summary is written to {@code docs/screenshots/card-service-first-card.png}.
     */
    @Test
    void anOpeningWhoseCardWasNotWrittenGetsItsFirstCardOnTheCardServiceScreenAndThenBuysGas() throws Exception {
        cashier.logInAndOpenTill("1001", "demo1001", "500");
        CounterDesk desk = program.desk();
        Operator backOffice = program.login("1002");

        // the opening, its blank card pulled as the first card is written
        cashier.demoCard(0, KeyCode.B, I18n.text("ui.demo.blankInserted"));
        var demo = desk.demoCards().orElseThrow();
        demo.readers().card(demo.readerName()).orElseThrow().tearUpdate(1, 0);
        cashier.typeIcHousehold(METER, "3000");
        cashier.press(KeyCode.F12);
        cashier.waitUntil("the summary shows", () -> cashier.showing("#opening-summary"));
        cashier.press(KeyCode.ENTER);
        cashier.waitUntil("the opening is done, its card not written", () -> cashier.text("#opening-message")
                .orElse("").contains(I18n.text("ui.opening.confirmationPrinted")));
        String accountNo = cashier.text("#opening-account-no").orElseThrow();
        assertThat(cashier.text("#opening-message").orElse("")).contains("已开户，户号 " + accountNo, "IC 卡没有写成");
        assertThat(desk.cardIssue().account(backOffice, accountNo).cardSerial()).isNull();

        // the cashier leaves the opening's result; later a blank card goes in
        cashier.press(KeyCode.ESCAPE);
        cashier.waitUntil("the opening screen is left", () -> !cashier.showing("#opening-account-no"));
        cashier.demoCard(0, KeyCode.B, I18n.text("ui.demo.blankInserted"));

        // Ctrl+B: the card service screen; ↓ to 补写首张卡 (the last business), Enter, the account, Enter
        cashier.press(KeyCode.CONTROL, KeyCode.B);
        cashier.waitUntilFocused("cardservice-business");
        for (int i = 0; i < 4; i++) {
            cashier.press(KeyCode.DOWN);
        }
        assertThat(cashier.text("#cardservice-prompt")).hasValue("请放入空白卡（或开户时没写成的那张卡）");
        assertThat(cashier.showing("#cardservice-reason-panel")).as("no reason to type for a first card").isFalse();
        cashier.press(KeyCode.ENTER);
        cashier.waitUntilFocused("cardservice-account");
        cashier.type(accountNo).press(KeyCode.ENTER);
        cashier.waitUntil("the summary shows", () -> cashier.showing("#cardservice-summary"));
        String serial = desk.database().read(tx -> tx.handle().createQuery(
                "SELECT serial FROM ic_card WHERE status = 'ISSUING'").mapTo(String.class).one());
        assertThat(cashier.allTexts()).contains("业务：补写首张卡",
                "开户时写卡没有完成：仍写卡号 " + serial + "（那张卡已写成则直接启用）",
                "卡上购气次数 0、累计购气 0 m³（按系统记录写入）", "无需批准");
        if (Boolean.getBoolean("counterdesk.screenshots")) {
            cashier.snapshot(Path.of("docs", "screenshots", "card-service-first-card.png"));
        }

        // Enter: the first card written, with the number the opening's attempt took
        cashier.press(KeyCode.ENTER);
        cashier.waitUntil("the first card is written", () -> cashier.text("#cardservice-message").orElse("")
                .contains("首张卡已写好，卡号 " + serial));
        assertThat(cashier.text("#cardservice-current-card")).hasValue(serial);
        assertThat(desk.cardIssue().account(backOffice, accountNo).cardSerial()).isEqualTo(serial);
        CardImage card = desk.cardReader().read().issued();
        assertThat(card.serial()).isEqualTo(serial);
        assertThat(card.accountNo()).isEqualTo(accountNo);
        assertThat(card.meterNo()).isEqualTo(METER);

        // Esc, Ctrl+G: the card buys gas
        cashier.press(KeyCode.ESCAPE);
        cashier.openTopUp(accountNo);
        cashier.waitUntilReadyToType("topup-volume");
        cashier.type("20");
        cashier.waitUntil("the gas is priced", () -> cashier.text("#topup-gas").orElse("").equals("20 m³"));
        cashier.press(KeyCode.CONTROL, KeyCode.DIGIT1);
        cashier.waitUntilFocused("topup-cash");
        cashier.type("200");
        cashier.press(KeyCode.F12);
        cashier.waitUntil("the confirmation shows", () -> cashier.showing("#pay-confirmation"));
        cashier.press(KeyCode.ENTER);
        cashier.waitUntil("the purchase's result shows", () -> cashier.showing("#pay-result"));
        cashier.waitUntil("the gas is on the card", () -> cashier.text("#pay-result-message").orElse("")
                .contains(I18n.text("ui.topup.written", 1, 20)));
        CardImage bought = desk.cardReader().read().issued();
        assertThat(bought.purchaseCount()).isEqualTo(1);
        assertThat(bought.lastPurchaseM3()).isEqualTo(20);
        assertThat(bought.state()).as("the opening card carries the first purchase").isEqualTo(CardState.OPENING);
        assertThat(desk.database().read(tx -> io.counterdesk.persistence.Journal.verify(tx)).isIntact()).isTrue();
    }
}
