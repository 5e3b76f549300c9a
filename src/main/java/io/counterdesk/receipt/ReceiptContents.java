package io.counterdesk.receipt;

import io.counterdesk.persistence.Settings;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.persistence.Tx;
import io.counterdesk.shared.Masking;
import io.counterdesk.shared.Money;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Reads what a receipt prints from the committed payment: its part of the payment as
 * {@link ReceiptSet} decides it, under this terminal's {@link ReceiptLetterhead}.
 */
public final class ReceiptContents {

    public static final String HEADER_SETTING = "receipt.header";
    public static final String FOOTER_SETTING = "receipt.footer";
    /** The hall's time zone receipts print their times in (an IANA name; default Asia/Shanghai). */
    public static final String TIME_ZONE_SETTING = "hall.time_zone";

    private final ReceiptRepository receipts = new ReceiptRepository();
    private final Settings settings = new Settings();
    private final TerminalIdentity terminal;

    public ReceiptContents(TerminalIdentity terminal) {
        this.terminal = terminal;
    }

    /** The header, footer, hall and time zone every receipt of this terminal prints. */
    public ReceiptLetterhead letterhead(Tx tx) {
        return new ReceiptLetterhead(settings.get(tx, HEADER_SETTING).orElse(null),
                settings.get(tx, FOOTER_SETTING).orElse(null), terminal.hallName(), terminal.hallCode(),
                terminal.terminalCode(), terminal.hotline(), settings.get(tx, TIME_ZONE_SETTING).map(ZoneId::of)
                .orElse(ReceiptLetterhead.DEFAULT_ZONE));
    }

    /** The payment's money facts as stored, for {@link ReceiptSet}. */
    ReceiptSet.Paid paid(Tx tx, long paymentId) {
        ReceiptRepository.PaymentFacts facts = receipts.paymentFacts(tx, paymentId);
        List<ReceiptSet.Line> lines = receipts.lines(tx, paymentId).stream().map(l -> new ReceiptSet.Line(l.kind(),
                l.label(), Money.ofFen(l.amountFen()), l.volumeM3())).toList();
        List<ReceiptSet.Tender> tenders = receipts.tenders(tx, paymentId).stream().map(t -> new ReceiptSet.Tender(
                t.kind(), Money.ofFen(t.amountFen()), t.reference(), t.voucherCount())).toList();
        return new ReceiptSet.Paid(lines, tenders, Money.ofFen(facts.changeFen()), Money.ofFen(facts.creditAddedFen()),
                Money.ofFen(facts.stillOwedFen()), facts.voucherM3());
    }

    public ReceiptContent load(Tx tx, long receiptId) {
        IssuedReceipt receipt = receipts.findReceipt(tx, receiptId).orElseThrow();
        ReceiptRepository.PaymentFacts facts = receipts.paymentFacts(tx, receipt.paymentId());
        ReceiptSet.Part part = ReceiptSet.part(paid(tx, receipt.paymentId()), receipt.part());
        ReceiptContent.Reversal reversal = receipts.reversalFacts(tx, receipt.paymentId())
                .map(v -> new ReceiptContent.Reversal(IssuedReceipt.formatNumber(v.originalNumber()), v.originalDay(),
                        v.reason(), v.approver(), Money.ofFen(v.cashBackFen()),
                        Money.ofFen(-v.creditUsedFen() + v.creditAddedFen())))
                .orElse(null);
        ReceiptContent.Card card = receipts.cardFacts(tx, receipt.paymentId()).orElse(null);
        String canonical = ReceiptMac.canonical(terminal.hallCode(), terminal.terminalCode(), receipt.kind(),
                receipt.number(), facts.accountNo(), part.total().fen(), receipt.issuedAt().toString());
        return compose(letterhead(tx), part, receipt.formattedNumber(), receipt.voided(), receipt.issuedAt(),
                facts.staffNo(), facts.accountNo(), Masking.name(facts.holderName()), facts.address(), receipt.mac(),
                "CD1|" + canonical + "|" + receipt.mac(), reversal, card);
    }

    /** A receipt's content: its part of the payment under the letterhead, with who, when and which number. */
    public static ReceiptContent compose(ReceiptLetterhead head, ReceiptSet.Part part, String number, boolean voided,
                                         Instant issuedAt, String staffNo, String accountNo, String maskedHolder,
                                         String address, String code, String qrPayload,
                                         ReceiptContent.Reversal reversal, ReceiptContent.Card card) {
        return new ReceiptContent(head.header(), head.hallName(), head.hallCode(), head.terminalCode(), part.kind(),
                part.part(), number, voided, LocalDateTime.ofInstant(issuedAt, head.zone()), staffNo, accountNo,
                maskedHolder, address, part.items(), part.tenders(), part.change(), part.total(), part.creditAdded(),
                part.stillOwed(), part.voucherM3(), code, qrPayload, head.footer(), head.hotline(),
                part.tookCash() || reversal != null && reversal.cashBack().isPositive(), reversal, card);
    }
}
