package org.billinghost.web.internal;

import org.billinghost.api.platform.ModuleDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.util.List;
import java.util.Optional;

/**
 * The logged-in sessions in the host's database (table {@code web_sessions}, core migration V150),
 * shared by every host on it. Rows are named by the hash of the cookie's value only. Through the
 * host's JDBC layer, so an unavailable database is refused like any other call (503).
 */
@Component(service = SessionTable.class)
public final class SessionTable {
    /** The column's width: a longer notice is cut, not refused (it only informs). */
    static final int MAX_FLASH = 2000;

    /**
     * One stored session; {@code adminSession} (the hash of the admin's session) and {@code adminId} name the admin
     * who opened this client-area session as the client (null and 0 otherwise).
     */
    record Row(String area, long accountId, String csrfToken, Notice flash, long created, long lastAccess,
               String adminSession, long adminId) {
    }

    private final ModuleDatabase database;

    @Activate
    public SessionTable(@Reference ModuleDatabase database) {
        this.database = database;
    }

    void insert(String idHash, String area, long accountId, String csrfToken, Notice flash, long now,
                String adminSession, long adminId) {
        update("INSERT INTO web_sessions (id_hash, area, account_id, csrf_token, flash_kind, flash_text, created, "
                + "last_access, admin_session, admin_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", idHash, area,
                accountId, csrfToken, flash == null ? null : flash.kind(), flash == null ? null : cut(flash.text()),
                now, now, adminSession, adminId);
    }

    Optional<Row> find(String idHash) {
        return database.query("SELECT area, account_id, csrf_token, flash_kind, flash_text, created, last_access, "
                + "admin_session, admin_id FROM web_sessions WHERE id_hash = ?", r -> {
                    String kind = r.getString(4);
                    return new Row(r.getString(1), r.getLong(2), r.getString(3),
                            kind == null ? null : new Notice(kind, r.getString(5)), r.getLong(6), r.getLong(7),
                            r.getString(8), r.getLong(9));
                }, idHash).stream().findFirst();
    }

    /** A client-area session an admin session opened: its id hash and its client. */
    record Opened(String idHash, long clientId) {
    }

    /** The client-area sessions the admin session {@code adminSession} opened. */
    List<Opened> impersonatedBy(String adminSession) {
        return database.query("SELECT id_hash, account_id FROM web_sessions WHERE admin_session = ?",
                r -> new Opened(r.getString(1), r.getLong(2)), adminSession);
    }

    void touch(String idHash, long now) {
        update("UPDATE web_sessions SET last_access = ? WHERE id_hash = ?", now, idHash);
    }

    /** Keeps the message for the next page; null clears it. */
    void flash(String idHash, Notice flash) {
        update("UPDATE web_sessions SET flash_kind = ?, flash_text = ? WHERE id_hash = ?",
                flash == null ? null : flash.kind(), flash == null ? null : cut(flash.text()), idHash);
    }

    /** Deletes the session; false when it was gone already (another host ended it). */
    boolean delete(String idHash) {
        return update("DELETE FROM web_sessions WHERE id_hash = ?", idHash) > 0;
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
        return database.update(sql, values);
    }

    private static String cut(String text) {
        return text.length() <= MAX_FLASH ? text : text.substring(0, MAX_FLASH - 1) + "…";
    }
}
