package io.counterdesk.receipt;

import io.counterdesk.shared.Money;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Everything printed on one receipt, read back from the committed payment (never from the
 * screen), so a reprint shows exactly what was recorded.
 *
 * @param total     the amount this receipt covers (its part of the payment)
 * @param qrPayload what the QR code carries: "CD1|" + the fields the verification code covers
 *                  ({@link ReceiptMac#canonical}) + "|" + the code, so head office can check it
 * @param tookCash  cash changed hands on this receipt: the drawer opens when it prints
 * @param reversal  on a reversal receipt (冲正): the payment it reverses; null on any other
 * @param card      on an IC-card purchase (or its reversal): the card and the purchase count; null on any other
 */
public record ReceiptContent(String header, String hallName, String hallCode, String terminalCode, ReceiptKind kind,
                             ReceiptPart part, String number, boolean voided, LocalDateTime issuedAt, String staffNo,
                             String accountNo, String maskedHolder, String address, List<Item> items,
                             List<Item> tenders, Money change, Money total, Money creditAdded, Money stillOwed,
                             long voucherM3, String verificationCode, String qrPayload, String footer, String hotline,
                             boolean tookCash, Reversal reversal, Card card) {

    public ReceiptContent {
        items = List.copyOf(items);
        tenders = List.copyOf(tenders);
    }

    /**
     * What a reversal receipt says of the original: its number and day, the reason and the approving
     * manager's 工号, the cash paid back and the credit returned (+) or withdrawn (−).
     */
    public record Reversal(String originalNumber, java.time.LocalDate originalDay, String reason, String approver,
                           Money cashBack, Money creditChange) {
    }

    /** The IC card a gas purchase went onto, and which purchase of that card it was (购气次数). */
    public record Card(String serial, int purchaseNo) {
    }

    /** One printed line: a label and its amount; {@code detail} is an optional second column text (m3). */
    public record Item(String label, Money amount, String detail) {
    }
}
