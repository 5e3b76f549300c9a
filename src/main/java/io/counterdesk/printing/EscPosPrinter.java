package io.counterdesk.printing;

import java.util.Objects;

/** An ESC/POS printer: the document encoded into one job, then sent over a transport. */
public final class EscPosPrinter implements PrinterDevice {

    private final PrinterTransport transport;
    private final EscPosEncoder encoder;

    public EscPosPrinter(PrinterTransport transport, EscPosEncoder encoder) {
        this.transport = Objects.requireNonNull(transport);
        this.encoder = Objects.requireNonNull(encoder);
    }

    @Override
    public PrinterStatus print(PrintDocument document) {
        byte[] job = encoder.encode(document);
        return transport.send(job);
    }

    @Override
    public PrinterStatus status() {
        return transport.status();
    }

    @Override
    public String describe() {
        return transport.describe();
    }

    public PrinterTransport transport() {
        return transport;
    }

    public EscPosEncoder encoder() {
        return encoder;
    }

    @Override
    public void close() {
        transport.close();
    }
}
