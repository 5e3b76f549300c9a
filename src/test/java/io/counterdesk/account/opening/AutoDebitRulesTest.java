package io.counterdesk.account.opening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.account.AccountKind;
import io.counterdesk.account.AccountStatus;
import io.counterdesk.account.opening.AutoDebitRules.Action;
import io.counterdesk.account.opening.AutoDebitRules.Enrolled;
import io.counterdesk.shared.BusinessException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The papers and refusals of changing or cancelling a bank auto-debit. */
class AutoDebitRulesTest {

    private static final BankDebit NEW = new BankDebit(Bank.CCB, true, Applications.BANK_CARD, "李明");
    private static final Enrolled OLD = new Enrolled(Bank.ICBC, "6222020000123456789", "李明");

    private static Set<Document> docs(String names) {
        return names.isBlank() ? EnumSet.noneOf(Document.class) : Arrays.stream(names.split(" "))
                .map(Document::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Document.class)));
    }

    @ParameterizedTest
    @CsvSource({
            "RESIDENTIAL,     CHANGE, HOLDER_ID BANK_CARD",
            "RESIDENTIAL,     CANCEL, HOLDER_ID",
            "NON_RESIDENTIAL, CHANGE, BUSINESS_LICENCE BANK_CARD",
            "NON_RESIDENTIAL, CANCEL, BUSINESS_LICENCE",
    })
    void theRequiredPapersFollowTheAccountKindAndTheAction(AccountKind kind, Action action, String expected) {
        assertThat(AutoDebitRules.required(kind, action)).containsExactlyInAnyOrderElementsOf(docs(expected));
    }

    @ParameterizedTest
    @CsvSource({
            "RESIDENTIAL,     CHANGE, '',                          HOLDER_ID BANK_CARD",
            "RESIDENTIAL,     CHANGE, HOLDER_ID,                   BANK_CARD",
            "RESIDENTIAL,     CHANGE, BANK_CARD PROXY_ID,          HOLDER_ID",
            "RESIDENTIAL,     CHANGE, HOLDER_ID BANK_CARD,         ''",
            "RESIDENTIAL,     CANCEL, BANK_CARD,                   HOLDER_ID",
            "RESIDENTIAL,     CANCEL, HOLDER_ID,                   ''",
            "NON_RESIDENTIAL, CHANGE, HOLDER_ID BANK_CARD,         BUSINESS_LICENCE",
            "NON_RESIDENTIAL, CANCEL, BUSINESS_LICENCE,            ''",
    })
    void missingPapersAreThoseRequiredAndNotTicked(AccountKind kind, Action action, String ticked, String missing) {
        assertThat(AutoDebitRules.missing(kind, action, docs(ticked))).containsExactlyElementsOf(docs(missing));
    }

    @ParameterizedTest
    @CsvSource({
            "CLOSED,    CHANGE, true,  户号 3300000001 已销户，不能办理银行代扣",
            "CLOSED,    CANCEL, true,  户号 3300000001 已销户，不能办理银行代扣",
            "ACTIVE,    CANCEL, false, 户号 3300000001 没有办理银行代扣，无需取消",
            "SUSPENDED, CHANGE, true,  ''",
            "ACTIVE,    CHANGE, false, ''",
            "ACTIVE,    CANCEL, true,  ''",
    })
    void closedAccountsAreRefusedAndOnlyAnEnrolmentCanBeCancelled(AccountStatus status, Action action,
                                                                   boolean enrolled, String refusal) {
        Set<Document> all = EnumSet.of(Document.HOLDER_ID, Document.BANK_CARD);
        BankDebit proposed = action == Action.CHANGE ? NEW : null;
        if (refusal.isEmpty()) {
            assertThatCode(() -> AutoDebitRules.check("3300000001", AccountKind.RESIDENTIAL, status, action, all,
                    enrolled ? OLD : null, proposed)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> AutoDebitRules.check("3300000001", AccountKind.RESIDENTIAL, status, action, all,
                    enrolled ? OLD : null, proposed)).isInstanceOf(BusinessException.class).hasMessage(refusal);
        }
    }

    @Test
    void aChangeToTheSameBankAndAccountIsRefusedButAnotherBankWithTheSameNumberIsAChange() {
        Enrolled same = new Enrolled(Bank.CCB, NEW.accountNumber(), "李明");
        Set<Document> all = EnumSet.of(Document.HOLDER_ID, Document.BANK_CARD);
        assertThatThrownBy(() -> AutoDebitRules.check("3300000001", AccountKind.RESIDENTIAL, AccountStatus.ACTIVE,
                Action.CHANGE, all, same, NEW)).hasMessage("新的代扣银行和账号与现在的相同，无需变更");
        assertThatCode(() -> AutoDebitRules.check("3300000001", AccountKind.RESIDENTIAL, AccountStatus.ACTIVE,
                Action.CHANGE, all, new Enrolled(Bank.ICBC, NEW.accountNumber(), "李明"), NEW))
                .doesNotThrowAnyException();
    }

    @Test
    void missingPapersAreNamedInTheRefusal() {
        assertThatThrownBy(() -> AutoDebitRules.check("3300000001", AccountKind.RESIDENTIAL, AccountStatus.ACTIVE,
                Action.CHANGE, EnumSet.of(Document.HOLDER_ID), OLD, NEW))
                .hasMessage("还缺以下资料，未勾选前不能办理：银行卡及卡主身份证复印件");
    }
}
