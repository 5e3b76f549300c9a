package io.counterdesk.receipt;

import io.counterdesk.persistence.Settings;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.persistence.Tx;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Masking;
import io.counterdesk.shared.Money;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads what a receipt prints from the committed payment. A voucher check slip shows the voucher
 * part (gas settled by vouchers, face-value cash, the vouchers handed in); the cash check slip the
 * rest; a receipt everything.
 */
public final class ReceiptContents {

    public static final String HEADER_SETTING = "receipt.header";
    public static final String FOOTER_SETTING = "receipt.footer";

    private static final Set<String> VOUCHER_LINES = Set.of("PRINCIPAL_BY_VOUCHER", "GAS_BY_VOUCHER", "VOUCHER_FACE_CASH");

    private final ReceiptRepository receipts = new ReceiptRepository();
    private final Settings settings = new Settings();
    private final TerminalIdentity terminal;

    public ReceiptContents(TerminalIdentity terminal) {
        this.terminal = terminal;
    }

    public ReceiptContent load(Tx tx, long receiptId) {
        IssuedReceipt receipt = receipts.findReceipt(tx, receiptId).orElseThrow();
        ReceiptRepository.PaymentFacts facts = receipts.paymentFacts(tx, receipt.paymentId());
        List<ReceiptContent.Item> items = new ArrayList<>();
        Money total = Money.ZERO;
        for (ReceiptRepository.LineRow line : receipts.lines(tx, receipt.paymentId())) {
            boolean voucherLine = VOUCHER_LINES.contains(line.kind());
            if (line.kind().equals("CREDIT_ADDED") || !belongs(receipt.part(), voucherLine)) {
                continue;
            }
            Money amount = Money.ofFen(line.amountFen());
            items.add(new ReceiptContent.Item(I18n.text("receipt.line." + line.kind(), line.label()), amount,
                    line.volumeM3() != 0 ? line.volumeM3() + " m³" : ""));
            total = total.plus(amount);
        }
        List<ReceiptContent.Item> tenders = new ArrayList<>();
        boolean tookCash = false;
        for (ReceiptRepository.TenderRow t : receipts.tenders(tx, receipt.paymentId())) {
            boolean voucher = t.kind().equals("VOUCHER");
            if (!belongs(receipt.part(), voucher)) {
                continue;
            }
            String label = voucher ? I18n.text("receipt.tender.VOUCHER", t.voucherCount())
                    : I18n.text("receipt.tender." + t.kind(), t.reference() == null ? "" : t.reference());
            tenders.add(new ReceiptContent.Item(label, Money.ofFen(t.amountFen()), ""));
            tookCash |= t.kind().equals("CASH");
        }
        boolean moneyPart = receipt.part() != ReceiptPart.VOUCHER;
        ReceiptContent.Reversal reversal = receipts.reversalFacts(tx, receipt.paymentId())
                .map(v -> new ReceiptContent.Reversal(IssuedReceipt.formatNumber(v.originalNumber()), v.originalDay(),
                        v.reason(), v.approver(), Money.ofFen(v.cashBackFen()),
                        Money.ofFen(-v.creditUsedFen() + v.creditAddedFen())))
                .orElse(null);
        String header = settings.get(tx, HEADER_SETTING).orElse(terminal.hallName());
        String footer = settings.get(tx, FOOTER_SETTING).orElse(I18n.text("receipt.footer", terminal.hotline()));
        String canonical = ReceiptMac.canonical(terminal.hallCode(), terminal.terminalCode(), receipt.kind(),
                receipt.number(), facts.accountNo(), total.fen(), receipt.issuedAt().toString());
        return new ReceiptContent(header, terminal.hallName(), terminal.hallCode(), terminal.terminalCode(),
                receipt.kind(), receipt.part(), receipt.formattedNumber(), receipt.voided(),
                LocalDateTime.ofInstant(receipt.issuedAt(), tx.clock().getZone()), facts.staffNo(), facts.accountNo(),
                Masking.name(facts.holderName()), facts.address(), items, tenders,
                moneyPart ? Money.ofFen(facts.changeFen()) : Money.ZERO, total,
                moneyPart ? Money.ofFen(facts.creditAddedFen()) : Money.ZERO,
                moneyPart ? Money.ofFen(facts.stillOwedFen()) : Money.ZERO,
                receipt.part() == ReceiptPart.CASH ? 0 : facts.voucherM3(), receipt.mac(), "CD1|" + canonical + "|"
                        + receipt.mac(), footer, terminal.hotline(), tookCash || reversal != null
                        && reversal.cashBack().isPositive(), reversal);
    }

    private static boolean belongs(ReceiptPart part, boolean voucherThing) {
        return switch (part) {
            case WHOLE -> true;
            case VOUCHER -> voucherThing;
            case CASH -> !voucherThing;
        };
    }
}
