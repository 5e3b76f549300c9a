package io.counterdesk.bench;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import javax.smartcardio.TerminalFactory;
import javax.smartcardio.TerminalFactorySpi;

/**
 * A {@code javax.smartcardio} terminal factory in front of another one (the real PC/SC factory):
 * every call the program makes passes through unchanged, and is counted and timed on the way —
 * each APDU by kind with its bytes and its round trip (program → pcscd → vpcd → card → back), and
 * the PC/SC calls around them (list readers, connect, exclusive access, disconnect). The program
 * cannot tell: {@code CardReaders.of(tap.factory())} drives it with the code that drives a real reader.
 */
final class ApduTap {

    /** What an APDU does, by its instruction byte. */
    enum Kind {
        SELECT("select"),
        READ("read"),
        UPDATE("update"),
        PSC("PSC"),
        OTHER("other");

        final String label;

        Kind(String label) {
            this.label = label;
        }

        /** A4 select (card type, application, file); B0 read; D6 update; B1 / 20 / D2 the SLE4442 PSC commands. */
        static Kind of(CommandAPDU command) {
            return switch (command.getINS()) {
                case 0xA4 -> SELECT;
                case 0xB0 -> READ;
                case 0xD6 -> UPDATE;
                case 0xB1, 0x20, 0xD2 -> PSC;
                default -> OTHER;
            };
        }
    }

    /** The PC/SC calls other than APDUs. */
    enum Call {
        LIST("list readers"),
        CONNECT("connect"),
        EXCLUSIVE("begin/end exclusive"),
        DISCONNECT("disconnect (reset)");

        final String label;

        Call(String label) {
            this.label = label;
        }
    }

    /** Counts, bytes and times since the last {@link #reset()}. */
    static final class Tally {
        final Map<Kind, Integer> apdus = new LinkedHashMap<>();
        final Map<Call, Integer> calls = new LinkedHashMap<>();
        long bytesSent;
        long bytesReceived;
        long apduNanos;
        long callNanos;

        int apduCount() {
            return apdus.values().stream().mapToInt(Integer::intValue).sum();
        }

        int count(Kind kind) {
            return apdus.getOrDefault(kind, 0);
        }

        int count(Call call) {
            return calls.getOrDefault(call, 0);
        }
    }

    private final TerminalFactory delegate;
    private final Map<Kind, Samples> apduTimes = new LinkedHashMap<>();
    private final Map<Call, Samples> callTimes = new LinkedHashMap<>();
    private Tally tally = new Tally();
    private boolean recording;

    ApduTap(TerminalFactory delegate) {
        this.delegate = Objects.requireNonNull(delegate);
        for (Kind kind : Kind.values()) {
            apduTimes.put(kind, new Samples(kind.label));
        }
        for (Call call : Call.values()) {
            callTimes.put(call, new Samples(call.label));
        }
    }

