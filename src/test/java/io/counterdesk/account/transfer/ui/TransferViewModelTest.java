package io.counterdesk.account.transfer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.account.opening.Applications;
import io.counterdesk.account.opening.Document;
import io.counterdesk.account.transfer.ui.TransferViewModel.Field;
import io.counterdesk.account.transfer.ui.TransferViewModel.State;
import io.counterdesk.app.CounterDesk;
import io.counterdesk.payment.DueBill;
import io.counterdesk.printing.PaperWidth;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.Money;
import io.counterdesk.ui.CurrentThreadTaskExecutor;
import io.counterdesk.ui.MessageKind;
import io.counterdesk.ui.PrinterActivity;
import io.counterdesk.ui.ServiceClock;
import io.counterdesk.ui.TestBackend;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transfer form on the real back end: the account read, checked as typed, short money refused with the form kept. */
class TransferViewModelTest {

    @TempDir
    Path directory;

    private CounterDesk desk;
    private TransferViewModel model;
    private TestBackend.Owing owing;
    private Money arrears;

    @BeforeEach
    void openTheCounter() {
        desk = TestBackend.start(directory);
        Operator cashier = TestBackend.login(desk, "1001");
        desk.tills().open(cashier, Money.ofYuan(500));
        owing = TestBackend.owing(desk, cashier, o -> true).get(0);
        arrears = owing.bills().stream().map(DueBill::total).reduce(Money.ZERO, Money::plus);
        model = new TransferViewModel(new CurrentThreadTaskExecutor(), new TransferViewModel.Services(desk.transfers(),
                desk.transferConfirmations(), desk.receiptPrinting(), PrinterActivity.NONE, PaperWidth.MM80, ServiceClock.NONE), cashier);
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void anUnknownAccountIsRefusedAndAnOwingOneShowsItsArrearsFirst() {
        model.text(Field.ACCOUNT_NO).set("3399999999");
        model.findAccount();
        assertThat(model.stateProperty().get()).isEqualTo(State.ACCOUNT);
        assertThat(model.invalidFieldProperty().get()).isEqualTo(Field.ACCOUNT_NO);

        model.text(Field.ACCOUNT_NO).set(owing.accountNo());
        model.findAccount();
        assertThat(model.stateProperty().get()).isEqualTo(State.EDITING);
        assertThat(model.arrearsProperty().get()).isEqualTo(arrears.format());
        assertThat(model.messageProperty().get()).contains("须先缴清");
        assertThat(model.requiredDocuments()).containsExactly(Document.HOLDER_ID, Document.PROPERTY_PROOF,
                Document.FEE_INVOICE);
    }

    @Test
    void theNewHolderIsCheckedAsTypedAndShortMoneyKeepsTheForm() {
        model.text(Field.ACCOUNT_NO).set(owing.accountNo());
        model.findAccount();
        model.text(Field.NAME).set("陈静");
        model.text(Field.ID_NUMBER).set("110105194912310022");
        assertThat(model.invalidFieldProperty().get()).isEqualTo(Field.ID_NUMBER);
        model.text(Field.ID_NUMBER).set(Applications.RESIDENT_ID);
        model.text(Field.PHONE).set("13700001111");
        assertThat(model.messageKindProperty().get()).isNotEqualTo(MessageKind.ERROR);
        for (Document d : model.requiredDocuments()) {
            model.ticked(d).set(true);
        }
        model.text(Field.CASH).set(arrears.minus(Money.ofFen(1)).toPlainString());
        model.confirm();
        assertThat(model.stateProperty().get()).isEqualTo(State.EDITING);
        assertThat(model.messageProperty().get()).contains("须先缴清欠费", "¥0.01");

        model.text(Field.CASH).set(arrears.toPlainString());
        model.confirm();
        assertThat(model.stateProperty().get()).isEqualTo(State.SUMMARY);
        model.commit();
        assertThat(model.stateProperty().get()).isEqualTo(State.DONE);
        assertThat(model.messageProperty().get()).contains("已过户", "陈静");
        assertThat(desk.accounts().detail(TestBackend.login(desk, "1002"), owing.accountId()).account().holder()
                .name()).isEqualTo("陈静");
    }
}
