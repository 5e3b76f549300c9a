package io.counterdesk.printing;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.print.DocFlavor;
import javax.print.DocPrintJob;
import javax.print.PrintException;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.SimpleDoc;
import javax.print.attribute.HashPrintRequestAttributeSet;
import javax.print.attribute.PrintRequestAttributeSet;
import javax.print.attribute.standard.JobName;
import javax.print.attribute.standard.PrinterIsAcceptingJobs;

/**
 * A printer installed in the operating system (Windows printer, CUPS queue), fed the ESC/POS
 * bytes as they are through {@code javax.print} ({@link DocFlavor.BYTE_ARRAY#AUTOSENSE}). The queue
 * must pass raw data through: on Windows a "Generic / Text Only" or the vendor's driver, on Linux
 * a raw CUPS queue (docs/printing.md).
 *
 * <p>Status: no service of that name is {@link PrinterStatus#NOT_CONFIGURED} (the message lists the
 * printers there are), a queue that is not accepting jobs is {@link PrinterStatus#OFFLINE}, anything
 * else {@link PrinterStatus#UNKNOWN}: spoolers do not report paper.
 */
public final class SpoolerTransport implements PrinterTransport {

    private static final DocFlavor RAW = DocFlavor.BYTE_ARRAY.AUTOSENSE;

    private final String serviceName;

    public SpoolerTransport(String serviceName) {
        this.serviceName = Objects.requireNonNull(serviceName).strip();
        if (this.serviceName.isEmpty()) {
            throw new IllegalArgumentException("printer name must not be empty");
        }
    }

    /** The names of the printers the operating system offers for raw bytes. */
    public static List<String> availableServices() {
        return Arrays.stream(PrintServiceLookup.lookupPrintServices(RAW, null)).map(PrintService::getName).toList();
    }

    @Override
    public PrinterStatus send(byte[] job) {
        PrintService service = find().orElseThrow(() -> new PrinterException(PrinterStatus.NOT_CONFIGURED, false, null,
                "printing.error.noSuchService", serviceName, listOrNone(availableServices())));
        PrinterStatus status = statusOf(service);
        if (!status.canPrint()) {
            throw PrinterException.refused(status, describe());
        }
        PrintRequestAttributeSet attributes = new HashPrintRequestAttributeSet();
        attributes.add(new JobName("CounterDesk", null));
        DocPrintJob printJob = service.createPrintJob();
        try {
            printJob.print(new SimpleDoc(job, RAW, null), attributes);
        } catch (PrintException e) {
            throw new PrinterException(PrinterStatus.OFFLINE, false, e, "printing.error.spooler", serviceName,
                    String.valueOf(e.getMessage()));
        }
        return status;
    }

    @Override
    public PrinterStatus status() {
        return find().map(SpoolerTransport::statusOf).orElse(PrinterStatus.NOT_CONFIGURED);
    }

    @Override
    public String describe() {
        return serviceName;
    }

    private Optional<PrintService> find() {
        PrintService[] services = PrintServiceLookup.lookupPrintServices(RAW, null);
        Optional<PrintService> exact = Arrays.stream(services).filter(s -> s.getName().equals(serviceName)).findFirst();
        return exact.isPresent() ? exact
                : Arrays.stream(services).filter(s -> s.getName().equalsIgnoreCase(serviceName)).findFirst();
    }

    private static PrinterStatus statusOf(PrintService service) {
        PrinterIsAcceptingJobs accepting = service.getAttribute(PrinterIsAcceptingJobs.class);
        return PrinterIsAcceptingJobs.NOT_ACCEPTING_JOBS.equals(accepting) ? PrinterStatus.OFFLINE : PrinterStatus.UNKNOWN;
    }

    private static String listOrNone(List<String> names) {
        return names.isEmpty() ? "—" : String.join(", ", names);
    }
}
