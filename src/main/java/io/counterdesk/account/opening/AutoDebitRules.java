package io.counterdesk.account.opening;

import io.counterdesk.account.AccountKind;
import io.counterdesk.account.AccountStatus;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What changing or cancelling an account's bank auto-debit (银行代扣变更/取消) asks for, in plain Java.
 * A change (or a first enrolment after the opening) asks for what the opening asks for auto-debit:
 * the bank card and its holder's ID ({@link Document#BANK_CARD}), plus the account holder's identity
 * (the holder's ID for a household, the business licence for a unit), since the money comes off
 * the bank account for this gas account. A cancellation asks for the holder's identity only. A closed
 * account is refused; a change to the account already enrolled is refused; a cancellation needs an
 * enrolment.
 */
public final class AutoDebitRules {

    /** What the cashier does. */
    public enum Action {
        CHANGE,
        CANCEL
    }

    private AutoDebitRules() {
    }

    /** The papers the cashier must see, in checklist order. */
    public static List<Document> required(AccountKind kind, Action action) {
        Document identity = kind == AccountKind.RESIDENTIAL ? Document.HOLDER_ID : Document.BUSINESS_LICENCE;
        return action == Action.CHANGE ? List.of(identity, Document.BANK_CARD) : List.of(identity);
    }

    /** The papers of {@code required} not ticked. */
    public static List<Document> missing(AccountKind kind, Action action, Set<Document> ticked) {
        Set<Document> seen = ticked.isEmpty() ? EnumSet.noneOf(Document.class) : EnumSet.copyOf(ticked);
        return required(kind, action).stream().filter(d -> !seen.contains(d)).toList();
    }

    /**
     * Refuses the change or cancellation with a Chinese message, or returns quietly.
     *
     * @param current  the bank and full account number enrolled now, or null when none
     * @param proposed the new enrolment (CHANGE) or null (CANCEL)
     */
    public static void check(String accountNo, AccountKind kind, AccountStatus status, Action action,
                             Set<Document> ticked, Enrolled current, BankDebit proposed) {
        if (status == AccountStatus.CLOSED) {
            throw new BusinessException("opening.autoDebit.closed", accountNo);
        }
        if (action == Action.CANCEL && current == null) {
            throw new BusinessException("opening.autoDebit.noneToCancel", accountNo);
        }
        if (action == Action.CHANGE) {
            if (proposed == null) {
                throw new IllegalArgumentException("a change needs the new enrolment");
            }
            if (current != null && current.bank() == proposed.bank()
                    && current.accountNumber().equals(proposed.accountNumber())) {
                throw new BusinessException("opening.autoDebit.unchanged");
            }
        }
        requireTicked(kind, action, ticked);
    }

    /** Refuses, naming them, when papers the action asks for are not ticked. */
    public static void requireTicked(AccountKind kind, Action action, Set<Document> ticked) {
        List<Document> missing = missing(kind, action, ticked);
        if (!missing.isEmpty()) {
            throw new BusinessException("opening.autoDebit.documentsMissing", missing.stream()
                    .map(d -> I18n.text("opening.document." + d.name()))
                    .collect(Collectors.joining("、")));
        }
    }

    /** The enrolment on disk now: the bank and the full account number. */
    public record Enrolled(Bank bank, String accountNumber, String accountName) {
    }
}
