package org.billinghost.web.internal;

import org.billinghost.api.platform.ModuleDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The logged-in sessions in the host's database (table {@code web_sessions}, core migration V150),
 * shared by every host on it. Rows are named by the hash of the cookie's value only.
 */
@Component(service = SessionTable.class)
public final class SessionTable {
    /** The column's width: a longer notice is cut, not refused (it only informs). */
    static final int MAX_FLASH = 2000;

    /** One stored session. */
    record Row(String area, long accountId, String csrfToken, Notice flash, long created, long lastAccess) {
    }

    private final DataSource dataSource;

    @Activate
    public SessionTable(@Reference ModuleDatabase database) {
        this.dataSource = database.dataSource();
    }

    void insert(String idHash, String area, long accountId, String csrfToken, Notice flash, long now) {
        update("INSERT INTO web_sessions (id_hash, area, account_id, csrf_token, flash_kind, flash_text, created, "
                + "last_access) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", idHash, area, accountId, csrfToken,
                flash == null ? null : flash.kind(), flash == null ? null : cut(flash.text()), now, now);
    }

    Optional<Row> find(String idHash) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT area, account_id, csrf_token, flash_kind, flash_text, "
                     + "created, last_access FROM web_sessions WHERE id_hash = ?")) {
            s.setString(1, idHash);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                String kind = r.getString(4);
                return Optional.of(new Row(r.getString(1), r.getLong(2), r.getString(3),
                        kind == null ? null : new Notice(kind, r.getString(5)), r.getLong(6), r.getLong(7)));
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    void touch(String idHash, long now) {
        update("UPDATE web_sessions SET last_access = ? WHERE id_hash = ?", now, idHash);
    }

    /** Keeps the message for the next page; null clears it. */
    void flash(String idHash, Notice flash) {
        update("UPDATE web_sessions SET flash_kind = ?, flash_text = ? WHERE id_hash = ?",
                flash == null ? null : flash.kind(), flash == null ? null : cut(flash.text()), idHash);
    }

    void delete(String idHash) {
        update("DELETE FROM web_sessions WHERE id_hash = ?", idHash);
    }

    /** Deletes the account's sessions in the area but the one named {@code keptHash} (empty: none kept). */
    void deleteAccount(String area, long accountId, String keptHash) {
        update("DELETE FROM web_sessions WHERE area = ? AND account_id = ? AND id_hash <> ?", area, accountId, keptHash);
    }

    /** Deletes the sessions idle since before {@code idleBefore} or made before {@code createdBefore}. */
    int deleteExpired(long idleBefore, long createdBefore) {
        return update("DELETE FROM web_sessions WHERE last_access < ? OR created < ?", idleBefore, createdBefore);
    }

    private int update(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static String cut(String text) {
        return text.length() <= MAX_FLASH ? text : text.substring(0, MAX_FLASH - 1) + "…";
    }

    private static IllegalStateException failed(SQLException e) {
        // reaches the area's catch-all: logged there, the visitor sees the short error page
        return new IllegalStateException("The web session table could not be used", e);
    }
}
