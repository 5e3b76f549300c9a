package io.counterdesk.account.opening;

import io.counterdesk.account.Account;
import io.counterdesk.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A committed opening as the business confirmation (业务回执) prints it, read back from the database:
 * the account as it now stands (with its card once written), what was applied for and paid, the
 * documents seen, the receipts of the payment and who did it when.
 *
 * @param receiptNumbers "收款收据 00010001" for each receipt of the opening's payment
 * @param printCount     how often the confirmation came out of the printer (more than 1: copies)
 */
public record OpeningRecord(long id, Account account, BuildingType buildingType, String feeInvoiceNo,
                            UnitNature nature, BigDecimal applianceKw, String legalRepName, String proxyName,
                            Money fee, Money deposit, List<Document> documents, Optional<DebitView> bankDebit,
                            List<String> receiptNumbers, String staffNo, Instant openedAt, int printCount) {

    /** The auto-debit as printed: bank and the last digits only. */
    public record DebitView(Bank bank, String maskedNumber, String accountName) {
    }

    public OpeningRecord {
        documents = List.copyOf(documents);
        receiptNumbers = List.copyOf(receiptNumbers);
    }

    public boolean printed() {
        return printCount > 0;
    }
}
