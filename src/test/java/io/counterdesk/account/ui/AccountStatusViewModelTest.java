package io.counterdesk.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.account.AccountKind;
import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.status.AccountStatusService;
import io.counterdesk.account.Address;
import io.counterdesk.account.Holder;
import io.counterdesk.account.IdType;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.NewAccount;
import io.counterdesk.account.UseType;
import io.counterdesk.app.CounterDesk;
import io.counterdesk.billing.BillRepository;
import io.counterdesk.payment.FeeItem;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.printing.CapturePrinter;
import io.counterdesk.printing.PaperWidth;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.Money;
import io.counterdesk.ui.CurrentThreadTaskExecutor;
import io.counterdesk.ui.PrinterActivity;
import io.counterdesk.ui.TestBackend;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 停气/复气/销户 keys' view model and the suspension list on the demo hall's database, work run inline. */
class AccountStatusViewModelTest {

    @TempDir
    static Path directory;
    static CounterDesk desk;
    static Operator cashier;
    static Operator manager;

    private final List<String> infos = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private int changes;

    @BeforeAll
    static void openDatabase() {
        desk = TestBackend.start(directory);
        cashier = TestBackend.login(desk, "1001");
        manager = TestBackend.login(desk, "2001");
        desk.tills().open(cashier, Money.ofYuan(500));
    }

    @AfterAll
    static void closeDatabase() {
        desk.close();
    }

    private static long account(String accountNo, long dueDaysAgo, long billYuan) {
        LocalDate today = LocalDate.now(desk.config().clock());
        NewAccount account = new NewAccount(accountNo, AccountKind.NON_RESIDENTIAL, UseType.BOILER, MeterKind.ORDINARY,
                "M" + accountNo, null, new Address("西湖区", "天目山路", "科技园", "2", "1", "301"),
                new Holder("浙江热力有限公司", IdType.RESIDENT_ID, "11010519491231002X", "0571-88990011"),
                today.minusYears(1));
        return desk.database().inTransaction(tx -> {
            long id = new AccountRepository().insert(tx, account);
            if (billYuan > 0) {
                new BillRepository().insertAll(tx, List.of(new BillRepository.NewBill(id,
                        YearMonth.from(today.minusDays(dueDaysAgo + 10)), 0, 100, 100, Money.ofYuan(billYuan),
                        today.minusDays(dueDaysAgo), Money.ZERO)));
            }
            return id;
        });
    }

    private AccountStatusViewModel model(long accountId) {
        return new AccountStatusViewModel(new CurrentThreadTaskExecutor(), new AccountStatusViewModel.Services(
                desk.accountStatus(), desk.receiptPrinting(), PrinterActivity.NONE, PaperWidth.MM80), cashier,
                accountId, new AccountStatusViewModel.Listener() {
                    @Override
                    public void info(String text) {
                        infos.add(text);
                    }

                    @Override
                    public void error(String text) {
                        errors.add(text);
                    }

                    @Override
                    public void changed() {
                        changes++;
                    }
                });
    }

    private static String status(long id) {
        return desk.database().read(tx -> new AccountRepository().findById(tx, id)).orElseThrow().status().name();
    }

    @Test
    void suspendsAnOverdueAccountAndRefusesOneNotDueWithTheReason() {
        long due = account("3377000001", 16, 1000);
        long notDue = account("3377000002", 15, 1000);

        model(notDue).suspend("逾期");
        assertThat(errors).containsExactly("该户没有逾期超过 15 天的账单，不能停气");
        assertThat(changes).isZero();
        assertThat(status(notDue)).isEqualTo("ACTIVE");

        model(due).suspend("逾期 16 天");
        assertThat(infos).containsExactly("已对 3377000001 停气");
        assertThat(changes).isEqualTo(1);
        assertThat(status(due)).isEqualTo("SUSPENDED");
    }

