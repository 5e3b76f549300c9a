package io.counterdesk.card;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.smartcardio.CardNotPresentException;

/**
 * Turns what {@code javax.smartcardio} throws into a {@link CardException} the cashier can act on.
 * The PC/SC provider names the pcsc-lite / WinSCard error ({@code SCARD_E_NO_SERVICE} …) in the
 * message of the exception or its cause; the in-process simulated reader uses the same names. A
 * card side that hangs up mid-command makes {@code transmit} throw {@link IllegalArgumentException}
 * (0-byte response) and a disconnected card {@link IllegalStateException}: both mean the card is gone.
 */
final class PcscFailures {

    private static final Pattern CODE = Pattern.compile("SCARD_[EFW]_[A-Z_]+");

    private PcscFailures() {
    }

    /**
     * @param partlyWritten whether the card may already have been changed by the operation that failed
     */
    static CardException map(Exception failure, boolean partlyWritten) {
        if (failure instanceof CardException ours) {
            if (!partlyWritten || ours.reason() == CardException.Reason.WRITE_UNCERTAIN) {
                return ours;
            }
            boolean gone = ours.reason() == CardException.Reason.CARD_REMOVED || ours.reason() == CardException.Reason.NO_CARD;
            return new CardException(CardException.Reason.WRITE_UNCERTAIN, ours,
                    gone ? "card.writeUncertain.removed" : "card.writeUncertain");
        }
        CardException plain = plain(failure);
        if (partlyWritten) {
            // "keep the card in the reader" only while it is still there
            boolean gone = plain.reason() == CardException.Reason.CARD_REMOVED
                    || plain.reason() == CardException.Reason.NO_CARD || plain.reason() == CardException.Reason.NO_READER;
            return new CardException(CardException.Reason.WRITE_UNCERTAIN, failure,
                    gone ? "card.writeUncertain.removed" : "card.writeUncertain");
        }
        return plain;
    }

    /** The PC/SC error name in the exception or its causes, or null. */
    static String code(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher matcher = CODE.matcher(t.getMessage());
                if (matcher.find()) {
                    return matcher.group();
                }
            }
        }
        return null;
    }

    private static CardException plain(Exception failure) {
        if (failure instanceof CardNotPresentException) {
            return new CardException(CardException.Reason.NO_CARD, failure, "card.noCard");
        }
        if (failure instanceof IllegalArgumentException || failure instanceof IllegalStateException) {
            return new CardException(CardException.Reason.CARD_REMOVED, failure, "card.removed");
        }
        String code = code(failure);
        if (code == null) {
            return new CardException(CardException.Reason.READER_ERROR, failure, "card.readerError",
                    String.valueOf(failure.getMessage()));
        }
        return switch (code) {
            case "SCARD_E_NO_SERVICE", "SCARD_E_SERVICE_STOPPED", "SCARD_F_INTERNAL_ERROR",
                 "SCARD_E_INVALID_HANDLE", "SCARD_E_NO_ACCESS" ->
                    new CardException(CardException.Reason.SERVICE_UNAVAILABLE, failure, "card.serviceUnavailable");
            case "SCARD_E_UNKNOWN_READER", "SCARD_E_READER_UNAVAILABLE", "SCARD_E_NO_READERS_AVAILABLE" ->
                    new CardException(CardException.Reason.NO_READER, failure, "card.noReader");
            case "SCARD_E_NO_SMARTCARD" -> new CardException(CardException.Reason.NO_CARD, failure, "card.noCard");
            case "SCARD_W_REMOVED_CARD", "SCARD_W_RESET_CARD", "SCARD_W_UNPOWERED_CARD", "SCARD_E_NOT_TRANSACTED" ->
                    new CardException(CardException.Reason.CARD_REMOVED, failure, "card.removed");
            case "SCARD_W_UNRESPONSIVE_CARD", "SCARD_W_UNSUPPORTED_CARD", "SCARD_E_PROTO_MISMATCH",
                 "SCARD_E_CARD_UNSUPPORTED" -> new CardException(CardException.Reason.UNKNOWN_CARD, failure, "card.unknown");
            default -> new CardException(CardException.Reason.READER_ERROR, failure, "card.readerError", code);
        };
    }
}
