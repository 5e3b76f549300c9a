package io.counterdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.result.ResultIterator;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool of physical connections and the prepared statements kept on each (ADR 0009). */
class ConnectionPoolTest {

    @TempDir
    Path dir;

    private ConnectionPool pool;
    private Jdbi jdbi;

    @BeforeEach
    void open() {
        pool = new ConnectionPool("jdbc:h2:file:" + dir.resolve("pool") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                "sa", 2, 4, 500);
        jdbi = Jdbi.create(pool).setStatementBuilderFactory(pool);
        jdbi.useHandle(h -> {
            h.execute("CREATE TABLE t(id BIGINT AUTO_INCREMENT PRIMARY KEY, v INT NOT NULL)");
            h.execute("INSERT INTO t(v) VALUES (1), (2), (3)");
        });
    }

    @AfterEach
    void close() {
        pool.dispose();
    }

    /** Records the JDBC statement Jdbi was given for each statement it ran. */
    private static final class Seen implements StatementCustomizer {
        final List<PreparedStatement> statements = new ArrayList<>();

        @Override
        public void beforeExecution(PreparedStatement stmt, StatementContext ctx) {
            statements.add(stmt);
        }
    }

    @Test
    void aStatementIsPreparedOnceAndReusedByLaterTransactionsOnTheSameConnection() throws Exception {
        Seen seen = new Seen();
        for (int i = 1; i <= 3; i++) {
            int v = i;
            int found = jdbi.inTransaction(h -> h.createQuery("SELECT v FROM t WHERE v = :v FOR UPDATE")
                    .bind("v", v).addCustomizer(seen).mapTo(Integer.class).one());
            assertThat(found).isEqualTo(i);
        }

        assertThat(seen.statements).hasSize(3);
        assertThat(seen.statements.get(1)).isSameAs(seen.statements.get(0));
        assertThat(seen.statements.get(2)).isSameAs(seen.statements.get(0));
        assertThat(pool.openConnections()).isEqualTo(1);
        jdbi.useHandle(h -> {
            StatementCache cache = pool.cacheOf(h.getConnection());
            assertThat(cache.reused()).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void parametersOfTheLastUseDoNotLeakIntoTheNext() throws Exception {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO t(v) VALUES (:v)").bind("v", 10).execute());

        assertThatThrownBy(() -> jdbi.useHandle(h -> h.createUpdate("INSERT INTO t(v) VALUES (:v)")
                .addCustomizer(new StatementCustomizer() {
                    @Override
                    public void beforeBinding(PreparedStatement stmt, StatementContext ctx) throws SQLException {
                        stmt.execute(); // nothing bound yet: the 10 of the last use must be gone
                    }
                }).bind("v", 11).execute()))
                .hasRootCauseInstanceOf(SQLException.class);
        assertThat(count("SELECT COUNT(*) FROM t WHERE v = 10")).isEqualTo(1);
    }

    @Test
    void theSameSqlWhileItsResultSetIsStillOpenGetsItsOwnStatement() throws Exception {
        jdbi.useHandle(h -> {
            int cachedBefore = pool.cacheOf(h.getConnection()).size();
            String sql = "SELECT v FROM t WHERE v >= :min ORDER BY v";
            List<String> pairs = new ArrayList<>();
            try (ResultIterator<Integer> outer = h.createQuery(sql).bind("min", 1).mapTo(Integer.class).iterator()) {
                while (outer.hasNext()) {
                    int v = outer.next();
                    List<Integer> inner = h.createQuery(sql).bind("min", 3).mapTo(Integer.class).list();
                    pairs.add(v + ":" + inner);
                }
            }
            assertThat(pairs).containsExactly("1:[3]", "2:[3]", "3:[3]");
            // the nested statements were closed after use; the cached one is free again and is reused
            assertThat(h.createQuery(sql).bind("min", 2).mapTo(Integer.class).list()).containsExactly(2, 3);
            assertThat(pool.cacheOf(h.getConnection()).size()).isEqualTo(cachedBefore + 1);
        });
    }

    @Test
    void generatedKeysAndPlainStatementsOfTheSameSqlAreKeptApart() throws Exception {
        jdbi.useHandle(h -> {
            String sql = "INSERT INTO t(v) VALUES (:v)";
            long id = h.createUpdate(sql).bind("v", 20).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            int rows = h.createUpdate(sql).bind("v", 21).execute();
            long id2 = h.createUpdate(sql).bind("v", 22).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();

            assertThat(rows).isEqualTo(1);
            assertThat(id2).isEqualTo(id + 2);
        });
    }

    @Test
    void batchesStartEmptyOnReuse() throws Exception {
        for (int round = 0; round < 2; round++) {
            int base = 100 * (round + 1);
            jdbi.useTransaction(h -> {
                var batch = h.prepareBatch("INSERT INTO t(v) VALUES (:v)");
                batch.bind("v", base).add();
                batch.bind("v", base + 1).add();
                assertThat(batch.execute()).containsExactly(1, 1);
            });
        }
        assertThat(count("SELECT COUNT(*) FROM t WHERE v >= 100")).isEqualTo(4);
    }

    @Test
    void beyondItsCapacityTheLeastRecentlyUsedStatementsAreClosed() throws Exception {
        jdbi.useHandle(h -> {
            Seen seen = new Seen();
            for (int i = 0; i < 6; i++) {
                h.createQuery("SELECT " + i + " FROM t WHERE v = :v").bind("v", 1).addCustomizer(seen)
                        .mapTo(Integer.class).one();
            }
            StatementCache cache = pool.cacheOf(h.getConnection());
            assertThat(cache.size()).isEqualTo(4);
            assertThat(isClosed(seen.statements.get(0))).isTrue();
            assertThat(isClosed(seen.statements.get(5))).isFalse();
        });
    }

    @Test
    void aConnectionIsReturnedRolledBackInAutoCommitAndWritable() throws Exception {
        Connection first = pool.openConnection();
        first.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE); // (H2 commits when this changes)
        first.setAutoCommit(false);
        try (var insert = first.createStatement()) {
            insert.executeUpdate("INSERT INTO t(v) VALUES (99)");
        }
        first.setReadOnly(true);
        pool.closeConnection(first);

        jdbi.useHandle(h -> {
            Connection c = h.getConnection();
            assertThat(c).isSameAs(first);
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(c.isReadOnly()).isFalse();
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
            assertThat(h.createQuery("SELECT COUNT(*) FROM t WHERE v = 99").mapTo(Long.class).one()).isZero();
        });
    }

    @Test
    void aConnectionClosedWhileInUseIsDroppedWithItsStatementsAndReplaced() throws Exception {
        AtomicReference<Connection> broken = new AtomicReference<>();
        AtomicReference<PreparedStatement> cached = new AtomicReference<>();
        jdbi.useHandle(h -> {
            Seen seen = new Seen();
            h.createQuery("SELECT COUNT(*) FROM t").addCustomizer(seen).mapTo(Long.class).one();
            cached.set(seen.statements.get(0));
            broken.set(h.getConnection());
            h.getConnection().close();
        });

        assertThat(pool.openConnections()).isZero();
        assertThat(isClosed(cached.get())).isTrue();
        jdbi.useHandle(h -> {
            assertThat(h.getConnection()).isNotSameAs(broken.get());
            assertThat(h.createQuery("SELECT COUNT(*) FROM t").mapTo(Long.class).one()).isEqualTo(3);
        });
        assertThat(pool.openConnections()).isEqualTo(1);
    }

    @Test
    void aCachedStatementClosedBehindTheCachesBackIsPreparedAgain() throws Exception {
        jdbi.useHandle(h -> {
            Seen seen = new Seen();
            h.createQuery("SELECT COUNT(*) FROM t").addCustomizer(seen).mapTo(Long.class).one();
            seen.statements.get(0).close();
            assertThat(h.createQuery("SELECT COUNT(*) FROM t").addCustomizer(seen).mapTo(Long.class).one()).isEqualTo(3);
            assertThat(seen.statements.get(1)).isNotSameAs(seen.statements.get(0));
        });
    }

    @Test
    void aStatementFailingInH2LeavesTheCacheUsable() {
        jdbi.useHandle(h -> {
            assertThatThrownBy(() -> h.createUpdate("INSERT INTO t(id, v) VALUES (:id, 1)").bind("id", 1).execute())
                    .hasRootCauseInstanceOf(SQLException.class);
            assertThat(h.createUpdate("INSERT INTO t(id, v) VALUES (:id, 1)").bind("id", 50).execute()).isEqualTo(1);
        });
    }

    @Test
    void checkoutsBeyondTheLimitWaitAndThenFail() throws Exception {
        try (Handle a = jdbi.open(); Handle b = jdbi.open()) {
            assertThat(a.getConnection()).isNotSameAs(b.getConnection());
            assertThatThrownBy(jdbi::open).hasRootCauseInstanceOf(SQLTransientConnectionException.class);
        }
        assertThat(count("SELECT COUNT(*) FROM t")).isEqualTo(3);
    }

    @Test
    void afterDisposeNoConnectionIsHandedOutAndReturnedOnesAreClosed() throws Exception {
        Handle inUse = jdbi.open();
        Connection c = inUse.getConnection();
        pool.dispose();

        assertThatThrownBy(jdbi::open).hasRootCauseInstanceOf(SQLTransientConnectionException.class);
        inUse.close();
        assertThat(isClosed(c)).isTrue();
        assertThat(pool.openConnections()).isZero();
    }

    private long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static boolean isClosed(java.sql.Statement s) {
        try {
            return s.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static boolean isClosed(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
