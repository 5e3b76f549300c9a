package io.counterdesk.checkout.ui;

import io.counterdesk.payment.PaymentResult;
import io.counterdesk.printing.PrintDocument;
import io.counterdesk.printing.PreviewRenderer;
import io.counterdesk.receipt.IssuedReceipt;
import io.counterdesk.receipt.PrintOutcome;
import io.counterdesk.receipt.ReceiptPrinting;
import io.counterdesk.security.Operator;
import io.counterdesk.shared.I18n;
import io.counterdesk.ui.BackgroundTask;
import io.counterdesk.ui.PrinterActivity;
import io.counterdesk.ui.TaskExecutor;
import io.counterdesk.ui.UiErrors;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The receipts of a taken payment through the printer, for every screen that takes money: sent
 * once the payment is on disk with its numbers, then read back (which came out, their previews);
 * F9 prints what the printer missed, or marked copies (重打) once all are out. A printer fault
 * never hides the payment: it is part of the answer, with the receipts kept unprinted.
 */
public final class ReceiptRun {

    private static final System.Logger LOG = System.getLogger(ReceiptRun.class.getName());

    /** What the printer did: the receipts as they now stand, and what to tell the cashier. */
    public record Printed(Outcome outcome, boolean failed, String problem, String message) {
        /** No money was taken: no receipt, nothing to say. */
        public static final Printed NOTHING = new Printed(null, false, "", "");
    }

    private final TaskExecutor executor;
    private final ReceiptPrinting printing;
    private final PrinterActivity activity;
    private final PreviewRenderer renderer;
    private final Operator cashier;

    public ReceiptRun(TaskExecutor executor, ReceiptPrinting printing, PrinterActivity activity,
                      PreviewRenderer renderer, Operator cashier) {
        this.executor = Objects.requireNonNull(executor);
        this.printing = Objects.requireNonNull(printing);
        this.activity = Objects.requireNonNull(activity);
        this.renderer = Objects.requireNonNull(renderer);
        this.cashier = Objects.requireNonNull(cashier);
    }

    /** After the commit: prints the payment's receipts; {@code done} runs on the UI thread with the outcome. */
    public void print(PaymentResult result, Consumer<Printed> done) {
        activity.printingStarted();
        BackgroundTask.of(() -> printAndRead(result, () -> printing.print(cashier, result.receipts())))
                .onSuccess(after -> {
                    activity.printingFinished();
                    boolean failed = after.failed();
                    done.accept(new Printed(after.outcome(), failed, failed ? problem(after) : "",
                            failed ? notPrinted(after) : ""));
                })
                .onFailure(error -> {
                    // nothing above throws (printAndRead catches); a fault here must still not hide the payment
                    activity.printingFinished();
                    Set<Long> unknown = result.receipts().stream().map(IssuedReceipt::id).collect(Collectors.toSet());
                    After after = new After(null, error, new Outcome(result,
                            views(result, unknown, List.of())));
                    done.accept(new Printed(after.outcome(), true, problem(after), notPrinted(after)));
                })
                .executeWith(executor);
    }

    /**
     * F9 on a result: prints the receipts the printer did not print (same numbers, as originals);
     * once all are out, prints marked copies (重打) of the payment's receipts. {@code before} null (a
     * business that took no money): {@code done} at once, nothing printed.
     */
    public void printAgain(Outcome before, Consumer<Printed> done) {
        if (before == null) {
            done.accept(Printed.NOTHING);
            return;
        }
        boolean resume = !before.allPrinted();
        PaymentResult result = before.result();
        activity.printingStarted();
        BackgroundTask.of(() -> printAndRead(result, () -> resume ? printing.resume(cashier)
                        : reprint(result.receipts())))
                .onSuccess(after -> {
                    activity.printingFinished();
                    String message;
                    if (after.failed()) {
                        message = notPrinted(after);
                    } else {
                        message = I18n.text(resume ? "ui.pay.resumed" : "ui.pay.reprinted",
                                labels(after.outcome().receipts()));
                    }
                    done.accept(new Printed(after.outcome(), after.failed(), after.failed() ? problem(after) : "",
                            message));
                })
                .onFailure(error -> {
                    activity.printingFinished();
                    done.accept(new Printed(before, true, UiErrors.text(error), UiErrors.text(error)));
                })
                .executeWith(executor);
    }

