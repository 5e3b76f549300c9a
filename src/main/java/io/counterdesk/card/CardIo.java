package io.counterdesk.card;

import java.util.HexFormat;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * One operation's commands to a card: maps every failure to a {@link CardException}, and once a
 * command that changes the card has been sent, turns every later failure into
 * {@link CardException.Reason#WRITE_UNCERTAIN}. Not shared between threads or operations.
 */
final class CardIo {

    static final int SW_OK = 0x9000;

    private final CardChannel channel;
    private boolean changing;
    private int selectedFile = -1;
    private int commands;

    CardIo(CardChannel channel) {
        this.channel = channel;
    }

    /** Sends a command that only reads. */
    ResponseAPDU send(CommandAPDU command) {
        commands++;
        try {
            return channel.transmit(command);
        } catch (javax.smartcardio.CardException | IllegalArgumentException | IllegalStateException e) {
            throw PcscFailures.map(e, changing);
        }
    }

    /** Sends a command that may change the card; from now on a failure leaves the write uncertain. */
    ResponseAPDU change(CommandAPDU command) {
        changing = true;
        return send(command);
    }

    /** Sends and requires SW 90 00. */
    ResponseAPDU sendOk(CommandAPDU command, String what) {
        return ok(send(command), what);
    }


    ResponseAPDU ok(ResponseAPDU response, String what) {
        if (response.getSW() != SW_OK) {
            throw failed(what, response);
        }
        return response;
    }

    /** Sends a changing command and requires SW 90 00; an outright refusal is {@link CardException.Reason#NOT_WRITTEN}. */
    ResponseAPDU changeOk(CommandAPDU command, String what) {
        ResponseAPDU response = change(command);
        if (response.getSW() != SW_OK && refusal(response.getSW())) {
            throw new CardException(CardException.Reason.NOT_WRITTEN, "card.notWritten", what + " " + sw(response));
        }
        return ok(response, what);
    }

    /**
     * Whether a status word says the command was refused without touching the card: ISO/IEC 7816-4
     * (2005) §5.1.3, SW1 {@code 64} (execution error, non-volatile memory unchanged) and {@code 67}–{@code 6F}
     * (checking errors: wrong length, {@code 69 82} security status, {@code 6A 8x} wrong parameters,
     * {@code 6B 00}, {@code 6D 00} instruction unknown, {@code 6E 00} class unknown). {@code 63} and
     * {@code 65} may have changed the memory.
     */
    static boolean refusal(int sw) {
        int sw1 = sw >> 8;
        return sw1 == 0x64 || (sw1 >= 0x67 && sw1 <= 0x6F);
    }

    static String sw(ResponseAPDU response) {
        return "SW " + HexFormat.of().withUpperCase().toHexDigits((short) response.getSW());
    }

    CardException failed(String what, ResponseAPDU response) {
        String detail = what + " " + sw(response);
        return changing ? new CardException(CardException.Reason.WRITE_UNCERTAIN, new IllegalStateException(detail),
                "card.writeUncertain")
                : new CardException(CardException.Reason.READER_ERROR, "card.readerError", detail);
    }

    boolean changing() {
        return changing;
    }

    int commands() {
        return commands;
    }

    int selectedFile() {
        return selectedFile;
    }

    void selectedFile(int fileId) {
        this.selectedFile = fileId;
    }
}
