package io.counterdesk.account.transfer;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.account.AccountStatus;
import io.counterdesk.account.Holder;
import io.counterdesk.account.IdType;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a credit balance or deposit may move between two accounts. */
class BalanceMoveRulesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "A | ACTIVE    | 11010519491231002X | B | ACTIVE    | 11010519491231002X | 50.00 | 50.00 | ''",
            "A | SUSPENDED | 11010519491231002X | B | ACTIVE    | 11010519491231002x | 50.00 | 0.01  | ''",
            "A | ACTIVE    | 11010519491231002X | B | SUSPENDED | 11010519491231002X | 50.00 | 10.00 | ''",
            "A | ACTIVE    | 11010519491231002X | A | ACTIVE    | 11010519491231002X | 50.00 | 10.00 | 转出和转入是同一个户号",
            "A | CLOSED    | 11010519491231002X | B | ACTIVE    | 11010519491231002X | 50.00 | 10.00 | 户号 A 已销户，不能转移余额或押金",
            "A | ACTIVE    | 11010519491231002X | B | CLOSED    | 11010519491231002X | 50.00 | 10.00 | 户号 B 已销户，不能转移余额或押金",
            "A | ACTIVE    | 11010519491231002X | B | ACTIVE    | 110105194912310011 | 50.00 | 10.00 | 户号 A 和 B 的户主不是同一人（证件号码不同），不能转移",
            "A | ACTIVE    | 11010519491231002X | B | ACTIVE    | 11010519491231002X | 50.00 | 0.00  | 请输入大于零的转移金额",
            "A | ACTIVE    | 11010519491231002X | B | ACTIVE    | 11010519491231002X | 50.00 | -1.00 | 请输入大于零的转移金额",
            "A | ACTIVE    | 11010519491231002X | B | ACTIVE    | 11010519491231002X | 50.00 | 50.01 | 转移金额 ¥50.01 超过户号 A 的预存余额 ¥50.00",
            "A | ACTIVE    | 11010519491231002X | B | ACTIVE    | 11010519491231002X | 0.00  | 0.01  | 转移金额 ¥0.01 超过户号 A 的预存余额 ¥0.00",
    })
    void moves(String fromNo, AccountStatus fromStatus, String fromId, String toNo, AccountStatus toStatus, String toId,
               String held, String amount, String refusal) {
        BalanceMoveRules.Side from = new BalanceMoveRules.Side(fromNo, fromStatus,
                new Holder("李明", IdType.RESIDENT_ID, fromId, "13900000000"));
        BalanceMoveRules.Side to = new BalanceMoveRules.Side(toNo, toStatus,
                new Holder("李明", IdType.RESIDENT_ID, toId, "13900000000"));
        if (refusal.isEmpty()) {
            assertThatCode(() -> BalanceMoveRules.check(from, to, "预存余额", Money.parse(held), Money.parse(amount)))
                    .doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> BalanceMoveRules.check(from, to, "预存余额", Money.parse(held),
                    Money.parse(amount))).isInstanceOf(BusinessException.class).hasMessage(refusal);
        }
    }
}
