package io.counterdesk.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.account.Account;
import io.counterdesk.account.AccountDetail;
import io.counterdesk.account.AccountSummary;
import io.counterdesk.account.MeterKind;
import io.counterdesk.app.CounterDesk;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.Masking;
import io.counterdesk.ui.CurrentThreadTaskExecutor;
import io.counterdesk.ui.TestBackend;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountDetailViewModelTest {

    @TempDir
    static Path directory;
    static CounterDesk desk;
    static Operator cashier;

    @BeforeAll
    static void openDatabase() {
        desk = TestBackend.start(directory);
        cashier = TestBackend.login(desk, "1001");
    }

    @AfterAll
    static void closeDatabase() {
        desk.close();
    }

    @Test
    void showsTheAccountWithPersonalDataMasked() {
        AccountDetail expected = detailOf("3300000001");
        Account account = expected.account();

        AccountFacts facts = load(account.id());

        assertThat(facts.accountNo()).isEqualTo("3300000001");
        assertThat(facts.holderName()).isEqualTo(account.holder().name());
        assertThat(facts.idNumber()).isEqualTo(Masking.idNumber(account.holder().idNumber()))
                .contains("*").isNotEqualTo(account.holder().idNumber());
        assertThat(facts.phone()).isEqualTo(Masking.phone(account.holder().phone())).contains("****");
        assertThat(facts.address()).isEqualTo(account.address().text());
        assertThat(facts.meterNo()).isEqualTo(account.meterNo());
        assertThat(facts.statusText()).isEqualTo("正常");
        assertThat(facts.arrears()).isEqualTo(expected.arrears().format());
        assertThat(facts.credit()).isEqualTo(account.credit().format());
        assertThat(facts.holders()).singleElement().satisfies(h -> {
            assertThat(h.current()).isTrue();
            assertThat(h.to()).isEqualTo("至今");
            assertThat(h.reason()).isEqualTo("开户");
            assertThat(h.idNumber()).contains("*");
        });
    }

    @Test
    void anAccountInArrearsShowsWhatIsOwedAndWhichBills() {
        AccountDetail owing = firstMatching(d -> d.arrears().isPositive());

        AccountFacts facts = load(owing.account().id());

        assertThat(facts.owing()).isTrue();
        assertThat(facts.arrears()).isEqualTo(owing.arrears().format()).startsWith("¥");
        assertThat(facts.unpaidBills()).isPositive();
        assertThat(facts.bills()).hasSize(owing.bills().size());
        assertThat(facts.bills()).filteredOn(AccountFacts.BillRow::owing).isNotEmpty()
                .allSatisfy(b -> assertThat(b.state()).isIn("未缴", "部分未缴"));
        assertThat(facts.bills()).allSatisfy(b -> assertThat(b.volume()).endsWith("m³"));
        // each unpaid bill with today's late fee and what it comes to; the arrears include the late fees
        for (AccountDetail.BillLine line : owing.bills()) {
            AccountFacts.BillRow row = facts.bills().stream().filter(b -> b.period().equals(line.period()))
                    .findFirst().orElseThrow();
            if (line.outstanding().isPositive()) {
                assertThat(row.lateFee()).isEqualTo(line.lateFee().format());
                assertThat(row.totalDue()).isEqualTo(line.outstanding().plus(line.lateFee()).format());
            } else {
                assertThat(row.lateFee()).isEmpty();
                assertThat(row.totalDue()).isEmpty();
            }
        }
        assertThat(owing.arrears()).isEqualTo(owing.bills().stream()
                .map(b -> b.outstanding().plus(b.lateFee())).reduce(io.counterdesk.shared.Money.ZERO,
                        io.counterdesk.shared.Money::plus));
    }

    @Test
    void anIcCardAccountShowsItsCardAndHasNoBills() {
        AccountDetail ic = firstMatching(d -> d.account().meterKind() == MeterKind.IC);

        AccountFacts facts = load(ic.account().id());

        assertThat(facts.cardSerial()).isEqualTo(ic.account().cardSerial());
        assertThat(facts.meterKind()).isEqualTo("IC 卡表");
        assertThat(facts.bills()).isEmpty();
        assertThat(facts.owing()).isFalse();
    }

    @Test
    void anAccountThatDoesNotExistIsAnErrorMessage() {
        AccountDetailViewModel model = new AccountDetailViewModel(new CurrentThreadTaskExecutor(), desk.accounts(),
                cashier, -1);

        model.load();

        assertThat(model.stateProperty().get()).isEqualTo(AccountDetailViewModel.State.FAILED);
        assertThat(model.messageProperty().get()).isEqualTo("没有找到该户号");
        assertThat(model.factsProperty().get()).isNull();
    }

    private static AccountFacts load(long id) {
        AccountDetailViewModel model = new AccountDetailViewModel(new CurrentThreadTaskExecutor(), desk.accounts(),
                cashier, id);
        model.load();
        assertThat(model.stateProperty().get()).isEqualTo(AccountDetailViewModel.State.LOADED);
        return model.factsProperty().get();
    }

    private static AccountDetail detailOf(String accountNo) {
        AccountSummary summary = desk.accounts().search(cashier, accountNo).get(0);
        return desk.accounts().detail(cashier, summary.id());
    }

    private static AccountDetail firstMatching(java.util.function.Predicate<AccountDetail> wanted) {
        List<AccountSummary> all = desk.accounts().search(cashier, "33000001", 100);
        for (AccountSummary summary : all) {
            AccountDetail detail = desk.accounts().detail(cashier, summary.id());
            if (wanted.test(detail)) {
                return detail;
            }
        }
        throw new AssertionError("no demo account among the first 100 matches");
    }
}
