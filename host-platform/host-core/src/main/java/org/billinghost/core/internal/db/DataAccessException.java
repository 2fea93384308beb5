package org.billinghost.core.internal.db;

import java.sql.SQLException;
import org.billinghost.api.platform.DatabaseException;

/**
 * A database statement failed. The message carries the driver's message and the statement, but the
 * helper never adds the parameters; secrets reach the database only as hashes, so a driver quoting a
 * conflicting key value cannot reveal one.
 */
public final class DataAccessException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public DataAccessException(String message, SQLException cause) {
        super(message, cause);
    }

    /** True when a unique or primary-key constraint refused the change (SQLState class 23505 / MariaDB 1062). */
    public boolean isUniqueViolation() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException e
                    && ("23505".equals(e.getSQLState()) || e.getErrorCode() == 1062)) {
                return true;
            }
        }
        return false;
    }
}
