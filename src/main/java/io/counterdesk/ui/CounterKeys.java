package io.counterdesk.ui;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The counter's key assignments, in one place so no two screens give a key different meanings by
 * accident. F-keys as is usual at counters. Taken: F1 key map, F2 search, F3–F8 and F12 on the
 * payment screen, F5 pay (account detail), F9 print (anywhere), F10 open till, F11 receipt stock
 * (anywhere); F3, F4 and F6 again on the receipt stock screen; Ctrl+G the top-up screen (anywhere),
 * with F3–F9 and F12 its own there; Ctrl+B the card service screen (补卡/补气, anywhere), with F3–F9
 * and F12 its own there; Ctrl+D the demo card reader (demo mode only); Ctrl+O the opening screen
 * (开户, anywhere), with F3–F9 and F12 its own there; Ctrl+T the transfer screen (过户, anywhere), with
 * F3, F4, F7 and F12 its own there; Ctrl+E the day close (anywhere), with F3, F4, F6, F8 and F12
 * its own there; Ctrl+H the hall sign-off (hall managers), with F3, F6, F7 (send to head office now),
 * F8 and PgUp/PgDn (the day before/after) its own there; Ctrl+U
 * the suspension list (search screen); F6–F8 停气/复气/销户, Ctrl+K the auto-debit dialog and Ctrl+J
 * the balance move on the account detail. No F-key free.
 */
public final class CounterKeys {

    public static final KeyCombination KEY_MAP = new KeyCodeCombination(KeyCode.F1);
    public static final KeyCombination FOCUS_SEARCH = new KeyCodeCombination(KeyCode.F2);
    public static final KeyCombination OPEN_TILL = new KeyCodeCombination(KeyCode.F10);
    public static final KeyCombination BACK = new KeyCodeCombination(KeyCode.ESCAPE);
    /** Control, not Shortcut: counter PCs run Windows or Linux, and Ctrl reads the same on both. */
    public static final KeyCombination LOCK = new KeyCodeCombination(KeyCode.L, KeyCombination.CONTROL_DOWN);
    /** On the account detail: the payment screen for this account. */
    public static final KeyCombination PAY = new KeyCodeCombination(KeyCode.F5);
    /**
     * Anywhere on the counter: print the receipts that the printer did not print (same numbers).
     * On a payment's result: that, or a marked copy (重打) when all are printed.
     */
    public static final KeyCombination PRINT = new KeyCodeCombination(KeyCode.F9);
    /** Anywhere on the counter: the receipt stock screen (票据管理). */
    public static final KeyCombination STOCK = new KeyCodeCombination(KeyCode.F11);

    /** Anywhere on the counter: the IC-card top-up screen (购气, G for gòuqì). */
    public static final KeyCombination TOP_UP = new KeyCodeCombination(KeyCode.G, KeyCombination.CONTROL_DOWN);
    /** Anywhere on the counter: the card service screen (补卡/补气, B for bǔ). */
    public static final KeyCombination CARD_SERVICE = new KeyCodeCombination(KeyCode.B, KeyCombination.CONTROL_DOWN);
    /** Demo mode only: the demo card reader (insert a demo card, put it into its meter). */
    public static final KeyCombination DEMO_CARDS = new KeyCodeCombination(KeyCode.D, KeyCombination.CONTROL_DOWN);

    /** Anywhere on the counter: the account opening screen (开户/报装, O for open). */
    public static final KeyCombination OPENING = new KeyCodeCombination(KeyCode.O, KeyCombination.CONTROL_DOWN);

    // the opening screen's own keys (Ctrl+1 / Ctrl+2 tenders, F9 prints again, F12 shows the summary)
    /** Into customer type and meter. */
    public static final KeyCombination OPENING_CUSTOMER = new KeyCodeCombination(KeyCode.F3);
    /** Into the holder. */
    public static final KeyCombination OPENING_HOLDER = new KeyCodeCombination(KeyCode.F4);
    /** Into the address. */
    public static final KeyCombination OPENING_ADDRESS = new KeyCodeCombination(KeyCode.F5);
    /** Into the fee. */
    public static final KeyCombination OPENING_FEE = new KeyCodeCombination(KeyCode.F6);
    /** Into the documents checklist. */
    public static final KeyCombination OPENING_DOCUMENTS = new KeyCodeCombination(KeyCode.F7);
    /** After an opening whose IC card was not written: write it onto the blank card in the reader. */
    public static final KeyCombination OPENING_WRITE_CARD = new KeyCodeCombination(KeyCode.F8);

