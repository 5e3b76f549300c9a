package io.counterdesk.account.opening;

import io.counterdesk.shared.BankCardNumber;
import io.counterdesk.shared.BusinessException;
import java.util.Objects;

/**
 * A bank auto-debit enrolment (银行代扣): the bank, the account debited and its holder's name. A
 * bank card's number must pass its Luhn check digit; a passbook or corporate account number has no
 * check-digit scheme and is checked for its form.
 */
public record BankDebit(Bank bank, boolean card, String accountNumber, String accountName) {

    public BankDebit {
        Objects.requireNonNull(bank);
        accountNumber = card ? BankCardNumber.validateCard(accountNumber) : BankCardNumber.validateAccount(accountNumber);
        if (accountName == null || accountName.isBlank()) {
            throw new BusinessException("opening.debit.nameRequired");
        }
        accountName = accountName.strip();
    }

    /** The account as printed: "**** 0128". */
    public String maskedNumber() {
        return BankCardNumber.masked(accountNumber);
    }
}
