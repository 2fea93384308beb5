package org.billinghost.core.internal.db;

import org.billinghost.api.billing.BillingException;

/**
 * The database cannot be used: at start (it cannot be reached or migrated; the message is one sentence for the
 * person starting the host), or while running (it closed itself, e.g. on a full disk: the message asks the caller
 * to try again later). A {@link BillingException} of category {@code UNAVAILABLE}, so that pages and API calls
 * answer 503 with the message.
 */
public final class DatabaseUnavailableException extends BillingException {
    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(String message) {
        super(Category.UNAVAILABLE, message);
    }

    /** The innermost cause's message, on one line, without a trailing period. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String line = message.strip().lines().findFirst().orElse("").strip();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