    /** The factory to hand to {@code CardReaders.of}. */
    TerminalFactory factory() {
        try {
            return TerminalFactory.getInstance(TapProvider.TYPE, this, new TapProvider());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a new tally; from now on times are also kept as samples when {@code record} is true. */
    synchronized void reset(boolean record) {
        tally = new Tally();
        recording = record;
    }

    /** What passed since the last reset. */
    synchronized Tally tally() {
        return tally;
    }

    /** Round-trip times of the recorded APDUs of one kind. */
    synchronized Samples apduTimes(Kind kind) {
        return apduTimes.get(kind);
    }

    /** Times of the recorded PC/SC calls of one kind. */
    synchronized Samples callTimes(Call call) {
        return callTimes.get(call);
    }

    private synchronized void apdu(CommandAPDU command, ResponseAPDU response, long nanos) {
        Kind kind = Kind.of(command);
        tally.apdus.merge(kind, 1, Integer::sum);
        tally.bytesSent += command.getBytes().length;
        tally.bytesReceived += response.getBytes().length;
        tally.apduNanos += nanos;
        if (recording) {
            apduTimes.get(kind).add(nanos);
        }
    }

    private synchronized void call(Call call, long nanos) {
        tally.calls.merge(call, 1, Integer::sum);
        tally.callNanos += nanos;
        if (recording) {
            callTimes.get(call).add(nanos);
        }
    }

    /** The provider of the tap's terminal factory; public for {@code java.security.Provider}'s reflection. */
    public static final class TapProvider extends Provider {
        static final String TYPE = "CounterDeskApduTap";
        private static final long serialVersionUID = 1L;

        TapProvider() {
            super(TYPE, "1.0", "counts and times the calls to another terminal factory");
            put("TerminalFactory." + TYPE, Spi.class.getName());
        }
    }

    /** Instantiated by the provider with the tap as parameter. */
    public static final class Spi extends TerminalFactorySpi {
        private final ApduTap tap;

        public Spi(Object tap) {
            this.tap = (ApduTap) tap;
        }

        @Override
        protected CardTerminals engineTerminals() {
            return tap.new Terminals(tap.delegate.terminals());
        }
    }

    private final class Terminals extends CardTerminals {
        private final CardTerminals inner;

        Terminals(CardTerminals inner) {
            this.inner = inner;
        }

        @Override
        public List<CardTerminal> list(State state) throws CardException {
            long start = System.nanoTime();
            try {
                return inner.list(state).stream().<CardTerminal>map(Terminal::new).toList();
            } finally {
                call(Call.LIST, System.nanoTime() - start);
            }
        }

        @Override
        public boolean waitForChange(long timeout) throws CardException {
            return inner.waitForChange(timeout);
        }
    }

    private final class Terminal extends CardTerminal {
        private final CardTerminal inner;

        Terminal(CardTerminal inner) {
            this.inner = inner;
        }

        @Override
        public String getName() {
            return inner.getName();
        }

        @Override
        public Card connect(String protocol) throws CardException {
            long start = System.nanoTime();
            try {
                return new TappedCard(inner.connect(protocol));
            } finally {
                call(Call.CONNECT, System.nanoTime() - start);
            }
        }

        @Override
        public boolean isCardPresent() throws CardException {
            return inner.isCardPresent();
        }

        @Override
        public boolean waitForCardPresent(long timeout) throws CardException {
            return inner.waitForCardPresent(timeout);
        }

        @Override
        public boolean waitForCardAbsent(long timeout) throws CardException {
            return inner.waitForCardAbsent(timeout);
        }
    }

    private final class TappedCard extends Card {
        private final Card inner;

        TappedCard(Card inner) {
            this.inner = inner;
        }

        @Override
        public ATR getATR() {
            return inner.getATR();
        }

        @Override
        public String getProtocol() {
            return inner.getProtocol();
        }

        @Override
        public CardChannel getBasicChannel() {
            return new Channel(this, inner.getBasicChannel());
        }

        @Override
        public CardChannel openLogicalChannel() throws CardException {
            return new Channel(this, inner.openLogicalChannel());
        }

        @Override
        public void beginExclusive() throws CardException {
            long start = System.nanoTime();
            try {
                inner.beginExclusive();
            } finally {
                call(Call.EXCLUSIVE, System.nanoTime() - start);
            }
        }

        @Override
        public void endExclusive() throws CardException {
            long start = System.nanoTime();
            try {
                inner.endExclusive();
            } finally {
                call(Call.EXCLUSIVE, System.nanoTime() - start);
            }
        }

        @Override
        public byte[] transmitControlCommand(int controlCode, byte[] command) throws CardException {
            return inner.transmitControlCommand(controlCode, command);
        }

        @Override
        public void disconnect(boolean reset) throws CardException {
            long start = System.nanoTime();
            try {
                inner.disconnect(reset);
            } finally {
                call(Call.DISCONNECT, System.nanoTime() - start);
            }
        }
    }

    private final class Channel extends CardChannel {
        private final Card card;
        private final CardChannel inner;

        Channel(Card card, CardChannel inner) {
            this.card = card;
            this.inner = inner;
        }

        @Override
        public Card getCard() {
            return card;
        }

        @Override
        public int getChannelNumber() {
            return inner.getChannelNumber();
        }

        @Override
        public ResponseAPDU transmit(CommandAPDU command) throws CardException {
            long start = System.nanoTime();
            ResponseAPDU response = inner.transmit(command);
            apdu(command, response, System.nanoTime() - start);
            return response;
        }

        @Override
        public int transmit(ByteBuffer command, ByteBuffer response) throws CardException {
            throw new UnsupportedOperationException("the card profiles send CommandAPDUs");
        }

        @Override
        public void close() throws CardException {
            inner.close();
        }
    }
}
