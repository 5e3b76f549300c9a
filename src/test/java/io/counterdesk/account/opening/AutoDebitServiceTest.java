package io.counterdesk.account.opening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.account.MeterKind;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.servicetime.CounterBusiness;
import io.counterdesk.servicetime.ServiceTimer;
import io.counterdesk.shared.BankCardNumber;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Changing and cancelling an account's bank auto-debit on a real H2 file: history kept, journaled, timed. */
class AutoDebitServiceTest {

    private static final Set<Document> CHANGE_DOCS = EnumSet.of(Document.HOLDER_ID, Document.BANK_CARD);
    private static final String OTHER_CARD = "621700000000000001" + BankCardNumber.checkDigit("621700000000000001");

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private OpeningDesk desk;
    private AutoDebitService debits;
    private OpeningResult enrolled;
    private OpeningResult plain;

    @BeforeEach
    void setUp() {
        desk = new OpeningDesk(db);
        debits = new AutoDebitService(db.database(), db.journal(), desk.serviceTimes);
        enrolled = desk.openings.open(desk.cashier, Applications.withProxyAndDebit(
                Applications.household(BuildingType.HIGH_RISE, MeterKind.ORDINARY, "8500000001"), false, true,
                EnumSet.of(Document.HOLDER_ID, Document.PROPERTY_PROOF, Document.BANK_CARD)),
                PaymentInput.cash(Money.ofYuan(2850)), desk.card, null);
        plain = desk.openings.open(desk.cashier, Applications.household(BuildingType.HIGH_RISE, MeterKind.ORDINARY,
                "8500000002"), PaymentInput.cash(Money.ofYuan(2850)), desk.card, null);
    }

    @AfterEach
    void tearDown() {
        desk.close();
    }

    private ServiceTimer timer() {
        ServiceTimer timer = desk.serviceTimes.start(CounterBusiness.AUTO_DEBIT);
        db.clock().advance(Duration.ofMinutes(4));
        return timer;
    }

    private long count(String where) {
        return db.queryLong("SELECT COUNT(*) FROM bank_debit WHERE " + where);
    }

    @Test
    void aChangeEndsTheOldEnrolmentStartsTheNewOneJournalsAndTimesIt() {
        AutoDebitService.Current before = debits.current(desk.cashier, enrolled.accountId());
        assertThat(before.debit()).map(OpeningRecord.DebitView::bank).hasValue(Bank.ICBC);

        AutoDebitService.Outcome outcome = debits.change(desk.cashier, enrolled.accountId(),
                new BankDebit(Bank.CCB, true, OTHER_CARD, "李明"), CHANGE_DOCS, timer());

        assertThat(outcome.event()).isEqualTo("AUTO_DEBIT_CHANGED");
        assertThat(outcome.before()).map(OpeningRecord.DebitView::bank).hasValue(Bank.ICBC);
        assertThat(outcome.debit()).map(OpeningRecord.DebitView::maskedNumber).hasValue(BankCardNumber.masked(OTHER_CARD));
        long id = enrolled.accountId();
        assertThat(count("account_id = " + id + " AND status = 'ACTIVE' AND bank_code = 'CCB' AND bank_account = '"
                + OTHER_CARD + "'")).isOne();
        assertThat(count("account_id = " + id + " AND status = 'CANCELLED' AND bank_code = 'ICBC' AND ended_at IS NOT NULL"))
                .isOne();
        assertThat(db.events("AUTO_DEBIT_CHANGED")).singleElement().satisfies(e -> {
            assertThat(e.subject()).isEqualTo("account:" + enrolled.accountNo());
            assertThat(e.payload()).contains("\"fromBank\":\"ICBC\"", "\"toBank\":\"CCB\"")
                    .doesNotContain(OTHER_CARD);
        });
        assertThat(db.queryLong("SELECT COUNT(*) FROM service_time WHERE business = 'AUTO_DEBIT' AND subject = 'account:"
                + enrolled.accountNo() + "' AND promised_seconds = 300")).isOne();
        assertThat(db.verifyChain().isIntact()).isTrue();
    }

    @Test
    void anAccountOpenedWithoutAutoDebitIsEnrolledAndThenCancelled() {
        long id = plain.accountId();
        assertThat(debits.current(desk.cashier, id).debit()).isEmpty();
        AutoDebitService.Outcome enrolledNow = debits.change(desk.cashier, id,
                new BankDebit(Bank.PSBC, false, "12345678901", "李明"), CHANGE_DOCS, null);
        assertThat(enrolledNow.event()).isEqualTo("AUTO_DEBIT_ENROLLED");
        assertThat(enrolledNow.before()).isEmpty();

        AutoDebitService.Outcome cancelled = debits.cancel(desk.cashier, id, EnumSet.of(Document.HOLDER_ID), timer());
        assertThat(cancelled.event()).isEqualTo("AUTO_DEBIT_CANCELLED");
        assertThat(cancelled.debit()).isEmpty();
        assertThat(count("account_id = " + id + " AND status = 'ACTIVE'")).isZero();
        assertThat(count("account_id = " + id + " AND status = 'CANCELLED'")).isOne();
        assertThat(debits.current(desk.cashier, id).debit()).isEmpty();
        assertThat(db.events("AUTO_DEBIT_CANCELLED")).hasSize(1);
    }

    @Test
    void refusalsWriteNothingNotEvenTheServiceTime() {
        long id = enrolled.accountId();
        assertThatThrownBy(() -> debits.change(desk.cashier, id, new BankDebit(Bank.CCB, true, OTHER_CARD, "李明"),
                EnumSet.of(Document.HOLDER_ID), timer())).isInstanceOf(BusinessException.class)
                .hasMessageContaining("银行卡及卡主身份证复印件");
        assertThatThrownBy(() -> debits.change(desk.cashier, id, new BankDebit(Bank.ICBC, true,
                Applications.BANK_CARD, "李明"), CHANGE_DOCS, timer())).hasMessage("新的代扣银行和账号与现在的相同，无需变更");
        assertThatThrownBy(() -> debits.cancel(desk.cashier, plain.accountId(), EnumSet.of(Document.HOLDER_ID), timer()))
                .hasMessage("户号 " + plain.accountNo() + " 没有办理银行代扣，无需取消");
        db.execute("UPDATE account SET status = 'CLOSED' WHERE id = " + id);
        assertThatThrownBy(() -> debits.cancel(desk.cashier, id, EnumSet.of(Document.HOLDER_ID), timer()))
                .hasMessage("户号 " + enrolled.accountNo() + " 已销户，不能办理银行代扣");

        assertThat(count("account_id = " + id + " AND status = 'ACTIVE' AND bank_code = 'ICBC'")).isOne();
        assertThat(count("status = 'CANCELLED'")).isZero();
        assertThat(db.events("AUTO_DEBIT_CHANGED")).isEmpty();
        assertThat(db.events("AUTO_DEBIT_CANCELLED")).isEmpty();
        assertThat(db.queryLong("SELECT COUNT(*) FROM service_time WHERE business = 'AUTO_DEBIT'")).isZero();
    }

    @Test
    void aBankCardThatFailsItsCheckDigitIsRefusedBeforeTheServiceIsCalled() {
        String wrong = OTHER_CARD.substring(0, 18) + ((OTHER_CARD.charAt(18) - '0' + 1) % 10);
        assertThatThrownBy(() -> new BankDebit(Bank.CCB, true, wrong, "李明")).isInstanceOf(BusinessException.class);
    }
}
