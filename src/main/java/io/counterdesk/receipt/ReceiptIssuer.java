package io.counterdesk.receipt;

import io.counterdesk.persistence.Settings;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.persistence.Tx;
import io.counterdesk.shared.BusinessException;

/**
 * Gives a payment the next number of the cashier's stock, inside the payment's transaction: the
 * range row is locked, its next number taken and advanced, and the receipt row written together
 * with the payment. A crash before commit takes the number back with everything else; after
 * commit the number is used. No gap, no reuse.
 */
public final class ReceiptIssuer {

    private final ReceiptRepository receipts = new ReceiptRepository();
    private final Settings settings = new Settings();
    private final TerminalIdentity terminal;
    private volatile byte[] macKey;

    public ReceiptIssuer(TerminalIdentity terminal) {
        this.terminal = terminal;
    }

    /**
     * The utility's key, read once per program run (it is set when the terminal is registered, never
     * at the counter). A key created inside this transaction is not remembered: if the transaction
     * rolled back, it would never have existed.
     */
    private byte[] macKey(Tx tx) {
        byte[] key = macKey;
        if (key != null) {
            return key;
        }
        if (settings.hasSecret(tx, ReceiptMac.KEY_SETTING)) {
            key = settings.secret(tx, ReceiptMac.KEY_SETTING);
            macKey = key;
            return key;
        }
        return settings.secret(tx, ReceiptMac.KEY_SETTING);
    }

    public IssuedReceipt issue(Tx tx, long cashierId, ReceiptKind kind, long paymentId, ReceiptPart part,
                               String accountNo, long amountFen) {
        StockRange range = receipts.lockCurrentRange(tx, cashierId, kind)
                .orElseThrow(() -> new BusinessException("receipt.stock.none", kindText(kind)));
        long number = range.nextNo();
        receipts.advance(tx, range.id(), number + 1, number == range.lastNo());
        String mac = ReceiptMac.compute(macKey(tx),
                ReceiptMac.canonical(terminal.hallCode(), terminal.terminalCode(), kind, number, accountNo, amountFen,
                        tx.now().toString()));
        long id = receipts.insertReceipt(tx, kind, number, range.id(), paymentId, part, cashierId, mac);
        return new IssuedReceipt(id, kind, number, paymentId, part, cashierId, tx.now(), false, null, 0, false, mac);
    }

    /** The fields a receipt's verification code covers, for a receipt of this terminal. */
    String canonical(IssuedReceipt receipt, String accountNo, long amountFen) {
        return ReceiptMac.canonical(terminal.hallCode(), terminal.terminalCode(), receipt.kind(), receipt.number(),
                accountNo, amountFen, receipt.issuedAt().toString());
    }

    /** The seal of a void: the code over the receipt's fields and the word VOIDED ({@link ReceiptMac#voidCanonical}). */
    String voidSeal(Tx tx, String canonical) {
        return ReceiptMac.compute(macKey(tx), ReceiptMac.voidCanonical(canonical));
    }

    byte[] key(Tx tx) {
        return macKey(tx);
    }

    static String kindText(ReceiptKind kind) {
        return io.counterdesk.shared.I18n.text("receipt.kind." + kind.name());
    }
}