    /** Anywhere on the counter: the ownership transfer screen (过户, T for transfer). */
    public static final KeyCombination TRANSFER = new KeyCodeCombination(KeyCode.T, KeyCombination.CONTROL_DOWN);
    // the transfer screen's own keys (Ctrl+1 / Ctrl+2 tenders, F12 the summary)
    /** Into the account number. */
    public static final KeyCombination TRANSFER_ACCOUNT = new KeyCodeCombination(KeyCode.F3);
    /** Into the new holder. */
    public static final KeyCombination TRANSFER_HOLDER = new KeyCodeCombination(KeyCode.F4);
    /** Into the documents checklist. */
    public static final KeyCombination TRANSFER_DOCUMENTS = new KeyCodeCombination(KeyCode.F7);
    /** Anywhere on the counter: the cashier's day close (结账: deposits, count, close; E for end). */
    public static final KeyCombination DAY_CLOSE = new KeyCodeCombination(KeyCode.E, KeyCombination.CONTROL_DOWN);

    /** Hall managers, anywhere on the counter: the hall's sign-off (签核, H for hall). */
    public static final KeyCombination SIGN_OFF = new KeyCodeCombination(KeyCode.H, KeyCombination.CONTROL_DOWN);
    // the sign-off screen's own keys
    /** Into the checker's 工号 (then the password; Enter signs off). */
    public static final KeyCombination SIGN_OFF_CREDENTIALS = new KeyCodeCombination(KeyCode.F3);
    /** Into the list of cashiers' reports. */
    public static final KeyCombination SIGN_OFF_LIST = new KeyCodeCombination(KeyCode.F6);
    /** Into the sign-off note. */
    public static final KeyCombination SIGN_OFF_NOTE = new KeyCodeCombination(KeyCode.F8);
    /** The day before the one shown (a day left unsigned, or a signed day to look at). */
    public static final KeyCombination SIGN_OFF_PREVIOUS_DAY = new KeyCodeCombination(KeyCode.PAGE_UP);
    /** The day after the one shown, never past today. */
    public static final KeyCombination SIGN_OFF_NEXT_DAY = new KeyCodeCombination(KeyCode.PAGE_DOWN);
    /** Send the closed days to head office now (立即上传; otherwise they go by themselves at close). */
    public static final KeyCombination SIGN_OFF_SEND_NOW = new KeyCodeCombination(KeyCode.F7);

    // the day close screen's own keys
    /** Into the deposit amount (Enter records the deposit). */
    public static final KeyCombination DAY_CLOSE_DEPOSIT = new KeyCodeCombination(KeyCode.F3);
    /** Into the blind count (the first denomination; Enter moves down). */
    public static final KeyCombination DAY_CLOSE_COUNT = new KeyCodeCombination(KeyCode.F4);
    /** Into the bank-card and bank slips (Space ticks). */
    public static final KeyCombination DAY_CLOSE_SLIPS = new KeyCodeCombination(KeyCode.F6);
    /** Into the explanation of a difference. */
    public static final KeyCombination DAY_CLOSE_EXPLANATION = new KeyCodeCombination(KeyCode.F8);
    /** Submit the count (the figures show then); once counted, close the till. */
    public static final KeyCombination DAY_CLOSE_NEXT = new KeyCodeCombination(KeyCode.F12);

    // the top-up screen's own keys (the payment screen is not showing then)
    /** Read the card again. */
    public static final KeyCombination TOP_UP_READ = new KeyCodeCombination(KeyCode.F5);
    /** Into the volume (m³). */
    public static final KeyCombination TOP_UP_VOLUME = new KeyCodeCombination(KeyCode.F3);
    /** Into the amount (yuan). */
    public static final KeyCombination TOP_UP_AMOUNT = new KeyCodeCombination(KeyCode.F4);
    /** Write an open write the card does not have. */
    public static final KeyCombination TOP_UP_REWRITE = new KeyCodeCombination(KeyCode.F6);
    /** Reverse (冲正) the last purchase on the card, with a hall manager's approval. */
    public static final KeyCombination TOP_UP_REVERSE = new KeyCodeCombination(KeyCode.F7);
    /** Refund an open write the card does not have, with a hall manager's approval. */
    public static final KeyCombination TOP_UP_REFUND = new KeyCodeCombination(KeyCode.F8);

    // the card service screen's own keys (F9 prints its record again, F12 shows the summary)
    /** Into the list of businesses (after a finished business: the next one). */
    public static final KeyCombination CARD_SERVICE_BUSINESS = new KeyCodeCombination(KeyCode.F3);
    /** Into the account number. */
    public static final KeyCombination CARD_SERVICE_ACCOUNT = new KeyCodeCombination(KeyCode.F4);
    /** The account from the card in the reader. */
    public static final KeyCombination CARD_SERVICE_READ = new KeyCodeCombination(KeyCode.F5);
    /** Write a waiting re-credit onto the account's current card. */
    public static final KeyCombination CARD_SERVICE_FINISH = new KeyCodeCombination(KeyCode.F6);
    /** Into the field check. */
    public static final KeyCombination CARD_SERVICE_CHECK = new KeyCodeCombination(KeyCode.F7);
    /** Into the reason. */
    public static final KeyCombination CARD_SERVICE_REASON = new KeyCodeCombination(KeyCode.F8);

