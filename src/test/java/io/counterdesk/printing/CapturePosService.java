package io.counterdesk.printing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jpos.CashDrawerControl114;
import jpos.JposConst;
import jpos.JposException;
import jpos.LineDisplayControl114;
import jpos.POSPrinterConst;
import jpos.POSPrinterControl114;

/**
 * A JavaPOS service of our own behind the real {@code jpos} interfaces, standing where a vendor's
 * service stands: a {@link Proxy} implementing {@link POSPrinterControl114} that turns
 * printNormal (with its UnifiedPOS escape sequences), printBarCode and cutPaper into ESC/POS bytes
 * and sends each job to a real {@link CapturePrinter} over TCP; status properties (RecEmpty,
 * CoverOpen, PowerState) are asked from that printer with DLE EOT. It keeps the UnifiedPOS rules
 * the adapter must follow (open before claim, claim before enable, PowerNotify only while
 * disabled) and answers any method it does not implement with JPOS_E_ILLEGAL, so a test sees it.
 */
final class CapturePosService {

    /** Logical names this service knows, as a {@code jpos.xml} would list them. */
    static final Set<String> KNOWN = Set.of("Receipt", "Drawer", "CustomerDisplay");

    private CapturePosService() {
    }

    static POSPrinterControl114 printer(CapturePrinter capture, boolean barCodes) {
        return proxy(POSPrinterControl114.class, new Printer(capture, barCodes, false));
    }

    /** A printer whose roll ends once, after {@code lines} lines: that printNormal fails with JPOS_EPTR_REC_EMPTY. */
    static POSPrinterControl114 printerRunningOutAfter(CapturePrinter capture, int lines) {
        Printer printer = new Printer(capture, true, false);
        printer.linesLeft = lines;
        return proxy(POSPrinterControl114.class, printer);
    }

    /** A printer some other program has claimed. */
    static POSPrinterControl114 claimedPrinter(CapturePrinter capture) {
        return proxy(POSPrinterControl114.class, new Printer(capture, true, true));
    }

    static CashDrawerControl114 drawer(CapturePrinter capture) {
        return proxy(CashDrawerControl114.class, new Drawer(capture));
    }

    static LineDisplayControl114 display(List<String> shown) {
        return proxy(LineDisplayControl114.class, new Display(shown));
    }

