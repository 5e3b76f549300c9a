package io.counterdesk.account.transfer;

import io.counterdesk.account.Holder;
import io.counterdesk.account.opening.Document;
import io.counterdesk.shared.Money;
import java.time.Instant;
import java.util.List;

/**
 * A committed transfer as its business confirmation (过户业务回执) prints it, read back from the
 * database: the holder it ended and the one it started (their holder periods), who acted for the
 * new holder, the documents seen, the arrears paid and their receipts, who did it when.
 *
 * @param proxyName     null when the new holder came in person
 * @param arrearsPaid   zero when nothing was owed
 * @param receiptLabels "收款收据 00010002" for each receipt of the arrears payment
 * @param printCount    how often the confirmation came out of the printer (more than 1: copies)
 */
public record TransferRecord(long id, String accountNo, String address, Holder oldHolder, Holder newHolder,
                             String proxyName, List<Document> documents, Money arrearsPaid,
                             List<String> receiptLabels, String staffNo, Instant transferredAt, int printCount) {

    public TransferRecord {
        documents = List.copyOf(documents);
        receiptLabels = List.copyOf(receiptLabels);
    }

    public boolean printed() {
        return printCount > 0;
    }
}
