package org.billinghost.api.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The host's database, for a module's own tables. Modules prefix their tables with
 * {@code mod_<module>_} and write SQL the three supported databases accept (check {@link #dialect()}).
 * The tables come from migration scripts the module's bundle ships (header {@code Billing-Migrations});
 * the host applies them before it offers the module (see docs/writing-a-module.md).
 *
 * <p>The helpers below run on the host's own JDBC layer: a call inside {@link #inTransaction} (also one
 * made by a host service such as {@link Catalog}) joins that transaction. They throw
 * {@link DatabaseException} when the database refuses a statement or cannot be reached.
 */
@ProviderType
public interface ModuleDatabase {

    enum Dialect { H2, POSTGRESQL, MARIADB }

    DataSource dataSource();

    Dialect dialect();

    /**
     * Runs {@code work} in one transaction: it commits when {@code work} returns and rolls back when it throws.
     * A call made while a transaction is open on this thread joins it.
     */
    <T> T inTransaction(Work<T> work);

    /** Runs a query with {@code ?} placeholders bound to {@code params} and maps each row. */
    <T> List<T> query(String sql, RowMapper<T> mapper, Object... params);

    /** Runs an INSERT, UPDATE or DELETE with {@code ?} placeholders and answers the number of rows it changed. */
    int update(String sql, Object... params);

    /** Work done in a transaction; a runtime exception rolls it back. */
    @FunctionalInterface
    interface Work<T> {
        T run();
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }
}
