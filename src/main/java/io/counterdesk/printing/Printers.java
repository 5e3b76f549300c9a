package io.counterdesk.printing;

import java.nio.file.Path;

/** Opens the receipt printer a {@link PrinterConfig} describes. */
public final class Printers {

    private Printers() {
    }

    /**
     * The configured printer. Opening does not touch the printer (no connection, no claim): the
     * first {@link ReceiptPrinter#status()} or print does. Only {@link PrinterConfig.Kind#CAPTURE}
     * starts something: the capture printer, closed with the returned printer.
     */
    public static ReceiptPrinter open(PrinterConfig config) {
        return switch (config.kind()) {
            case CAPTURE -> {
                CapturePrinter capture = CapturePrinter.start(config.capturePort(), config.captureDirectory());
                TcpTransport transport = new TcpTransport(capture.host(), capture.port(), config.connectTimeout(),
                        config.readTimeout(), true);
                yield new ReceiptPrinter(new EscPosPrinter(transport, encoder(config)), config.drawerEnabled(), capture);
            }
            case TCP -> escPos(config, new TcpTransport(config.host(), config.port(), config.connectTimeout(),
                    config.readTimeout(), config.statusQuery()));
            case DEVICE -> escPos(config, new DeviceFileTransport(config.devicePath()));
            case SPOOLER -> escPos(config, new SpoolerTransport(config.serviceName()));
            case JAVAPOS -> {
                useJposXml(config.javaPosConfig());
                yield new ReceiptPrinter(JavaPosPrinter.fromClassPath(config.logicalName(),
                        config.drawerEnabled() ? config.drawerLogicalName() : null, config.paper(), config.javaPosJars()),
                        config.drawerEnabled());
            }
            case NONE -> new ReceiptPrinter(new UnconfiguredPrinter(), false);
        };
    }

    private static ReceiptPrinter escPos(PrinterConfig config, PrinterTransport transport) {
        return new ReceiptPrinter(new EscPosPrinter(transport, encoder(config)), config.drawerEnabled());
    }

    private static EscPosEncoder encoder(PrinterConfig config) {
        return new EscPosEncoder(config.paper(), config.drawerPin(), EscPosEncoder.DEFAULT_FEED_BEFORE_CUT);
    }

    /** Points the JavaPOS config loader at {@code jpos.xml}, unless the launcher already did. */
    private static void useJposXml(Path jposXml) {
        if (jposXml != null && System.getProperty(JavaPosControls.POPULATOR_FILE_PROPERTY) == null) {
            System.setProperty(JavaPosControls.POPULATOR_FILE_PROPERTY, jposXml.toAbsolutePath().toString());
        }
    }
}
