package io.counterdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.account.AccountKind;
import io.counterdesk.shared.Money;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LateFeeRuleTest {

    private final LateFeeRule rule = LateFeeRule.DEFAULT;

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(textBlock = """
            0.00, 0.00
            0.01, 0.00
            0.49, 0.00
            0.50, 0.50
            0.51, 0.50
            0.99, 0.50
            1.00, 1.00
            1.49, 1.00
            1.50, 1.50
            12.74, 12.50
            """)
    void roundsLateFeesDownInHalfYuanSteps(String exact, String charged) {
        assertThat(rule.round(Money.parse(exact))).isEqualTo(Money.parse(charged));
    }

    @ParameterizedTest(name = "March bill of {0} paid on {1}: {2} days, fee {3}")
    @CsvSource(textBlock = """
            # outstanding, pay day,    days, fee
            100.00,        2026-03-31, 0,    0.00
            100.00,        2026-04-01, 0,    0.00
            100.00,        2026-04-20, 0,    0.00
            100.00,        2026-04-21, 1,    0.00
            100.00,        2026-04-22, 2,    0.50
            100.00,        2026-04-23, 3,    0.50
            100.00,        2026-04-24, 4,    1.00
            166.67,        2026-04-21, 1,    0.50
            166.66,        2026-04-21, 1,    0.00
            200.00,        2026-05-20, 30,   18.00
            """)
    void chargesResidentialFeesFromThe21stOfTheNextMonth(String outstanding, LocalDate payDay, long days, String fee) {
        YearMonth march = YearMonth.of(2026, 3);
        LocalDate due = march.atEndOfMonth();
        assertThat(rule.chargedDays(AccountKind.RESIDENTIAL, march, due, null, payDay)).isEqualTo(days);
        assertThat(rule.fee(AccountKind.RESIDENTIAL, march, due, null, Money.parse(outstanding), payDay))
                .isEqualTo(Money.parse(fee));
    }

    @ParameterizedTest(name = "notice in {0}, paid {1}: {2} days")
    @CsvSource(textBlock = """
            2026-04, 2026-05-20, 0
            2026-04, 2026-05-21, 1
            2026-04, 2026-05-31, 11
            """)
    void bankDebitFailureChargesFromThe21stAfterTheNoticeMonth(String notice, LocalDate payDay, long days) {
        YearMonth march = YearMonth.of(2026, 3);
        assertThat(rule.chargedDays(AccountKind.RESIDENTIAL, march, march.atEndOfMonth(), YearMonth.parse(notice), payDay))
                .isEqualTo(days);
    }

    @ParameterizedTest(name = "due {0}, paid {1}: fee {2}")
    @CsvSource(textBlock = """
            2026-03-15, 2026-03-15, 0.00
            2026-03-15, 2026-03-16, 5.00
            2026-03-15, 2026-03-17, 10.00
            2026-03-15, 2026-03-31, 80.00
            """)
    void chargesNonResidentialFeesDailyAfterTheDueDate(LocalDate due, LocalDate payDay, String fee) {
        Money thousand = Money.ofYuan(1_000);
        assertThat(rule.fee(AccountKind.NON_RESIDENTIAL, YearMonth.from(due), due, null, thousand, payDay))
                .isEqualTo(Money.parse(fee));
    }

    @ParameterizedTest(name = "due {0}, on {1}: suspend={2}")
    @CsvSource(textBlock = """
            2026-03-15, 2026-03-30, false
            2026-03-15, 2026-03-31, true
            """)
    void suspendsNonResidentialSupplyAfterFifteenDaysOverdue(LocalDate due, LocalDate day, boolean suspend) {
        assertThat(rule.suspends(AccountKind.NON_RESIDENTIAL, due, Money.ofYuan(10), day)).isEqualTo(suspend);
        assertThat(rule.suspends(AccountKind.RESIDENTIAL, due, Money.ofYuan(10), day)).isFalse();
        assertThat(rule.suspends(AccountKind.NON_RESIDENTIAL, due, Money.ZERO, day)).isFalse();
    }
}
