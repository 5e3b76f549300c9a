package io.counterdesk.persistence;

import java.util.ArrayList;
import java.util.List;

/**
 * Cross-table checks that constraints alone cannot express. Each check is a query that counts the
 * rows breaking one rule; a non-zero count is reported as a problem. Run by {@code verify}.
 */
public final class Integrity {

    private record Check(String rule, String sql) {
    }

    private static final List<Check> CHECKS = List.of(
            // closure (销户) ends the last holder's period: a closed account has none, any other exactly one
            new Check("every account has exactly one current holder (a closed one none)", """
                    SELECT COUNT(*) FROM account a WHERE (SELECT COUNT(*) FROM holder_period p
                    WHERE p.account_id = a.id AND p.valid_to IS NULL) <> CASE WHEN a.status = 'CLOSED' THEN 0 ELSE 1 END"""),
            new Check("the account's holder is its current holder period", """
                    SELECT COUNT(*) FROM account a JOIN holder_period p ON p.account_id = a.id AND p.valid_to IS NULL
                    WHERE p.name <> a.holder_name OR p.id_number <> a.holder_id_number"""),
            new Check("every account is in the search index", """
                    SELECT COUNT(*) FROM account a WHERE NOT EXISTS (SELECT 1 FROM search_text t WHERE t.account_id = a.id)"""),
            new Check("search index rows belong to accounts", """
                    SELECT COUNT(*) FROM search_text t WHERE NOT EXISTS (SELECT 1 FROM account a WHERE a.id = t.account_id)"""),
            new Check("open till sessions carry their open key, closed ones none", """
                    SELECT COUNT(*) FROM till_session WHERE (status = 'OPEN') <> (open_key IS NOT NULL)"""),
            new Check("the journal head points at the last event", """
                    SELECT COUNT(*) FROM journal_head h WHERE h.last_seq <> (SELECT COALESCE(MAX(seq), 0) FROM journal)"""));

    private Integrity() {
    }

    /** The rules broken, each with the number of rows breaking it; empty when all hold. */
    public static List<String> check(Tx tx) {
        List<String> problems = new ArrayList<>();
        for (Check check : CHECKS) {
            long bad = tx.handle().createQuery(check.sql()).mapTo(Long.class).one();
            if (bad != 0) {
                problems.add(check.rule() + ": " + bad + " rows do not");
            }
        }
        return problems;
    }
}
