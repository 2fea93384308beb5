package org.billinghost.jetpack.addon.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.billinghost.api.platform.ModuleDatabase;

/** The few JDBC calls the addon needs, on the host's DataSource; SQL errors become {@link StorageException}. */
final class Sql {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    interface Work {
        void run(Connection connection) throws SQLException;
    }

    private final ModuleDatabase database;

    Sql(ModuleDatabase database) {
        this.database = database;
    }

    ModuleDatabase.Dialect dialect() {
        return database.dialect();
    }

    int update(String sql, Object... params) {
        try (Connection c = dataSource().getConnection(); PreparedStatement st = prepare(c, sql, params)) {
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("JETPACK MODULE: the addon's table could not be written (" + e.getMessage() + ")", e);
        }
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection c = dataSource().getConnection(); PreparedStatement st = prepare(c, sql, params);
             ResultSet rs = st.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new StorageException("JETPACK MODULE: the addon's table could not be read (" + e.getMessage() + ")", e);
        }
    }

    /** Runs {@code work} in one transaction (DDL may commit by itself on MariaDB; the statements are idempotent). */
    void inTransaction(Work work) {
        try (Connection c = dataSource().getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StorageException("JETPACK MODULE: the addon's tables could not be set up (" + e.getMessage() + ")", e);
        }
    }

    static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            st.setObject(i + 1, params[i]);
        }
        return st;
    }

    private DataSource dataSource() {
        return database.dataSource();
    }
}