    /** "收款收据 00010001、现金核对单 00010002". */
    public static String labels(List<ReceiptView> receipts) {
        return receipts.stream().map(ReceiptView::label)
                .collect(Collectors.joining(I18n.text("ui.pay.listSeparator")));
    }

    /** What the printer did, and the receipts of the payment as they now stand. */
    private record After(PrintOutcome printed, Throwable error, Outcome outcome) {
        boolean failed() {
            return error != null || (printed != null && printed.failure().isPresent()) || !outcome.allPrinted();
        }
    }

    /** Prints (never throws: a fault is part of the answer), then reads which receipts are out and their previews. */
    private After printAndRead(PaymentResult result, Supplier<PrintOutcome> send) {
        PrintOutcome printed = null;
        Throwable error = null;
        try {
            printed = send.get();
        } catch (RuntimeException e) {
            error = e;
        }
        Set<Long> unprinted;
        try {
            unprinted = printing.unprinted(cashier).stream().map(IssuedReceipt::id).collect(Collectors.toSet());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read which receipts are unprinted", e);
            unprinted = result.receipts().stream().map(IssuedReceipt::id).collect(Collectors.toSet());
        }
        List<BufferedImage> images = new ArrayList<>();
        for (IssuedReceipt receipt : result.receipts()) {
            try {
                PrintDocument document = printed == null ? null : printed.documentOf(receipt).orElse(null);
                images.add(renderer.render(document != null ? document : printing.document(receipt.id())));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot show the preview of receipt " + receipt.id(), e);
                images.add(null);
            }
        }
        return new After(printed, error, new Outcome(result, views(result, unprinted, images)));
    }

    private static List<ReceiptView> views(PaymentResult result, Set<Long> unprinted,
                                                            List<BufferedImage> images) {
        List<ReceiptView> views = new ArrayList<>();
        for (int i = 0; i < result.receipts().size(); i++) {
            IssuedReceipt receipt = result.receipts().get(i);
            views.add(new ReceiptView(receipt, I18n.text("receipt.part." + receipt.part().name()),
                    !unprinted.contains(receipt.id()), i < images.size() ? images.get(i) : null));
        }
        return views;
    }

    private static String problem(After after) {
        if (after.printed() != null && after.printed().failure().isPresent()) {
            return after.printed().failure().get().getMessage();
        }
        return after.error() == null ? I18n.text("ui.pay.printer.unknownProblem") : UiErrors.text(after.error());
    }

    private static String notPrinted(After after) {
        return I18n.text("ui.pay.done.notPrinted", problem(after),
                labels(after.outcome().receipts().stream().filter(r -> !r.printed()).toList()));
    }

    /** Marked copies of the receipts, in order, stopping at the first the printer refuses. */
    private PrintOutcome reprint(List<IssuedReceipt> receipts) {
        List<IssuedReceipt> printed = new ArrayList<>();
        List<PrintDocument> documents = new ArrayList<>();
        for (int i = 0; i < receipts.size(); i++) {
            IssuedReceipt r = receipts.get(i);
            PrintOutcome one = printing.reprint(cashier, r.kind(), r.number());
            if (!one.allPrinted()) {
                return new PrintOutcome(printed, receipts.subList(i, receipts.size()), one.failure(), documents);
            }
            printed.add(r);
            documents.addAll(one.documents());
        }
        return new PrintOutcome(printed, List.of(), Optional.empty(), documents);
    }
}
