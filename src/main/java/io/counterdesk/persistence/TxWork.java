package io.counterdesk.persistence;

/** Work done inside one transaction. */
@FunctionalInterface
public interface TxWork<R> {
    R run(Tx tx);
}