    @Test
    void restoringIsRefusedWhileOwingAndDoneOncePaid() {
        long id = account("3377000003", 20, 200);
        desk.accountStatus().suspend(cashier, id, "逾期");
        AccountStatusViewModel model = model(id);

        model.restore();
        assertThat(errors).singleElement().asString().startsWith("该户还欠 ¥220.00");
        assertThat(status(id)).isEqualTo("SUSPENDED");

        desk.payments().collect(cashier, id, PaymentInput.cash(Money.ofYuan(220)));
        model.restore();
        assertThat(infos).containsExactly("已对 3377000003 复气");
        assertThat(status(id)).isEqualTo("ACTIVE");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void closingAnAccountThatOwesIsRefusedBeforeAnyDialog() {
        long id = account("3377000004", 0, 50);
        AtomicReference<AccountStatusService.ClosureQuote> asked = new AtomicReference<>();

        model(id).prepareClose(asked::set);

        assertThat(asked.get()).isNull();
        assertThat(errors).singleElement().asString().startsWith("该户还欠 ¥50.00");
    }

    @Test
    void closingPaysTheDepositBackAndPrintsItsReceiptAfterTheCommit() {
        long id = account("3377000005", 0, 0);
        FeeItem deposit = desk.payments().feeCatalogue().stream().filter(f -> f.code().equals("METER_TEST_DEPOSIT"))
                .findFirst().orElseThrow();
        desk.payments().collect(cashier, id, new PaymentInput(PaymentInput.Bills.NONE,
                List.of(new FeeItem.Line(deposit, 1)), Money.ofYuan(300), List.of(), List.of(), Money.ZERO, false,
                List.of()));
        CapturePrinter capture = desk.printer().capturePrinter().orElseThrow();
        int jobs = capture.jobs().size();
        AccountStatusViewModel model = model(id);
        AtomicReference<AccountStatusService.ClosureQuote> asked = new AtomicReference<>();

        model.prepareClose(asked::set);
        assertThat(asked.get().refund().needsApproval()).isTrue();
        assertThat(AccountStatusViewModel.closeText(asked.get()))
                .isEqualTo("销户 3377000005 浙江热力有限公司：退还 表具检测押金退还 ¥300.00，共付现金 ¥300.00");

        model.close("停业", desk.auth().authoriseApprover(cashier, "2001", "demo2001".toCharArray()));

        assertThat(status(id)).isEqualTo("CLOSED");
        assertThat(errors).isEmpty();
        assertThat(infos).last().asString().startsWith("已销户 3377000005，请付给客户现金 ¥300.00")
                .contains("退款收据").contains("已打印");
        assertThat(capture.jobs()).hasSize(jobs + 1);
        assertThat(capture.jobs().get(jobs).text()).contains("表具检测押金退还", "-300.00");
    }

    @Test
    void aClosureWithoutMoneyBackIsQuotedWithoutRefund() {
        long id = account("3377000006", 0, 0);
        AtomicReference<AccountStatusService.ClosureQuote> asked = new AtomicReference<>();

        model(id).prepareClose(asked::set);

        assertThat(asked.get().refund().needsApproval()).isFalse();
        assertThat(AccountStatusViewModel.closeText(asked.get()))
                .isEqualTo("销户 3377000006 浙江热力有限公司：无押金和预存余额可退");
        model(id).close("迁出", null);
        assertThat(status(id)).isEqualTo("CLOSED");
        assertThat(infos).containsExactly("已销户 3377000006");
    }

    @Test
    void theSuspensionListShowsDaysAndAmountsAndOpensTheChosenAccount() {
        long id = account("3377000007", 30, 100);
        List<Long> opened = new ArrayList<>();
        SuspensionListViewModel list = new SuspensionListViewModel(new CurrentThreadTaskExecutor(),
                desk.accountStatus(), cashier, opened::add);

        list.load();

        SuspensionListViewModel.Row row = list.rows().stream().filter(r -> r.accountNo().equals("3377000007"))
                .findFirst().orElseThrow();
        // 100 × 0.5% × 30 = 15.00
        assertThat(row.daysOverdue()).isEqualTo("30 天");
        assertThat(row.principal()).isEqualTo("¥100.00");
        assertThat(row.lateFees()).isEqualTo("¥15.00");
        assertThat(row.total()).isEqualTo("¥115.00");
        assertThat(list.statusProperty().get()).isEqualTo("共 " + list.rows().size() + " 户需要停气");
        list.open(row);
        list.open(null);
        assertThat(opened).containsExactly(id);
    }

    @Test
    void reasonsAreRequiredInTheDialog() {
        List<String> confirmed = new ArrayList<>();
        ReasonViewModel reason = new ReasonViewModel("停气", "", confirmed::add);

        reason.confirm();
        assertThat(reason.status().message()).isEqualTo("请填写原因");
        reason.reasonProperty().set("  欠费  ");
        reason.confirm();
        assertThat(confirmed).containsExactly("欠费");
        assertThat(reason.status().message()).isEmpty();
    }
}
