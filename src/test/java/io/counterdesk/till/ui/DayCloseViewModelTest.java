package io.counterdesk.till.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.app.CounterDesk;
import io.counterdesk.payment.MoneyTender;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.TenderKind;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.Money;
import io.counterdesk.till.Denomination;
import io.counterdesk.ui.CurrentThreadTaskExecutor;
import io.counterdesk.ui.MessageKind;
import io.counterdesk.ui.TestBackend;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The day close screen's model on the demo back end: deposit, blind count, ticks, explanation, close. */
class DayCloseViewModelTest {

    @TempDir
    Path directory;
    private CounterDesk desk;
    private Operator cashier;
    private int closedCalls;

    @BeforeEach
    void openDatabase() {
        desk = TestBackend.start(directory);
        cashier = TestBackend.login(desk, "1001");
        desk.tills().open(cashier, Money.ofYuan(500));
    }

    @AfterEach
    void closeDatabase() {
        desk.close();
    }

    private DayCloseViewModel model() {
        DayCloseViewModel model = new DayCloseViewModel(new CurrentThreadTaskExecutor(), desk.dayClose(),
                desk.cashReportPrinting(), cashier,
                () -> closedCalls++);
        model.load();
        return model;
    }

    private Money payOneInCash() {
        TestBackend.Owing owing = TestBackend.owing(desk, cashier, o -> true).get(0);
        Money due = owing.bills().stream().map(b -> b.total()).reduce(Money.ZERO, Money::plus);
        desk.payments().collect(cashier, owing.accountId(), PaymentInput.cash(due));
        return due;
    }

    @Test
    void theCountIsBlindUntilSubmittedAndABalancedTillCloses() throws Exception {
        Money due = payOneInCash();
        DayCloseViewModel model = model();
        assertThat(model.stateProperty().get()).isEqualTo(DayCloseViewModel.State.COUNTING);
        assertThat(model.figures()).isEmpty();

        // the drawer: the 500 float in 100s plus exactly what was taken
        Money drawer = Money.ofYuan(500).plus(due);
        type(model, drawer);
        assertThat(model.countedTotalProperty().get()).isEqualTo(drawer.format());
        assertThat(model.figures()).isEmpty();
        model.next();

        assertThat(model.stateProperty().get()).isEqualTo(DayCloseViewModel.State.COUNTED);
        assertThat(model.figures()).contains("应有现金 " + drawer.format(), "实点现金 " + drawer.format());
        assertThat(model.explanationNeededProperty().get()).isFalse();
        model.next();

        assertThat(model.stateProperty().get()).isEqualTo(DayCloseViewModel.State.CLOSED);
        assertThat(closedCalls).isEqualTo(1);
        assertThat(desk.tills().current(cashier)).isEmpty();
        assertThat(model.figures()).contains("营业厅现金日报表（摘要）", "应有现金 " + drawer.format());
        assertThat(model.messageProperty().get()).isEqualTo("已结账，日报表摘要已打印");
        List<String> slip = desk.printer().capturePrinter().orElseThrow().awaitJobs(1, java.time.Duration.ofSeconds(10))
                .get(0).lines().stream().map(String::strip).toList();
        assertThat(slip).contains("营业厅现金日报表（摘要）");
        assertThat(slip).anySatisfy(line -> assertThat(line).startsWith("状态").endsWith("已结账"));
    }

    @Test
    void aDepositIsNumberedAndAShortCountNeedsAnExplanation() {
        Money due = payOneInCash();
        DayCloseViewModel model = model();
        model.depositTextProperty().set("100");
        model.deposit();
        assertThat(model.deposits()).singleElement().satisfies(line -> assertThat(line).startsWith("王伟"));
        assertThat(model.depositTextProperty().get()).isEmpty();

        type(model, Money.ofYuan(400).plus(due).minus(Money.parse("0.10")));
        model.next();
        assertThat(model.explanationNeededProperty().get()).isTrue();
        assertThat(model.messageKindProperty().get()).isEqualTo(MessageKind.ERROR);
        model.next();
        assertThat(model.stateProperty().get()).isEqualTo(DayCloseViewModel.State.COUNTED);
        assertThat(model.messageProperty().get()).isEqualTo("有长短款，请先填写说明（F8）");

        model.explanationProperty().set("少一枚一角硬币");
        model.close();

        assertThat(model.stateProperty().get()).isEqualTo(DayCloseViewModel.State.CLOSED);
        assertThat(desk.tills().current(cashier)).isEmpty();
    }

    @Test
    void slipsAreTickedWithSpaceAndAnUntickedOneIsShort() {
        TestBackend.Owing owing = TestBackend.owing(desk, cashier, o -> true).get(0);
        Money due = owing.bills().stream().map(b -> b.total()).reduce(Money.ZERO, Money::plus);
        desk.payments().collect(cashier, owing.accountId(), new PaymentInput(PaymentInput.Bills.ALL, List.of(),
                Money.ZERO, List.of(new MoneyTender(TenderKind.BANK_CARD, due, "POS-77")), List.of(), Money.ZERO,
                false, List.of()));
        DayCloseViewModel model = model();
        assertThat(model.slips()).singleElement().satisfies(s -> assertThat(s.label()).contains("POS-77"));

        model.toggle(0);
        assertThat(model.slips().get(0).tickedProperty().get()).isTrue();
        model.toggle(0);
        type(model, Money.ofYuan(500));
        model.next();

        assertThat(model.figures()).anySatisfy(line -> assertThat(line).startsWith("银行卡").contains("POS-77"));
        assertThat(model.explanationNeededProperty().get()).isTrue();
    }

    @Test
    void badPiecesAndAnEmptyDepositAreRefusedWithAMessage() {
        DayCloseViewModel model = model();
        model.piecesProperty(Denomination.Y50).set("3张");
        assertThat(model.countedTotalProperty().get()).isEmpty();
        model.next();
        assertThat(model.messageProperty().get()).isEqualTo("50 元 的张数不是整数");
        assertThat(model.stateProperty().get()).isEqualTo(DayCloseViewModel.State.COUNTING);

        model.deposit();
        assertThat(model.messageProperty().get()).isEqualTo("请输入金额");
        assertThat(model.deposits()).isEmpty();
    }

    /** Types an amount as 100s, 10s, 1s and 1-jiao coins. */
    private static void type(DayCloseViewModel model, Money amount) {
        long fen = amount.fen();
        model.piecesProperty(Denomination.Y100).set(Long.toString(fen / 10_000));
        model.piecesProperty(Denomination.Y10).set(Long.toString(fen % 10_000 / 1_000));
        model.piecesProperty(Denomination.Y1).set(Long.toString(fen % 1_000 / 100));
        model.piecesProperty(Denomination.J1).set(Long.toString(fen % 100 / 10));
    }
}
