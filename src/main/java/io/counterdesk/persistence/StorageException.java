package io.counterdesk.persistence;

/** The database could not do what was asked: disk, lock or schema trouble, never a business rule. */
public final class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
