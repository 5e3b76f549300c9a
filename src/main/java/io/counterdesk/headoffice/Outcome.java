package io.counterdesk.headoffice;

/**
 * Head office's answer to one batch: the signed acknowledgement (new or stored), or a refusal with its
 * reason (docs/sync-protocol.md, "Refusals"); {@code expectedSeq} is set for a gap.
 */
public record Outcome(byte[] ack, Refusal refusal, String message, long expectedSeq) {

    /** Why a batch was refused. Every one but GAP raises an alarm. */
    public enum Refusal { MALFORMED, UNKNOWN_TERMINAL, BAD_SIGNATURE, FORK, OLD_EPOCH, GAP, CHAIN_BROKEN, MANIFEST_MISMATCH }

    static Outcome accepted(byte[] ack) {
        return new Outcome(ack, null, "accepted", 0);
    }

    static Outcome refused(Refusal why, String message) {
        return new Outcome(null, why, message, 0);
    }

    public boolean isAccepted() {
        return ack != null;
    }
}
