package io.counterdesk.payment.ui;

import io.counterdesk.payment.MoneyTender;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentPlan;
import io.counterdesk.payment.VoucherBatch;
import io.counterdesk.printing.PrintDocument;
import io.counterdesk.receipt.ReceiptContent;
import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.receipt.ReceiptLayout;
import io.counterdesk.receipt.ReceiptPart;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The receipts a payment will print, laid out before it is taken, for the confirmation: the same
 * {@link ReceiptLayout} the printer gets, filled from the {@link PaymentPlan} instead of the
 * committed payment. Numbers are only given at commit, so a draft shows the number the cashier's
 * stock will most likely give, marked as expected; it has no verification code or QR code and is
 * headed "预览 · 未收费".
 *
 * <p>Which receipts and which lines go on each follow {@code PaymentService} and
 * {@code ReceiptContents}: a money-only payment gets one 收款收据; a payment with vouchers a
 * 燃气票核对单 (gas settled by vouchers, their face-value cash, the vouchers) and, when money paid
 * anything else or became credit, a 现金核对单. {@code PaymentEndToEndTest} and
 * {@code PaymentViewModelTest} compare a draft with the receipt printed after commit.
 */
public final class ReceiptDrafts {

    private static final Set<PaymentPlan.LineKind> VOUCHER_LINES =
            EnumSet.of(PaymentPlan.LineKind.PRINCIPAL_BY_VOUCHER, PaymentPlan.LineKind.GAS_BY_VOUCHER,
                    PaymentPlan.LineKind.VOUCHER_FACE_CASH);

    private ReceiptDrafts() {
    }

    /** One receipt to be printed. */
    record Draft(ReceiptKind kind, ReceiptPart part, String expectedNumber, PrintDocument document) {

        /** "燃气票核对单", "现金核对单", "收款收据". */
        String title() {
            return I18n.text("receipt.part." + part.name());
        }
    }

    /** Who, where and when, for the receipt's head. */
    public record Head(PaymentViewModel.Hall terminal, String staffNo, String accountNo, String maskedHolder, String address,
                LocalDateTime at) {
    }

    /** The receipt numbers the cashier's stock will give next, kind by kind. */
    public interface NumberForecast {
        /** The {@code offset}-th next number of {@code kind} (0 = the next), or empty when none is held. */
        String expected(ReceiptKind kind, int offset);
    }

    static List<Draft> of(PaymentPlan plan, PaymentInput input, Head head, NumberForecast numbers) {
        List<ReceiptPart> parts = new ArrayList<>();
        if (plan.voucherM3() == 0) {
            parts.add(ReceiptPart.WHOLE);
        } else {
            parts.add(ReceiptPart.VOUCHER);
            Money cashPart = Money.ZERO;
            for (PaymentPlan.Line line : plan.lines()) {
                if (!VOUCHER_LINES.contains(line.kind()) && line.kind() != PaymentPlan.LineKind.CREDIT_ADDED) {
                    cashPart = cashPart.plus(line.amount());
                }
            }
            if (cashPart.isPositive() || plan.creditAdded().isPositive()) {
                parts.add(ReceiptPart.CASH);
            }
        }
        List<Draft> drafts = new ArrayList<>();
        int checkSlips = 0;
        for (ReceiptPart part : parts) {
            ReceiptKind kind = part == ReceiptPart.WHOLE ? ReceiptKind.RECEIPT : ReceiptKind.CHECK_SLIP;
            String number = numbers.expected(kind, kind == ReceiptKind.CHECK_SLIP ? checkSlips++ : 0);
            drafts.add(new Draft(kind, part, number, document(plan, input, head, kind, part, number)));
        }
        return drafts;
    }

    private static PrintDocument document(PaymentPlan plan, PaymentInput input, Head head, ReceiptKind kind,
                                          ReceiptPart part, String expectedNumber) {
        List<ReceiptContent.Item> items = new ArrayList<>();
        Money total = Money.ZERO;
        for (PaymentPlan.Line line : plan.lines()) {
            if (line.kind() == PaymentPlan.LineKind.CREDIT_ADDED || !belongs(part, VOUCHER_LINES.contains(line.kind()))) {
                continue;
            }
            items.add(new ReceiptContent.Item(I18n.text("receipt.line." + line.kind().name(), line.label()),
                    line.amount(), line.volumeM3() > 0 ? line.volumeM3() + " m³" : ""));
            total = total.plus(line.amount());
        }
        List<ReceiptContent.Item> tenders = new ArrayList<>();
        boolean tookCash = false;
        if (belongs(part, false)) {
            if (input.cashReceived().isPositive() || plan.change().isPositive()) {
                tenders.add(new ReceiptContent.Item(I18n.text("receipt.tender.CASH", ""), input.cashReceived(), ""));
                tookCash = true;
            }
            for (MoneyTender tender : input.bankTenders()) {
                tenders.add(new ReceiptContent.Item(I18n.text("receipt.tender." + tender.kind().name(), tender.reference()),
                        tender.amount(), ""));
            }
        }
        if (belongs(part, true)) {
            for (VoucherBatch batch : input.vouchers()) {
                tenders.add(new ReceiptContent.Item(I18n.text("receipt.tender.VOUCHER", batch.count()), Money.ZERO, ""));
            }
        }
        if (belongs(part, false) && input.creditToUse().isPositive()) {
            tenders.add(new ReceiptContent.Item(I18n.text("receipt.tender.CREDIT", ""), input.creditToUse(), ""));
        }
        boolean moneyPart = part != ReceiptPart.VOUCHER;
        PaymentViewModel.Hall t = head.terminal();
        String number = expectedNumber.isEmpty() ? I18n.text("ui.pay.draft.numberAtCommit")
                : I18n.text("ui.pay.draft.expectedNumber", expectedNumber);
        ReceiptContent content = new ReceiptContent(t.receiptHeader(), t.hallName(), t.hallCode(), t.terminalCode(), kind,
                part, number, false, head.at(), head.staffNo(), head.accountNo(), head.maskedHolder(), head.address(),
                items, tenders, moneyPart ? plan.change() : Money.ZERO, total,
                moneyPart ? plan.creditAdded() : Money.ZERO, moneyPart ? plan.stillOwed() : Money.ZERO,
                part == ReceiptPart.CASH ? 0 : plan.voucherM3(), I18n.text("ui.pay.draft.codeAtCommit"), "DRAFT",
                I18n.text("receipt.footer", t.hotline()), t.hotline(), tookCash);
        PrintDocument printed = ReceiptLayout.layout(content);
        PrintDocument.Builder draft = PrintDocument.builder();
        draft.centered(I18n.text("ui.pay.draft.mark"), io.counterdesk.printing.TextStyle.LARGE);
        for (PrintDocument.Element element : printed.elements()) {
            if (!(element instanceof PrintDocument.QrCode) && !(element instanceof PrintDocument.DrawerKick)
                    && !(element instanceof PrintDocument.Cut)) {
                draft.add(element);
            }
        }
        return draft.build();
    }

    private static boolean belongs(ReceiptPart part, boolean voucherThing) {
        return switch (part) {
            case WHOLE -> true;
            case VOUCHER -> voucherThing;
            case CASH -> !voucherThing;
        };
    }
}