    private static <T> T proxy(Class<T> type, Device device) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, device));
    }

    /** Dispatches by method name to the device's handlers; anything else is JPOS_E_ILLEGAL. */
    private abstract static class Device implements InvocationHandler {

        interface Call {
            Object run(Object[] args) throws JposException;
        }

        final Map<String, Call> calls = new HashMap<>();
        int state = JposConst.JPOS_S_CLOSED;
        boolean claimed;
        boolean enabled;
        final boolean claimedElsewhere;

        Device(boolean claimedElsewhere) {
            this.claimedElsewhere = claimedElsewhere;
            calls.put("open", a -> {
                if (state != JposConst.JPOS_S_CLOSED) {
                    throw new JposException(JposConst.JPOS_E_ILLEGAL, "already open");
                }
                if (!KNOWN.contains((String) a[0])) {
                    throw new JposException(JposConst.JPOS_E_NOEXIST, "no device " + a[0] + " in jpos.xml");
                }
                state = JposConst.JPOS_S_IDLE;
                return null;
            });
            calls.put("claim", a -> {
                requireOpen();
                if (claimedElsewhere) {
                    throw new JposException(JposConst.JPOS_E_CLAIMED, "claimed by another program");
                }
                claimed = true;
                return null;
            });
            calls.put("setDeviceEnabled", a -> {
                if (!claimed) {
                    throw new JposException(JposConst.JPOS_E_NOTCLAIMED, "not claimed");
                }
                enabled = (Boolean) a[0];
                return null;
            });
            calls.put("getDeviceEnabled", a -> enabled);
            calls.put("getClaimed", a -> claimed);
            calls.put("getState", a -> state);
            calls.put("release", a -> {
                enabled = false;
                claimed = false;
                return null;
            });
            calls.put("close", a -> {
                enabled = false;
                claimed = false;
                state = JposConst.JPOS_S_CLOSED;
                return null;
            });
        }

        void requireOpen() throws JposException {
            if (state == JposConst.JPOS_S_CLOSED) {
                throw new JposException(JposConst.JPOS_E_CLOSED, "not open");
            }
        }

        void requireEnabled() throws JposException {
            if (!enabled) {
                throw new JposException(JposConst.JPOS_E_DISABLED, "not enabled");
            }
        }

        @Override
        public synchronized Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "toString" -> {
                    return "CapturePosService." + getClass().getSimpleName();
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                default -> {
                }
            }
            Call call = calls.get(method.getName());
            if (call == null) {
                throw new JposException(JposConst.JPOS_E_ILLEGAL, "the test service does not implement " + method.getName());
            }
            try {
                return call.run(args == null ? new Object[0] : args);
            } catch (ClassCastException | NullPointerException e) {
                throw new JposException(JposConst.JPOS_E_FAILURE, e.toString());
            }
        }
    }

    private static final class Printer extends Device {

        private final CapturePrinter capture;
        private final TcpTransport statusLine;
        private final ByteArrayOutputStream job = new ByteArrayOutputStream();
        private boolean inTransaction;
        private boolean powerNotify;
        private int lineChars = 42;
        private int linesLeft = -1;

        Printer(CapturePrinter capture, boolean barCodes, boolean claimedElsewhere) {
            super(claimedElsewhere);
            this.capture = capture;
            this.statusLine = new TcpTransport(capture.host(), capture.port());
            calls.put("getCapPowerReporting", a -> JposConst.JPOS_PR_STANDARD);
            calls.put("setPowerNotify", a -> {
                if (enabled) {
                    throw new JposException(JposConst.JPOS_E_ILLEGAL, "PowerNotify may only be set while disabled");
                }
                powerNotify = (Integer) a[0] == JposConst.JPOS_PN_ENABLED;
                return null;
            });
            calls.put("getPowerState", a -> {
                if (!powerNotify) {
                    return JposConst.JPOS_PS_UNKNOWN;
                }
                return printerStatus() == PrinterStatus.OFFLINE ? JposConst.JPOS_PS_OFFLINE : JposConst.JPOS_PS_ONLINE;
            });
            calls.put("setAsyncMode", a -> null);
            calls.put("setMapMode", a -> null);
            calls.put("getRecLineChars", a -> lineChars);
            calls.put("setRecLineChars", a -> {
                int chars = (Integer) a[0];
                if (chars != 32 && chars != 42 && chars != 48) {
                    throw new JposException(JposConst.JPOS_E_ILLEGAL, "RecLineChars " + chars);
                }
                lineChars = chars;
                return null;
            });
            calls.put("getCapCoverSensor", a -> true);
            calls.put("getCapRecEmptySensor", a -> true);
            calls.put("getCapRecNearEndSensor", a -> true);
            calls.put("getCoverOpen", a -> enabledStatus() == PrinterStatus.COVER_OPEN);
            calls.put("getRecEmpty", a -> enabledStatus() == PrinterStatus.PAPER_OUT);
            calls.put("getRecNearEnd", a -> enabledStatus() == PrinterStatus.PAPER_NEAR_END);
            calls.put("getCapTransaction", a -> true);
            calls.put("getCapRecBarCode", a -> barCodes);
            calls.put("getCapRecPapercut", a -> true);
            calls.put("getRecLinesToPaperCut", a -> 3);
            calls.put("transactionPrint", a -> {
                requireEnabled();
                if ((Integer) a[1] == POSPrinterConst.PTR_TP_TRANSACTION) {
                    inTransaction = true;
                } else {
                    inTransaction = false;
                    flush();
                }
                return null;
            });
            calls.put("printNormal", a -> {
                requireReceipt(a[0]);
                translate((String) a[1]);
                flushUnlessInTransaction();
                return null;
            });
            calls.put("printBarCode", a -> {
                requireReceipt(a[0]);
                if ((Integer) a[2] != POSPrinterConst.PTR_BCS_QRCODE || !barCodes) {
                    throw new JposException(JposConst.JPOS_E_ILLEGAL, "symbology " + a[2]);
                }
                job.writeBytes(EscPosCommands.qrCode((String) a[1], 6));
                flushUnlessInTransaction();
                return null;
            });
            calls.put("cutPaper", a -> {
                requireEnabled();
                job.writeBytes(new byte[] {0x1D, 'V', (Integer) a[0] >= 100 ? (byte) 0 : (byte) 1});
                flushUnlessInTransaction();
                return null;
            });
            calls.put("clearOutput", a -> {
                job.reset();
                inTransaction = false;
                return null;
            });
        }

        private void requireReceipt(Object station) throws JposException {
            requireEnabled();
            if ((Integer) station != POSPrinterConst.PTR_S_RECEIPT) {
                throw new JposException(JposConst.JPOS_E_ILLEGAL, "station " + station);
            }
            if (linesLeft == 0) {
                linesLeft = -1; // the cashier loads a new roll before the next try
                throw new JposException(JposConst.JPOS_E_EXTENDED, POSPrinterConst.JPOS_EPTR_REC_EMPTY, "paper ran out");
            }
            if (linesLeft > 0) {
                linesLeft--;
            }
            PrinterStatus now = printerStatus();
            if (now == PrinterStatus.PAPER_OUT) {
                throw new JposException(JposConst.JPOS_E_EXTENDED, POSPrinterConst.JPOS_EPTR_REC_EMPTY, "paper out");
            }
        }

        private PrinterStatus enabledStatus() throws JposException {
            requireEnabled();
            return printerStatus();
        }

        private PrinterStatus printerStatus() {
            return statusLine.status();
        }

        /** UnifiedPOS text with ESC| sequences into ESC/POS bytes. */
        private void translate(String data) throws JposException {
            StringBuilder text = new StringBuilder();
            int i = 0;
            while (i < data.length()) {
                if (data.startsWith(JavaPosPrinter.ESC, i)) {
                    writeText(text);
                    int j = i + 2;
                    int numberStart = j;
                    while (j < data.length() && Character.isDigit(data.charAt(j))) {
                        j++;
                    }
                    String number = data.substring(numberStart, j);
                    int codeStart = j;
                    while (j < data.length() && !Character.isUpperCase(data.charAt(j))) {
                        j++;
                    }
                    String code = data.substring(codeStart, Math.min(j + 1, data.length()));
                    escape(number, code);
                    i = j + 1;
                } else {
                    text.append(data.charAt(i++));
                }
            }
            writeText(text);
        }

        private void writeText(StringBuilder text) {
            StringBuilder run = new StringBuilder();
            for (char c : text.toString().toCharArray()) {
                if (c == '\n') {
                    job.writeBytes(run.toString().getBytes(EscPosEncoder.CHARSET));
                    job.write('\n');
                    run.setLength(0);
                } else {
                    run.append(c);
                }
            }
            job.writeBytes(run.toString().getBytes(EscPosEncoder.CHARSET));
            text.setLength(0);
        }

        private void escape(String number, String code) throws JposException {
            switch (code) {
                case "N" -> job.writeBytes(new byte[] {0x1B, '!', 0, 0x1B, 'E', 0, 0x1D, '!', 0, 0x1B, 'a', 0});
                case "cA" -> job.writeBytes(new byte[] {0x1B, 'a', 1});
                case "rA" -> job.writeBytes(new byte[] {0x1B, 'a', 2});
                case "lA" -> job.writeBytes(new byte[] {0x1B, 'a', 0});
                case "bC" -> job.writeBytes(new byte[] {0x1B, 'E', 1});
                case "!bC" -> job.writeBytes(new byte[] {0x1B, 'E', 0});
                case "C" -> job.writeBytes(new byte[] {0x1D, '!', switch (number) {
                    // ESC|1C single, 2C double wide, 3C double high, 4C both
                    case "1" -> 0x00;
                    case "2" -> 0x10;
                    case "3" -> 0x01;
                    case "4" -> 0x11;
                    default -> throw new JposException(JposConst.JPOS_E_ILLEGAL, "escape sequence ESC|" + number + code);
                }});
                case "lF" -> job.writeBytes(new byte[] {0x1B, 'd', (byte) (number.isEmpty() ? 1 : Integer.parseInt(number))});
                default -> throw new JposException(JposConst.JPOS_E_ILLEGAL, "escape sequence ESC|" + number + code);
            }
        }

        private void flushUnlessInTransaction() throws JposException {
            if (!inTransaction) {
                flush();
            }
        }

        /** One job, one connection to the capture printer: initialise, Chinese mode, the bytes. */
        private void flush() throws JposException {
            if (job.size() == 0) {
                return;
            }
            byte[] bytes = job.toByteArray();
            job.reset();
            send(capture, bytes);
        }
    }

    private static final class Drawer extends Device {

        Drawer(CapturePrinter capture) {
            super(false);
            calls.put("openDrawer", a -> {
                requireEnabled();
                send(capture, new byte[] {0x1B, 'p', 0, 25, (byte) 250});
                return null;
            });
            calls.put("getDrawerOpened", a -> false);
        }
    }

    private static final class Display extends Device {

        private final List<String> shown;
        private final List<String> rows = new ArrayList<>(List.of("", ""));

        Display(List<String> shown) {
            super(false);
            this.shown = shown;
            calls.put("getColumns", a -> 20);
            calls.put("getRows", a -> 2);
            calls.put("clearText", a -> {
                requireEnabled();
                rows.set(0, "");
                rows.set(1, "");
                shown.clear();
                return null;
            });
            calls.put("displayTextAt", a -> {
                requireEnabled();
                String text = (String) a[2];
                if (TextWidth.columns(text) > 20) {
                    throw new JposException(JposConst.JPOS_E_ILLEGAL, "too wide: " + text);
                }
                rows.set((Integer) a[0], text);
                shown.clear();
                shown.addAll(rows);
                return null;
            });
        }
    }

    private static void send(CapturePrinter capture, byte[] bytes) throws JposException {
        try (Socket socket = new Socket(capture.host(), capture.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {0x1B, '@', 0x1C, '&'});
            out.write(bytes);
            out.flush();
            socket.shutdownOutput();
            while (socket.getInputStream().read() >= 0) {
                // until the capture printer has stored the job and closed
            }
        } catch (IOException e) {
            throw new JposException(JposConst.JPOS_E_OFFLINE, "printer not reachable", e);
        }
    }
}
