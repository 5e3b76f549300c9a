package io.counterdesk.printing;

/** {@code printer.kind=none}: every print is refused with "no receipt printer configured". */
final class UnconfiguredPrinter implements PrinterDevice {

    @Override
    public PrinterStatus print(PrintDocument document) {
        throw PrinterException.refused(PrinterStatus.NOT_CONFIGURED, describe());
    }

    @Override
    public PrinterStatus status() {
        return PrinterStatus.NOT_CONFIGURED;
    }

    @Override
    public String describe() {
        return "none";
    }
}
