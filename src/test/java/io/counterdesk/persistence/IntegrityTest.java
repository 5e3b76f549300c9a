package io.counterdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.app.demo.DemoData;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Role;
import io.counterdesk.shared.Money;
import io.counterdesk.till.TillService;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IntegrityTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @BeforeEach
    void fillAHall() {
        DemoData.loadAccounts(db.database(), 0, 5, LocalDate.of(2025, 3, 10));
        Operator cashier = db.addOperator("1001", "王伟", Role.CASHIER, "secret123");
        new TillService(db.database(), db.journal(), db.terminal()).open(cashier, Money.ofYuan(500));
    }

    private List<String> problems() {
        return db.database().read(Integrity::check);
    }

    @Test
    void consistentDatabaseHasNoProblems() {
        assertThat(problems()).isEmpty();
    }

    @Test
    void reportsAClosedTillThatStillHoldsItsOpenKey() {
        db.execute("UPDATE till_session SET status = 'CLOSED'");

        assertThat(problems()).containsExactly("open till sessions carry their open key, closed ones none: 1 rows do not");
    }

    @Test
    void reportsAnAccountWithoutACurrentHolder() {
        long accountId = db.queryLong("SELECT MIN(id) FROM account");
        db.execute("UPDATE holder_period SET valid_to = DATE '2025-01-01' WHERE account_id = " + accountId);

        assertThat(problems()).containsExactly("every account has exactly one current holder (a closed one none): 1 rows do not");
    }

    @Test
    void reportsAClosedAccountThatStillHasACurrentHolder() {
        db.execute("UPDATE account SET status = 'CLOSED' WHERE id = (SELECT MIN(id) FROM account)");

        assertThat(problems()).containsExactly("every account has exactly one current holder (a closed one none): 1 rows do not");
    }

    @Test
    void reportsAHolderNameThatDiffersFromTheCurrentHolderPeriod() {
        db.execute("UPDATE account SET holder_name = '冒名' WHERE id = (SELECT MIN(id) FROM account)");

        assertThat(problems()).containsExactly("the account's holder is its current holder period: 1 rows do not");
    }

    @Test
    void reportsAnAccountMissingFromTheSearchIndexAndOrphanIndexRows() {
        db.execute("DELETE FROM search_text WHERE account_id = (SELECT MIN(id) FROM account)");
        db.execute("INSERT INTO search_text(account_id, name_text, address_text) VALUES (999999, '幽灵', '无处')");

        assertThat(problems()).containsExactlyInAnyOrder(
                "every account is in the search index: 1 rows do not",
                "search index rows belong to accounts: 1 rows do not");
    }

    @Test
    void reportsAChainHeadThatDoesNotPointAtTheLastEvent() {
        db.database().inTransaction(tx -> db.journal().append(tx, "1001", "TEST", "s", Map.of()));
        db.execute("UPDATE journal_head SET last_seq = last_seq + 1");

        assertThat(problems()).containsExactly("the journal head points at the last event: 1 rows do not");
    }
}