    // the receipt stock screen's own keys (the payment screen is not showing then)
    /** Hand the unused numbers of a kind over to another cashier (交接). */
    public static final KeyCombination STOCK_HANDOVER = new KeyCodeCombination(KeyCode.F3);
    /** Void a receipt, with a hall manager's approval (作废). */
    public static final KeyCombination STOCK_VOID = new KeyCodeCombination(KeyCode.F4);
    /** The month-end listing (月末票据核对), hall managers only. */
    public static final KeyCombination STOCK_MONTH_END = new KeyCodeCombination(KeyCode.F6);

    // the payment screen's own keys
    /** Into the bill list (↑ ↓ move, Space selects or deselects). */
    public static final KeyCombination PAY_BILLS = new KeyCodeCombination(KeyCode.F3);
    /** Add an item of the fee catalogue. */
    public static final KeyCombination PAY_ADD_FEE = new KeyCodeCombination(KeyCode.F4);
    /** Keep the change on the account as credit (toggle). */
    public static final KeyCombination PAY_CHANGE_TO_CREDIT = new KeyCodeCombination(KeyCode.F6);
    /** Late-fee waiver of the highlighted bill, with a hall manager's approval. */
    public static final KeyCombination PAY_WAIVE = new KeyCodeCombination(KeyCode.F7);
    /** Into the list of fee items (Delete removes the highlighted one). */
    public static final KeyCombination PAY_FEES = new KeyCodeCombination(KeyCode.F8);
    /** Check what will be printed, then take the payment (Enter in the confirmation). */
    public static final KeyCombination PAY_CONFIRM = new KeyCodeCombination(KeyCode.F12);
    /** Jumps to the tender fields: Ctrl+1 cash … Ctrl+5 credit. */
    public static final KeyCombination PAY_CASH = new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.CONTROL_DOWN);
    public static final KeyCombination PAY_CARD = new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.CONTROL_DOWN);
    public static final KeyCombination PAY_SLIP = new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.CONTROL_DOWN);
    public static final KeyCombination PAY_VOUCHER = new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.CONTROL_DOWN);
    public static final KeyCombination PAY_CREDIT = new KeyCodeCombination(KeyCode.DIGIT5, KeyCombination.CONTROL_DOWN);

    // the account detail's status keys (停气/复气/销户); F5 there is the payment screen
    /** Suspend supply (停气) of an overdue non-residential account, with a reason. */
    public static final KeyCombination ACCOUNT_SUSPEND = new KeyCodeCombination(KeyCode.F6);
    /** Restore supply (复气) once everything owed is paid. */
    public static final KeyCombination ACCOUNT_RESTORE = new KeyCodeCombination(KeyCode.F7);
    /** Close the account (销户), paying back deposits and credit (hall manager's approval then). */
    public static final KeyCombination ACCOUNT_CLOSE = new KeyCodeCombination(KeyCode.F8);
    /** From the search: the accounts due for suspension today (停气名单, U for 欠费 "unpaid"). */
    public static final KeyCombination SUSPENSION_LIST = new KeyCodeCombination(KeyCode.U, KeyCombination.CONTROL_DOWN);

    /** On the account detail: change or cancel the bank auto-debit (银行代扣, K for 扣). */
    public static final KeyCombination AUTO_DEBIT = new KeyCodeCombination(KeyCode.K, KeyCombination.CONTROL_DOWN);

    /** On the account detail: move credit or a deposit to another account of the holder (J for 转). */
    public static final KeyCombination MOVE_BALANCE = new KeyCodeCombination(KeyCode.J, KeyCombination.CONTROL_DOWN);

    /** Anywhere on the counter: the payment reversal screen (冲正, R for reverse); F12 there reverses. */
    public static final KeyCombination REVERSAL = new KeyCodeCombination(KeyCode.R, KeyCombination.CONTROL_DOWN);
    /** On the reversal screen: the reason and the hall manager's approval, then the reversal. */
    public static final KeyCombination REVERSAL_CONFIRM = new KeyCodeCombination(KeyCode.F12);
    public static final String GROUP_REVERSAL = "reversal.ui.keys.group";

    public static final String GROUP_GENERAL = "ui.keys.group.general";
    public static final String GROUP_TILL = "ui.keys.group.till";
    public static final String GROUP_SEARCH = "ui.keys.group.search";
    public static final String GROUP_PAYMENT = "ui.keys.group.payment";
    public static final String GROUP_STOCK = "ui.keys.group.stock";
    public static final String GROUP_TOP_UP = "ui.keys.group.topup";
    public static final String GROUP_CARD_SERVICE = "ui.keys.group.cardService";
    public static final String GROUP_OPENING = "ui.keys.group.opening";
    public static final String GROUP_TRANSFER = "ui.keys.group.transfer";
    public static final String GROUP_DAY_CLOSE = "ui.keys.group.dayClose";
    public static final String GROUP_SIGN_OFF = "ui.keys.group.signOff";

    private CounterKeys() {
    }
}
