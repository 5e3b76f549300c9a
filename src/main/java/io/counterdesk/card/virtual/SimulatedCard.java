package io.counterdesk.card.virtual;

import java.nio.ByteBuffer;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * A connection to a {@link VirtualCard}, as {@code javax.smartcardio} sees one: valid until
 * disconnected or until the card leaves its slot; a lost contact mid-command is a removal.
 */
final class SimulatedCard extends Card {

    private final VirtualCard card;
    private final String protocol;
    private final Contact contact;
    private final CardChannel basic = new Channel();
    private boolean disconnected;
    private Thread exclusive;

    SimulatedCard(VirtualCard card, String protocol, Contact contact) {
        this.card = card;
        this.protocol = protocol;
        this.contact = contact;
    }

    @Override
    public ATR getATR() {
        return new ATR(card.atr());
    }

    @Override
    public String getProtocol() {
        return protocol;
    }

    @Override
    public CardChannel getBasicChannel() {
        checkConnected();
        return basic;
    }

    @Override
    public CardChannel openLogicalChannel() throws javax.smartcardio.CardException {
        throw new javax.smartcardio.CardException("SCARD_E_UNSUPPORTED_FEATURE: no logical channels");
    }

    @Override
    public synchronized void beginExclusive() throws javax.smartcardio.CardException {
        checkInContact();
        if (exclusive != null) {
            throw new javax.smartcardio.CardException("SCARD_E_SHARING_VIOLATION: already exclusive");
        }
        exclusive = Thread.currentThread();
    }

    @Override
    public synchronized void endExclusive() throws javax.smartcardio.CardException {
        if (exclusive != Thread.currentThread()) {
            throw new IllegalStateException("not held exclusively by this thread");
        }
        exclusive = null;
        checkInContact();
    }

    @Override
    public byte[] transmitControlCommand(int controlCode, byte[] command) throws javax.smartcardio.CardException {
        throw new javax.smartcardio.CardException("SCARD_E_UNSUPPORTED_FEATURE: no control commands");
    }

    @Override
    public synchronized void disconnect(boolean reset) throws javax.smartcardio.CardException {
        if (disconnected) {
            return;
        }
        disconnected = true;
        exclusive = null;
        if (reset && contact.inContact()) {
            card.reset();
        }
    }

    private synchronized void checkConnected() {
        if (disconnected) {
            throw new IllegalStateException("Card has been disconnected");
        }
    }

    private void checkInContact() throws javax.smartcardio.CardException {
        if (!contact.inContact()) {
            throw new javax.smartcardio.CardException("SCARD_W_REMOVED_CARD: the card was removed");
        }
    }

    private byte[] transmit(byte[] command) throws javax.smartcardio.CardException {
        checkConnected();
        checkInContact();
        try {
            return card.process(command);
        } catch (VirtualCard.LostContact lost) {
            contact.lost();
            throw new javax.smartcardio.CardException("SCARD_W_REMOVED_CARD: the card was removed", lost);
        }
    }

    private final class Channel extends CardChannel {

        @Override
        public Card getCard() {
            return SimulatedCard.this;
        }

        @Override
        public int getChannelNumber() {
            checkConnected();
            return 0;
        }

        @Override
        public ResponseAPDU transmit(CommandAPDU command) throws javax.smartcardio.CardException {
            return new ResponseAPDU(SimulatedCard.this.transmit(command.getBytes()));
        }

        @Override
        public int transmit(ByteBuffer command, ByteBuffer response) throws javax.smartcardio.CardException {
            byte[] bytes = new byte[command.remaining()];
            command.get(bytes);
            byte[] answer = SimulatedCard.this.transmit(bytes);
            response.put(answer);
            return answer.length;
        }

        @Override
        public void close() {
            throw new IllegalStateException("Cannot close basic logical channel");
        }
    }
}
