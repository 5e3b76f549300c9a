package io.counterdesk.headoffice;

/**
 * Head office's answer to one batch: the signed acknowledgement (new or stored), or a refusal with its
 * reason (docs/sync-protocol.md, "Refusals"); {@code expectedSeq} is set for a gap; {@code alarm} is
 * the alarm's detail as stored ({@link AlarmDetail}).
 */
public record Outcome(byte[] ack, Refusal refusal, String message, long expectedSeq, String alarm) {

    /** Why a batch was refused. Every one but GAP raises an alarm. */
    public enum Refusal { MALFORMED, UNKNOWN_TERMINAL, BAD_SIGNATURE, FORK, OLD_EPOCH, GAP, CHAIN_BROKEN, MANIFEST_MISMATCH }

    /** An answer whose alarm detail (if it raises one) is its message as it is. */
    public Outcome(byte[] ack, Refusal refusal, String message, long expectedSeq) {
        this(ack, refusal, message, expectedSeq, message);
    }

    static Outcome accepted(byte[] ack) {
        return new Outcome(ack, null, "accepted", 0);
    }

    /** A refusal: the message in English for the terminal and the log, the alarm's detail in every language. */
    static Outcome refused(Refusal why, AlarmDetail detail) {
        return new Outcome(null, why, detail.english(), 0, detail.stored());
    }

    public boolean isAccepted() {
        return ack != null;
    }
}
