package io.counterdesk.report;

import io.counterdesk.printing.PrinterException;
import io.counterdesk.printing.ReceiptPrinter;
import io.counterdesk.security.Operator;
import java.time.ZoneId;
import java.util.Optional;

/** Prints the summary slip of a cashier's daily cash report after the close (the report is committed first). */
public final class CashReportPrinting {

    private final DayReportService reports;
    private final ReceiptPrinter printer;
    private final ZoneId zone;

    public CashReportPrinting(DayReportService reports, ReceiptPrinter printer, ZoneId zone) {
        this.reports = reports;
        this.printer = printer;
        this.zone = zone;
    }

    /** The report, and the printer's refusal if the slip did not print (it stays pending for F9). */
    public record Printed(CashierDayReport report, Optional<PrinterException> failure) {
    }

    public Printed print(Operator viewer, long tillId) {
        CashierDayReport report = reports.cashierReport(viewer, tillId);
        try {
            printer.print(CashReportSlip.layout(report, zone));
            return new Printed(report, Optional.empty());
        } catch (PrinterException e) {
            return new Printed(report, Optional.of(e));
        }
    }
}
