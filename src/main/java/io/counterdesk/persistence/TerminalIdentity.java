package io.counterdesk.persistence;

/** Which hall and terminal this database belongs to. */
public record TerminalIdentity(long terminalId, String terminalCode, String terminalName, long hallId, String hallCode,
                               String hallName, String hallAddress, String hotline) {
}
