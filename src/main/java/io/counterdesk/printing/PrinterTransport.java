package io.counterdesk.printing;

/**
 * Where ESC/POS bytes go: a network printer ({@link TcpTransport}), a device file or serial port
 * ({@link DeviceFileTransport}) or the operating system's spooler ({@link SpoolerTransport}). A
 * transport sends whole jobs only; it checks the printer's status first where the printer can be
 * asked, and refuses the job with a {@link PrinterException} when the printer cannot print.
 */
public interface PrinterTransport extends AutoCloseable {

    /**
     * Sends one complete job.
     *
     * @return the status seen just before sending ({@link PrinterStatus#UNKNOWN} where it cannot be asked)
     * @throws PrinterException when the job was refused or could not be sent
     */
    PrinterStatus send(byte[] job);

    /** Asks the printer now; never throws (an unreachable printer is {@link PrinterStatus#OFFLINE}). */
    PrinterStatus status();

    /** Where the bytes go, for messages and logs: {@code 192.168.1.50:9100}, {@code /dev/usb/lp0} … */
    String describe();

    @Override
    default void close() {
    }
}
