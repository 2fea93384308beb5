package org.billinghost.api.platform;

/**
 * The database refused a statement of a module or cannot be reached. The message names the statement
 * (never its parameters) and is meant for staff and the log, not for clients.
 */
public class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
