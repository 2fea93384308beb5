package org.billinghost.core.internal.db;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps the current row of a result set to an object. */
@FunctionalInterface
public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
}
