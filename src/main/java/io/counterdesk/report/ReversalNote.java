package io.counterdesk.report;

import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import java.time.LocalDate;

/**
 * A payment reversal (冲正) as a day's report shows it: on the day it was done, among that till's
 * business ({@link #reversalText}); on the original's day, whose figures stay as they were, as a
 * later correction ({@link #correctionText}).
 *
 * @param amount the reversal's money, negative (cash paid back and credit returned)
 */
public record ReversalNote(String originalReceipt, LocalDate originalDay, String reversalReceipt, LocalDate reversalDay,
                           String reason, String approver, Money amount) {

    /** 冲正 2025-03-10 票号 00001001（重复收费，批准人 2001 张敏）. */
    public String reversalText() {
        return I18n.text("reversal.report.line", originalReceipt, originalDay.toString(), reason, approver);
    }

    /** 已更正：票号 00001001 于 2025-03-11 由票号 00001002 冲正. */
    public String correctionText() {
        return I18n.text("reversal.report.corrected", originalReceipt, reversalDay.toString(), reversalReceipt);
    }
}
