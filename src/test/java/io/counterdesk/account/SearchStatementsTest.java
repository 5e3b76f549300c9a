package io.counterdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.persistence.Tx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partial search runs the same statement texts whatever it finds (issue 15 §3, ADR 0030): a statement
 * text not seen before is parsed by Jdbi and by H2 — in a freshly started JVM about 5 ms of the cashier's
 * first search, after the warm-up, when the accounts found were read with {@code IN (?, ?, …)}, one text per
 * number of results.
 */
class SearchStatementsTest {

    @TempDir
    static Path directory;
    static SearchDatabase db;

    @BeforeAll
    static void accounts() {
        db = new SearchDatabase(directory);
        List<NewAccount> accounts = new ArrayList<>();
        int n = 0;
        // building b holds b accounts: a search for "幸福小区b幢" finds b of them (b幢 also in 1b幢: fewer than 10 buildings)
        for (int building = 1; building <= 9; building++) {
            for (int i = 0; i < building; i++, n++) {
                accounts.add(SearchDatabase.residential(String.format("57%08d", n), "赵" + "建国华芳伟明丽强秀".charAt(i),
                        String.format("33010619800101%03d", n), String.format("1390000%04d", n), "S" + n,
                        new Address("西湖区", "文三路", "幸福小区", Integer.toString(building), "1", "10" + (i + 1))));
            }
        }
        db.insertAll(accounts);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void searchesFindingAnyNumberOfAccountsRunTheSameStatementTexts() {
        Set<Integer> counts = new TreeSet<>();
        Set<String> first = null;
        Set<String> all = new LinkedHashSet<>();
        for (int building = 1; building <= 9; building++) {
            Set<String> texts = new LinkedHashSet<>();
            String query = "幸福小区" + building + "幢";
            List<AccountSummary> found = db.database.read((Tx tx) -> {
                tx.handle().getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() {
                    @Override
                    public void logBeforeExecution(StatementContext context) {
                        texts.add(context.getRenderedSql());
                    }
                });
                return db.repository.findByText(tx, query, AccountService.DEFAULT_LIMIT);
            });
            assertThat(found).as(query).hasSize(building);
            counts.add(found.size());
            if (first == null) {
                first = texts;
            }
            assertThat(texts).as("statements of '%s' (%d found) against those of '幸福小区1幢' (1 found)", query, found.size())
                    .isEqualTo(first);
            all.addAll(texts);
        }
        assertThat(counts).hasSize(9);
        assertThat(all).contains(AccountRepository.SUMMARIES_BY_ID);
    }

    @Test
    void theAccountsFoundAreReadByTheirPrimaryKey() {
        String plan = db.database.read((Tx tx) -> tx.handle()
                .createQuery("EXPLAIN " + AccountRepository.SUMMARIES_BY_ID.replace(":ids", "ARRAY[1, 2, 3]"))
                .mapTo(String.class).one());
        assertThat(plan).contains("PRIMARY_KEY").doesNotContain("tableScan");
    }
}
