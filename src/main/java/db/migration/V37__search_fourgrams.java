package db.migration;

import io.counterdesk.account.AccountRepository;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The four-character slices some account's name or address holds, as a set (ADR 0030): a query of four
 * or more characters with a slice no account holds ("元17幢" in the swapped "2单元17幢") finds nothing
 * without reading a block of the index. Kept by {@code SearchIndexRepository} in the transaction that
 * writes the account; filled here for the accounts already there. Runs once, in Flyway's transaction,
 * after the backup taken before an upgrade.
 */
public final class V37__search_fourgrams extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            // four code points, up to eight UTF-16 units (a name character outside the BMP is two)
            statement.execute("CREATE TABLE search_fourgram (gram VARCHAR(8) PRIMARY KEY)");
        }
        AccountRepository.fillFourgramIndex(context.getConnection());
    }
}
