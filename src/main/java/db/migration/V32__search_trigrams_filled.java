package db.migration;

import io.counterdesk.account.AccountRepository;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills the three-character search index (V31, ADR 0020) for the accounts of a database made before
 * it: without it a query of three or more characters would find none of them. Runs once, in Flyway's
 * transaction, after the backup taken before an upgrade.
 */
public final class V32__search_trigrams_filled extends BaseJavaMigration {

    @Override
    public void migrate(Context context) {
        AccountRepository.fillTrigramIndex(context.getConnection());
    }
}
