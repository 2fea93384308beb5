package org.billinghost.jetpack.addon.internal;

/** The addon's own tables could not be read or written; the message is safe to show to staff. */
final class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
