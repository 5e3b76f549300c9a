package io.counterdesk.printing;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A printer behind a local device file: a USB printer-class device ({@code /dev/usb/lp0}), a
 * serial port ({@code /dev/ttyS0}, {@code /dev/ttyUSB0}, Windows {@code COM3}) or a parallel port
 * ({@code LPT1}). The job is written in one go with plain file I/O.
 *
 * <p>Status: a device that has disappeared (USB printer unplugged or switched off) or that this
 * user may not write (not in the {@code lp} / {@code dialout} group) is
 * {@link PrinterStatus#OFFLINE}; otherwise {@link PrinterStatus#UNKNOWN}, because plain file I/O
 * has no read time-out and a DLE EOT answer could block forever. Serial line settings (baud rate,
 * flow control) are set outside the program ({@code stty}, {@code mode}), see docs/printing.md.
 * A regular file is appended to, which makes this transport also a "print to file".
 */
public final class DeviceFileTransport implements PrinterTransport {

    /** Windows device names, which are not files that {@link Files#exists} can see. */
    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(?i)(\\\\\\\\\\.\\\\)?(COM\\d+|LPT\\d|PRN)");

    private final String device;

    public DeviceFileTransport(String device) {
        this.device = Objects.requireNonNull(device);
        if (device.isBlank()) {
            throw new IllegalArgumentException("device path must not be empty");
        }
    }

    public DeviceFileTransport(Path device) {
        this(device.toString());
    }

    @Override
    public PrinterStatus send(byte[] job) {
        PrinterStatus status = status();
        if (!status.canPrint()) {
            throw new PrinterException(status, false, null,
                    status == PrinterStatus.OFFLINE && !exists() ? "printing.error.deviceMissing" : "printing.error.deviceNotWritable",
                    device);
        }
        FileOutputStream out;
        try {
            out = new FileOutputStream(device, isRegularFile());
        } catch (IOException e) {
            throw new PrinterException(PrinterStatus.OFFLINE, false, e, "printing.error.deviceNotWritable", device);
        }
        try (out) {
            out.write(job);
            out.flush();
        } catch (IOException e) {
            throw new PrinterException(PrinterStatus.OFFLINE, true, e, "printing.error.sendFailed", device);
        }
        return status;
    }

    @Override
    public PrinterStatus status() {
        if (isWindowsDevice()) {
            return PrinterStatus.UNKNOWN;
        }
        if (!exists() || Files.isDirectory(Path.of(device)) || !Files.isWritable(Path.of(device))) {
            return PrinterStatus.OFFLINE;
        }
        return PrinterStatus.UNKNOWN;
    }

    @Override
    public String describe() {
        return device;
    }

    private boolean exists() {
        return isWindowsDevice() || Files.exists(Path.of(device));
    }

    private boolean isRegularFile() {
        return !isWindowsDevice() && Files.isRegularFile(Path.of(device));
    }

    private boolean isWindowsDevice() {
        return WINDOWS_DEVICE.matcher(device).matches();
    }
}
