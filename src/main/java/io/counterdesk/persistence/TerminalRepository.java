package io.counterdesk.persistence;

import java.util.Optional;

/** The hall and terminal rows, and the setting that says which terminal this database is. */
public final class TerminalRepository {

    static final String CURRENT_TERMINAL = "terminal.code";
    /** The receipts' verification key ({@code ReceiptMac.KEY_SETTING}), created with the terminal. */
    static final String RECEIPT_MAC_KEY = "receipt.mac.key";

    public Optional<TerminalIdentity> current(Tx tx) {
        return tx.handle().createQuery("""
                SELECT t.id tid, t.code tcode, t.name tname, h.id hid, h.code hcode, h.name hname, h.address, h.hotline
                FROM setting s JOIN terminal t ON t.code = s.val JOIN hall h ON h.id = t.hall_id
                WHERE s.name = :key""")
                .bind("key", CURRENT_TERMINAL)
                .map((rs, ctx) -> new TerminalIdentity(rs.getLong("tid"), rs.getString("tcode"), rs.getString("tname"),
                        rs.getLong("hid"), rs.getString("hcode"), rs.getString("hname"), rs.getString("address"),
                        rs.getString("hotline")))
                .findOne();
    }

    /**
     * Creates the hall (if new) and the terminal, makes it this database's terminal, and creates the
     * receipt verification key (replace it with the utility's own key at installation).
     */
    public TerminalIdentity register(Tx tx, String hallCode, String hallName, String hallAddress, String hotline,
                                     String terminalCode, String terminalName) {
        Long hallId = tx.handle().createQuery("SELECT id FROM hall WHERE code = :c").bind("c", hallCode)
                .mapTo(Long.class).findOne()
                .orElseGet(() -> tx.handle().createUpdate(
                                "INSERT INTO hall(code, name, address, hotline) VALUES (:c, :n, :a, :h)")
                        .bind("c", hallCode).bind("n", hallName).bind("a", hallAddress).bind("h", hotline)
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        tx.handle().createUpdate("INSERT INTO terminal(code, hall_id, name) VALUES (:c, :h, :n)")
                .bind("c", terminalCode).bind("h", hallId).bind("n", terminalName).execute();
        Settings settings = new Settings();
        settings.put(tx, CURRENT_TERMINAL, terminalCode);
        settings.secret(tx, RECEIPT_MAC_KEY);
        return current(tx).orElseThrow();
    }
}
