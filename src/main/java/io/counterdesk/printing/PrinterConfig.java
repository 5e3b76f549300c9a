package io.counterdesk.printing;

import io.counterdesk.shared.BusinessException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Which receipt printer this terminal uses and how to reach it. Read from the terminal's
 * configuration with {@link #fromProperties(Map)} (keys {@code printer.*}, listed in
 * docs/printing.md) or built with {@link #builder(Kind)}.
 */
public final class PrinterConfig {

    /** How the printer is reached. */
    public enum Kind {
        /** The built-in capture printer on a local port (demo mode, tests). */
        CAPTURE,
        /** A network printer's raw port (9100). */
        TCP,
        /** A device file: USB printer class, serial or parallel port. */
        DEVICE,
        /** A printer installed in the operating system, fed raw bytes. */
        SPOOLER,
        /** The vendor's JavaPOS service. */
        JAVAPOS,
        /** No receipt printer. */
        NONE
    }

    private final Kind kind;
    private final PaperWidth paper;
    private final boolean drawerEnabled;
    private final int drawerPin;
    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final boolean statusQuery;
    private final String devicePath;
    private final String serviceName;
    private final String logicalName;
    private final String drawerLogicalName;
    private final Path javaPosJars;
    private final Path javaPosConfig;
    private final int capturePort;
    private final Path captureDirectory;

    private PrinterConfig(Builder b) {
        this.kind = b.kind;
        this.paper = b.paper;
        this.drawerEnabled = b.drawerEnabled;
        this.drawerPin = b.drawerPin;
        this.host = b.host;
        this.port = b.port;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.statusQuery = b.statusQuery;
        this.devicePath = b.devicePath;
        this.serviceName = b.serviceName;
        this.logicalName = b.logicalName;
        this.drawerLogicalName = b.drawerLogicalName;
        this.javaPosJars = b.javaPosJars;
        this.javaPosConfig = b.javaPosConfig;
        this.capturePort = b.capturePort;
        this.captureDirectory = b.captureDirectory;
    }

    public static Builder builder(Kind kind) {
        return new Builder(kind);
    }

    public static PrinterConfig none() {
        return builder(Kind.NONE).build();
    }

    /** The built-in capture printer on a free local port, 80 mm paper. */
    public static PrinterConfig capture() {
        return builder(Kind.CAPTURE).build();
    }

    public static PrinterConfig fromProperties(Properties properties) {
        Map<String, String> map = new java.util.HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            map.put(name, properties.getProperty(name));
        }
        return fromProperties(map);
    }

    /**
     * From configuration keys; a missing {@code printer.kind} means {@link Kind#NONE}.
     *
     * @throws BusinessException {@code printing.config.missing} / {@code printing.config.invalid}
     *                           naming the key, for the set-up person
     */
    public static PrinterConfig fromProperties(Map<String, String> p) {
        Kind kind = enumValue(p, "printer.kind", Kind.NONE);
        Builder b = builder(kind);
        b.paper(parse(p, "printer.paper", PaperWidth.MM80, PaperWidth::parse));
        b.drawer(parse(p, "printer.drawer", true, PrinterConfig::parseBoolean));
        b.drawerPin(parse(p, "printer.drawer.pin", 2, Integer::parseInt));
        b.host(p.get("printer.tcp.host"));
        b.port(parse(p, "printer.tcp.port", TcpTransport.DEFAULT_PORT, Integer::parseInt));
        b.connectTimeout(parse(p, "printer.tcp.connectTimeoutMs", TcpTransport.DEFAULT_CONNECT_TIMEOUT,
                s -> Duration.ofMillis(Long.parseLong(s))));
        b.readTimeout(parse(p, "printer.tcp.readTimeoutMs", TcpTransport.DEFAULT_READ_TIMEOUT,
                s -> Duration.ofMillis(Long.parseLong(s))));
        b.statusQuery(parse(p, "printer.tcp.statusQuery", true, PrinterConfig::parseBoolean));
        b.devicePath(p.get("printer.device.path"));
        b.serviceName(p.get("printer.spooler.name"));
        b.logicalName(p.get("printer.javapos.printer"));
        b.drawerLogicalName(blankToNull(p.get("printer.javapos.drawer")));
        b.javaPosJars(parse(p, "printer.javapos.jars", null, Path::of));
        b.javaPosConfig(parse(p, "printer.javapos.config", null, Path::of));
        b.capturePort(parse(p, "printer.capture.port", 0, Integer::parseInt));
        b.captureDirectory(parse(p, "printer.capture.dir", null, Path::of));
        return b.build();
    }

    public Kind kind() {
        return kind;
    }

    public PaperWidth paper() {
        return paper;
    }

    /** False on a terminal without a cash drawer: drawer kicks are left out of every job. */
    public boolean drawerEnabled() {
        return drawerEnabled;
    }

    /** The drawer connector pin, 2 (almost always) or 5. */
    public int drawerPin() {
        return drawerPin;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /** Whether to ask DLE EOT before each job (TCP). */
    public boolean statusQuery() {
        return statusQuery;
    }

    public String devicePath() {
        return devicePath;
    }

    public String serviceName() {
        return serviceName;
    }

    /** The JavaPOS printer's logical name in {@code jpos.xml}. */
    public String logicalName() {
        return logicalName;
    }

    /** The JavaPOS cash drawer's logical name, or null. */
    public String drawerLogicalName() {
        return drawerLogicalName;
    }

    /** A directory of the vendor's JavaPOS jars, or null when they are on the class path. */
    public Path javaPosJars() {
        return javaPosJars;
    }

    /** The vendor's {@code jpos.xml}, or null to leave it to the vendor's defaults. */
    public Path javaPosConfig() {
        return javaPosConfig;
    }

    /** The capture printer's port; 0 picks a free one. */
    public int capturePort() {
        return capturePort;
    }

    /** Where the capture printer also writes its jobs, or null. */
    public Path captureDirectory() {
        return captureDirectory;
    }

    @Override
    public String toString() {
        return "PrinterConfig[" + kind + ", " + paper + ", drawer " + (drawerEnabled ? "pin " + drawerPin : "off")
                + switch (kind) {
                    case TCP -> ", " + host + ":" + port;
                    case DEVICE -> ", " + devicePath;
                    case SPOOLER -> ", " + serviceName;
                    case JAVAPOS -> ", " + logicalName + (drawerLogicalName != null ? " / " + drawerLogicalName : "");
                    case CAPTURE -> ", port " + capturePort;
                    case NONE -> "";
                } + "]";
    }

    private static <T> T parse(Map<String, String> p, String key, T fallback, java.util.function.Function<String, T> parser) {
        String value = p.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return parser.apply(value.strip());
        } catch (RuntimeException e) {
            throw new BusinessException("printing.config.invalid", key, value);
        }
    }

    private static Kind enumValue(Map<String, String> p, String key, Kind fallback) {
        return parse(p, key, fallback, s -> Kind.valueOf(s.toUpperCase(Locale.ROOT)));
    }

    private static boolean parseBoolean(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(s);
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Builds a {@link PrinterConfig}; {@link #build()} checks that the kind's required setting is there. */
    public static final class Builder {

        private final Kind kind;
        private PaperWidth paper = PaperWidth.MM80;
        private boolean drawerEnabled = true;
        private int drawerPin = 2;
        private String host;
        private int port = TcpTransport.DEFAULT_PORT;
        private Duration connectTimeout = TcpTransport.DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = TcpTransport.DEFAULT_READ_TIMEOUT;
        private boolean statusQuery = true;
        private String devicePath;
        private String serviceName;
        private String logicalName;
        private String drawerLogicalName;
        private Path javaPosJars;
        private Path javaPosConfig;
        private int capturePort;
        private Path captureDirectory;

        private Builder(Kind kind) {
            this.kind = Objects.requireNonNull(kind);
        }

        public Builder paper(PaperWidth value) {
            this.paper = Objects.requireNonNull(value);
            return this;
        }

        public Builder drawer(boolean enabled) {
            this.drawerEnabled = enabled;
            return this;
        }

        public Builder drawerPin(int pin) {
            this.drawerPin = pin;
            return this;
        }

        public Builder host(String value) {
            this.host = blankToNull(value);
            return this;
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = Objects.requireNonNull(value);
            return this;
        }

        public Builder readTimeout(Duration value) {
            this.readTimeout = Objects.requireNonNull(value);
            return this;
        }

        public Builder statusQuery(boolean value) {
            this.statusQuery = value;
            return this;
        }

        public Builder devicePath(String value) {
            this.devicePath = blankToNull(value);
            return this;
        }

        public Builder serviceName(String value) {
            this.serviceName = blankToNull(value);
            return this;
        }

        public Builder logicalName(String value) {
            this.logicalName = blankToNull(value);
            return this;
        }

        public Builder drawerLogicalName(String value) {
            this.drawerLogicalName = blankToNull(value);
            return this;
        }

        public Builder javaPosJars(Path value) {
            this.javaPosJars = value;
            return this;
        }

        public Builder javaPosConfig(Path value) {
            this.javaPosConfig = value;
            return this;
        }

        public Builder capturePort(int value) {
            this.capturePort = value;
            return this;
        }

        public Builder captureDirectory(Path value) {
            this.captureDirectory = value;
            return this;
        }

        public PrinterConfig build() {
            switch (kind) {
                case TCP -> require(host, "printer.tcp.host");
                case DEVICE -> require(devicePath, "printer.device.path");
                case SPOOLER -> require(serviceName, "printer.spooler.name");
                case JAVAPOS -> require(logicalName, "printer.javapos.printer");
                default -> {
                }
            }
            if (port < 1 || port > 65535) {
                throw new BusinessException("printing.config.invalid", "printer.tcp.port", String.valueOf(port));
            }
            if (capturePort < 0 || capturePort > 65535) {
                throw new BusinessException("printing.config.invalid", "printer.capture.port", String.valueOf(capturePort));
            }
            if (drawerPin != 2 && drawerPin != 5) {
                throw new BusinessException("printing.config.invalid", "printer.drawer.pin", String.valueOf(drawerPin));
            }
            return new PrinterConfig(this);
        }

        private static void require(String value, String key) {
            if (value == null) {
                throw new BusinessException("printing.config.missing", key);
            }
        }
    }
}
