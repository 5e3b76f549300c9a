package io.counterdesk.headoffice;

import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The acceptance rules on a real PostgreSQL (started by the test; skipped with the reason where it cannot run). */
class HeadOfficeIngestPostgresTest extends HeadOfficeIngestContract {

    static PostgresFixture pg;
    static int databases;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = PostgresFixture.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @Override
    HeadOfficeStore openStore() throws Exception {
        String name = "ho" + (++databases);
        try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), "")) {
            c.createStatement().execute("CREATE DATABASE " + name);
        }
        return HeadOfficeStore.open(pg.url().replace("/postgres", "/" + name), pg.user(), "");
    }
}
