package io.counterdesk.account.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.account.status.AccountStatusService;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.opening.Applications;
import io.counterdesk.account.opening.BuildingType;
import io.counterdesk.account.opening.GasPurpose;
import io.counterdesk.account.opening.OpeningDesk;
import io.counterdesk.account.opening.OpeningResult;
import io.counterdesk.account.opening.UnitNature;
import io.counterdesk.billing.LateFeeRule;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.security.ApprovalGrant;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Moving credit and deposits between two boiler accounts of one school on a real H2 file: both
 * figures change together, closure pays back what each account holds after the move, refusals write
 * nothing.
 */
class BalanceMoveServiceTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private OpeningDesk desk;
    private BalanceMoveService moves;
    private AccountStatusService status;
    private OpeningResult first;
    private OpeningResult second;
    private OpeningResult household;

    @BeforeEach
    void setUp() {
        desk = new OpeningDesk(db);
        ApprovalRecorder approvals = new ApprovalRecorder(db.journal());
        moves = new BalanceMoveService(db.database(), db.journal(), approvals);
        status = new AccountStatusService(db.database(), db.journal(), db.terminal(), approvals, desk.payments,
                LateFeeRule.DEFAULT);
        first = desk.openings.open(desk.cashier, Applications.business(GasPurpose.BOILER, UnitNature.SCHOOL, "2",
                "8600000001"), PaymentInput.cash(Money.ofYuan(1340)), desk.card, null);
        second = desk.openings.open(desk.cashier, Applications.business(GasPurpose.BOILER, UnitNature.SCHOOL, "2",
                "8600000002"), PaymentInput.cash(Money.ofYuan(1340)), desk.card, null);
        household = desk.openings.open(desk.cashier, Applications.household(BuildingType.HIGH_RISE,
                MeterKind.ORDINARY, "8600000003"), PaymentInput.cash(Money.ofYuan(2850)), desk.card, null);
    }

    @AfterEach
    void tearDown() {
        desk.close();
    }

    private ApprovalGrant managerApproves() {
        return db.auth().authoriseApprover(desk.cashier, "2001", "demo2001".toCharArray());
    }

    private Money credit(long id) {
        return Money.ofFen(db.queryLong("SELECT credit_fen FROM account WHERE id = " + id));
    }

    private Money depositColumn(long id) {
        return Money.ofFen(db.queryLong("SELECT deposit_fen FROM account WHERE id = " + id));
    }

    private Money refund(long id) {
        return status.closureQuote(desk.cashier, id).refund().total();
    }

    @Test
    void aDepositMovedCountsAsARefundOnOneAccountAndADepositOnTheOther() {
        assertThat(moves.holdings(desk.cashier, first.accountId()).deposits()).singleElement()
                .satisfies(h -> assertThat(h).isEqualTo(new BalanceMoveService.Holding("GAS_DEPOSIT", "气费押金",
                        Money.ofYuan(1000))));

        BalanceMoveService.Move move = moves.move(desk.cashier, first.accountId(), second.accountNo(), "GAS_DEPOSIT",
                Money.ofYuan(400), "锅炉合并计量", managerApproves());

        assertThat(move.what()).isEqualTo("气费押金");
        assertThat(moves.holdings(desk.cashier, first.accountId()).deposits()).singleElement()
                .extracting(BalanceMoveService.Holding::amount).isEqualTo(Money.ofYuan(600));
        assertThat(moves.holdings(desk.cashier, second.accountId()).deposits()).singleElement()
                .extracting(BalanceMoveService.Holding::amount).isEqualTo(Money.ofYuan(1400));
        assertThat(refund(first.accountId())).isEqualTo(Money.ofYuan(600));
        assertThat(refund(second.accountId())).isEqualTo(Money.ofYuan(1400));
        assertThat(depositColumn(first.accountId())).isEqualTo(Money.ofYuan(600));
        assertThat(depositColumn(second.accountId())).isEqualTo(Money.ofYuan(1400));
        assertThat(db.events("BALANCE_MOVED")).singleElement().satisfies(e -> assertThat(e.payload())
                .contains("\"kind\":\"DEPOSIT\"", "\"deposit\":\"GAS_DEPOSIT\"", "\"amountFen\":40000"));
        assertThat(db.queryLong("SELECT COUNT(*) FROM approval WHERE action = 'MOVE_BALANCE'")).isOne();
        assertThat(db.queryLong("SELECT COUNT(*) FROM payment")).isEqualTo(3);

        // the rest moves too; closing the first then pays nothing back
        moves.move(desk.cashier, first.accountId(), second.accountNo(), "GAS_DEPOSIT", Money.ofYuan(600), "合并",
                managerApproves());
        assertThat(moves.holdings(desk.cashier, first.accountId()).deposits()).isEmpty();
        assertThat(refund(first.accountId())).isEqualTo(Money.ZERO);
        assertThat(refund(second.accountId())).isEqualTo(Money.ofYuan(2000));
        assertThat(db.verifyChain().isIntact()).isTrue();
    }

    @Test
    void creditMovesBetweenTheTwoAccountsTogether() {
        db.execute("UPDATE account SET credit_fen = 5000 WHERE id = " + first.accountId());
        moves.move(desk.cashier, first.accountId(), " " + second.accountNo() + " ", null, Money.parse("30.00"),
                "预存款转到另一户", managerApproves());
        assertThat(credit(first.accountId())).isEqualTo(Money.parse("20.00"));
        assertThat(credit(second.accountId())).isEqualTo(Money.parse("30.00"));
        assertThat(refund(second.accountId())).isEqualTo(Money.parse("1030.00"));
        assertThat(db.queryLong("SELECT COUNT(*) FROM balance_move WHERE kind = 'CREDIT' AND amount_fen = 3000"))
                .isOne();
    }

    @Test
    void refusalsSayWhyInChineseAndWriteNothing() {
        db.execute("UPDATE account SET credit_fen = 5000 WHERE id = " + first.accountId());
        long from = first.accountId();
        refused(() -> moves.move(desk.cashier, from, household.accountNo(), null, Money.ofYuan(10), "x",
                managerApproves()), "户号 " + first.accountNo() + " 和 " + household.accountNo()
                + " 的户主不是同一人（证件号码不同），不能转移");
        refused(() -> moves.move(desk.cashier, from, second.accountNo(), null, Money.ofYuan(51), "x",
                managerApproves()), "转移金额 ¥51.00 超过户号 " + first.accountNo() + " 的预存余额 ¥50.00");
        refused(() -> moves.move(desk.cashier, from, second.accountNo(), "GAS_DEPOSIT", Money.ofYuan(1001), "x",
                managerApproves()), "转移金额 ¥1,001.00 超过户号 " + first.accountNo() + " 的气费押金 ¥1,000.00");
        refused(() -> moves.move(desk.cashier, from, second.accountNo(), "METER_TEST_DEPOSIT", Money.ofYuan(1), "x",
                managerApproves()), "转移金额 ¥1.00 超过户号 " + first.accountNo() + " 的表具检测押金 ¥0.00");
        refused(() -> moves.move(desk.cashier, from, first.accountNo(), null, Money.ofYuan(1), "x",
                managerApproves()), "转出和转入是同一个户号");
        refused(() -> moves.move(desk.cashier, from, second.accountNo(), null, Money.ZERO, "x",
                managerApproves()), "请输入大于零的转移金额");
        refused(() -> moves.move(desk.cashier, from, second.accountNo(), null, Money.ofYuan(1), " ",
                managerApproves()), "请填写转移原因");
        assertThatThrownBy(() -> moves.move(desk.cashier, from, second.accountNo(), null, Money.ofYuan(1), "x", null))
                .isInstanceOf(BusinessException.class);
        db.execute("UPDATE account SET status = 'CLOSED' WHERE id = " + second.accountId());
        refused(() -> moves.check(desk.cashier, from, second.accountNo(), null, Money.ofYuan(1)),
                "户号 " + second.accountNo() + " 已销户，不能转移余额或押金");

        assertThat(credit(from)).isEqualTo(Money.ofYuan(50));
        assertThat(credit(second.accountId())).isEqualTo(Money.ZERO);
        assertThat(db.queryLong("SELECT COUNT(*) FROM balance_move")).isZero();
        assertThat(db.queryLong("SELECT COUNT(*) FROM approval WHERE action = 'MOVE_BALANCE'")).isZero();
        assertThat(db.events("BALANCE_MOVED")).isEmpty();
    }

    private static void refused(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(BusinessException.class).hasMessage(message);
    }
}
