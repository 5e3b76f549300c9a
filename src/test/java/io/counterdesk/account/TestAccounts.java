package io.counterdesk.account;

import java.time.LocalDate;

/** The residential account the payment and card tests work with: 3300000001, 王建国, 幸福小区 3-2-501. */
public final class TestAccounts {

    public static final String ACCOUNT_NO = "3300000001";

    private TestAccounts() {
    }

    public static NewAccount residential(MeterKind meterKind, String meterNo) {
        return new NewAccount(ACCOUNT_NO, AccountKind.RESIDENTIAL, null, meterKind, meterNo, null,
                new Address("西湖区", "文三路", "幸福小区", "3", "2", "501"),
                new Holder("王建国", IdType.RESIDENT_ID, "11010519491231002X", "13812345678"), LocalDate.of(2020, 1, 1));
    }
}
