package io.counterdesk.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.counterdesk.account.Address;
import io.counterdesk.account.Holder;
import io.counterdesk.account.IdType;
import io.counterdesk.app.CounterDesk;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import io.counterdesk.ui.TestBackend;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 §3: what a caller hands the payment service is checked against the catalogue, the
 * account and the counter maximum; before, each of these was booked (a made-up negative fee paid
 * ¥1,000 out of the till).
 */
class PaymentTrustTest {

    @TempDir
    Path directory;

    private CounterDesk desk;
    private Operator wang;
    private long ordinary;
    private long ic;

    @BeforeEach
    void start() {
        desk = TestBackend.start(directory);
        wang = TestBackend.login(desk, "1001");
        desk.tills().open(wang, Money.ofYuan(500));
        ordinary = id("SELECT MIN(id) FROM account WHERE meter_kind = 'ORDINARY'");
        ic = id("SELECT MIN(id) FROM account WHERE meter_kind = 'IC'");
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    private long id(String sql) {
        return desk.database().read(tx -> tx.handle().createQuery(sql).mapTo(Long.class).one());
    }

    private long payments() {
        return id("SELECT COUNT(*) FROM payment");
    }

    private static PaymentInput fee(FeeItem item, int quantity, Money cash) {
        return new PaymentInput(PaymentInput.Bills.NONE, List.of(new FeeItem.Line(item, quantity)), cash, List.of(),
                List.of(), Money.ZERO, false, List.of());
    }

    private String refused(Runnable action) {
        BusinessException e = catchThrowableOfType(BusinessException.class, action::run);
        assertThat(e).as("refused").isNotNull();
        return e.key();
    }

    @Test
    void aMadeUpNegativeFeeDoesNotPayCashOut() {
        FeeItem cashOut = new FeeItem("CASH_OUT", "退现金", Money.ofYuan(-1_000));

        assertThat(refused(() -> desk.payments().collect(wang, ordinary, fee(cashOut, 1, Money.ZERO))))
                .isEqualTo("payment.fee.notInCatalogue");
        assertThat(refused(() -> desk.payments().quote(wang, ordinary, fee(cashOut, 1, Money.ZERO))))
                .isEqualTo("payment.fee.notInCatalogue");
        assertThat(payments()).isZero();
    }

    @Test
    void aCatalogueItemIsChargedAtTheCataloguePriceOnly() {
        FeeItem cheap = new FeeItem("DISMANTLING", "拆表费", Money.ofFen(1));
        assertThat(refused(() -> desk.payments().collect(wang, ordinary, fee(cheap, 1, Money.ofYuan(20)))))
                .isEqualTo("payment.fee.priceNotCatalogue");
        assertThat(payments()).isZero();

        FeeItem listed = desk.payments().feeCatalogue().stream().filter(f -> f.code().equals("DISMANTLING"))
                .findFirst().orElseThrow();
        PaymentResult paid = desk.payments().collect(wang, ordinary, fee(listed, 1, Money.ofYuan(20)));
        assertThat(paid.plan().totalDue()).isEqualTo(Money.ofYuan(20));
    }

    @Test
    void gasIsPaidBackOnlyByTheTopUpsReversal() {
        FeeItem gasBack = FeeItem.gasTier(1, "退气", Money.ofFen(-300));
        assertThat(refused(() -> desk.payments().quote(wang, ic, fee(gasBack, 10, Money.ZERO))))
                .isEqualTo("payment.fee.gasOnlyTopUp");
        assertThat(refused(() -> desk.payments().collect(wang, ic, fee(gasBack, 10, Money.ZERO))))
                .isEqualTo("payment.fee.gasOnlyTopUp");
        assertThat(payments()).isZero();
    }

    /** What a refused payment must leave as it was: payments, lines, till postings, journal. */
    private String state() {
        return id("SELECT COUNT(*) FROM payment") + "/" + id("SELECT COUNT(*) FROM payment_line") + "/"
                + id("SELECT COUNT(*) FROM till_posting") + "/" + id("SELECT COUNT(*) FROM journal");
    }

    private FeeItem listed(String code) {
        return desk.payments().feeCatalogue().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void gasIsSoldOnlyToIcCardAccounts() {
        FeeItem gas = FeeItem.gasTier(1, "第一档 3.00 元/m³", Money.ofYuan(3));
        String before = state();

        BusinessException collect = catchThrowableOfType(BusinessException.class,
                () -> desk.payments().collect(wang, ordinary, fee(gas, 10, Money.ofYuan(30))));
        assertThat(collect).as("refused").isNotNull();
        assertThat(collect.key()).isEqualTo("payment.fee.gasOnlyIc");
        assertThat(collect.getMessage()).isEqualTo("只有 IC 卡表用户可以购气");
        assertThat(refused(() -> desk.payments().quote(wang, ordinary, fee(gas, 10, Money.ofYuan(30)))))
                .isEqualTo("payment.fee.gasOnlyIc");
        // mixed with a fee item that alone would be taken: the whole payment is refused
        assertThat(refused(() -> desk.payments().collect(wang, ordinary, new PaymentInput(PaymentInput.Bills.NONE,
                List.of(new FeeItem.Line(listed("DISMANTLING"), 1), new FeeItem.Line(gas, 1)), Money.ofYuan(30), List.of(),
                List.of(), Money.ZERO, false, List.of())))).isEqualTo("payment.fee.gasOnlyIc");
        assertThat(state()).isEqualTo(before);

        // on an IC-card account the same gas line is priced (the top-up's own preview and purchase)
        assertThat(desk.payments().quote(wang, ic, fee(gas, 10, Money.ofYuan(30))).totalDue()).isEqualTo(Money.ofYuan(30));
    }

    @Test
    void theMeterTestDepositIsPaidBackOnlyWhenTheAccountHoldsIt() {
        FeeItem refund = listed("METER_TEST_REFUND");
        String before = state();

        BusinessException none = catchThrowableOfType(BusinessException.class,
                () -> desk.payments().collect(wang, ordinary, fee(refund, 1, Money.ZERO)));
        assertThat(none).as("refused").isNotNull();
        assertThat(none.key()).isEqualTo("payment.fee.depositNotHeld");
        assertThat(none.getMessage()).isEqualTo("表具检测押金退还只能退还本户已交且未退的押金，本户现有该押金 ¥0.00，请核对押金收据");
        assertThat(refused(() -> desk.payments().quote(wang, ordinary, fee(refund, 1, Money.ZERO))))
                .isEqualTo("payment.fee.depositNotHeld");
        assertThat(state()).isEqualTo(before);

        // the deposit paid in: it is paid back once, and only once
        desk.payments().collect(wang, ordinary, fee(listed("METER_TEST_DEPOSIT"), 1, Money.ofYuan(300)));
        assertThat(refused(() -> desk.payments().collect(wang, ordinary, fee(refund, 2, Money.ZERO))))
                .isEqualTo("payment.fee.depositNotHeld");
        PaymentResult paidBack = desk.payments().collect(wang, ordinary, fee(refund, 1, Money.ZERO));
        assertThat(paidBack.plan().totalDue()).isEqualTo(Money.ofYuan(-300));
        String afterRefund = state();
        assertThat(refused(() -> desk.payments().collect(wang, ordinary, fee(refund, 1, Money.ZERO))))
                .isEqualTo("payment.fee.depositNotHeld");
        assertThat(state()).isEqualTo(afterRefund);
        // another account's deposit does not count for this one
        assertThat(refused(() -> desk.payments().collect(wang, ic, fee(refund, 1, Money.ZERO))))
                .isEqualTo("payment.fee.depositNotHeld");
    }

    @Test
    void typedAmountsStayWithinTheCounterMaximum() {
        FeeItem listed = desk.payments().feeCatalogue().stream().filter(f -> f.code().equals("DISMANTLING"))
                .findFirst().orElseThrow();
        for (Money cash : List.of(Money.ofYuan(100_001), Money.ofFen(Long.MAX_VALUE), Money.ofFen(Long.MIN_VALUE))) {
            assertThat(refused(() -> desk.payments().collect(wang, ordinary, fee(listed, 1, cash))))
                    .isEqualTo("shared.amount.tooLarge");
        }
        assertThat(refused(() -> desk.payments().quote(wang, ordinary, fee(listed, 100_000, Money.ofYuan(20)))))
                .isEqualTo("shared.quantity.range");
        desk.database().inTransaction(tx -> tx.handle()
                .execute("UPDATE setting SET val = '50000' WHERE name = 'counter.max.fen'"));
        assertThat(refused(() -> desk.payments().collect(wang, ordinary, fee(listed, 1, Money.ofYuan(600)))))
                .isEqualTo("shared.amount.tooLarge");
        assertThat(payments()).isZero();
    }

    @Test
    void aBankSlipIsTheSameSlipWhateverTheCase() {
        FeeItem listed = desk.payments().feeCatalogue().stream().filter(f -> f.code().equals("DISMANTLING"))
                .findFirst().orElseThrow();
        PaymentInput lower = new PaymentInput(PaymentInput.Bills.NONE, List.of(new FeeItem.Line(listed, 1)), Money.ZERO,
                List.of(new MoneyTender(TenderKind.BANK_SLIP, Money.ofYuan(20), "js2025ab")), List.of(), Money.ZERO,
                false, List.of());
        desk.payments().collect(wang, ordinary, lower);
        PaymentInput upper = new PaymentInput(PaymentInput.Bills.NONE, List.of(new FeeItem.Line(listed, 1)), Money.ZERO,
                List.of(new MoneyTender(TenderKind.BANK_SLIP, Money.ofYuan(20), "JS2025AB")), List.of(), Money.ZERO,
                false, List.of());

        assertThat(refused(() -> desk.payments().collect(wang, ordinary, upper))).isEqualTo("payment.slip.used");
        assertThat(id("SELECT COUNT(*) FROM bank_slip WHERE slip_no = 'JS2025AB'")).isEqualTo(1);
    }

    @Test
    void namesAndAddressesRefuseControlBidiAndInvisibleText() {
        for (String name : new String[] {"王\u202E伟", "王\u0007伟", "\u200B\u200B", "\u2066王伟\u2069", "长".repeat(101)}) {
            assertThat(catchThrowableOfType(BusinessException.class,
                    () -> new Holder(name, IdType.PASSPORT, "E12345678", "13912345678"))).as(name).isNotNull();
        }
        assertThat(new Holder(" 王伟 ", IdType.PASSPORT, "E12345678", "13912345678").name()).isEqualTo("王伟");
        assertThat(catchThrowableOfType(BusinessException.class,
                () -> new Address("西湖区", "文一路\r\n", "翠苑小区", "12", "1", "1201"))).isNotNull();
        assertThat(catchThrowableOfType(BusinessException.class,
                () -> new Address("西湖区", "文一路", "翠苑小区", "12345678901", "1", "1201")).key())
                .isEqualTo("shared.text.tooLong");
    }
}
