package org.billinghost.jetpack.internal.licensing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.billinghost.api.platform.ModuleDatabase;
import org.billinghost.jetpack.internal.licensing.LicenseRecord.State;
import org.billinghost.jetpack.partner.License;

/** The module's table of licenses ({@value #TABLE}); times in UTC. */
final class LicenseRecords {
    static final String TABLE = "mod_jetpack_licenses";
    static final int MAX_TEXT = 2_000;
    private static final String COLUMNS = "id, service_id, product_slug, state, intent_at, issue_sent_at, license_key,"
            + " license_id, issued_at, site, attached_at, attach_note, revoked_at, last_error";

    private final ModuleDatabase database;
    private final Clock clock;

    LicenseRecords(ModuleDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The service's licenses, oldest first. */
    List<LicenseRecord> forService(long serviceId) {
        return database.query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE service_id = ? ORDER BY id",
                LicenseRecords::map, serviceId);
    }

    /** Every license the module knows, oldest first. */
    List<LicenseRecord> all() {
        return database.query("SELECT " + COLUMNS + " FROM " + TABLE + " ORDER BY id", LicenseRecords::map);
    }

    Optional<LicenseRecord> find(long id) {
        return database.query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE id = ?", LicenseRecords::map, id)
                .stream().findFirst();
    }

    /** The service's newest license in a state, if any. */
    Optional<LicenseRecord> newest(long serviceId, State state) {
        List<LicenseRecord> rows = database.query("SELECT " + COLUMNS + " FROM " + TABLE
                + " WHERE service_id = ? AND state = ? ORDER BY id DESC", LicenseRecords::map, serviceId, state.name());
        return rows.stream().findFirst();
    }

    /** Records the decision to issue, committed before the API is called; answers the new row. */
    LicenseRecord intend(long serviceId, String productSlug) {
        LocalDateTime now = now();
        return database.inTransaction(() -> {
            database.update("INSERT INTO " + TABLE + " (service_id, product_slug, state, intent_at, updated)"
                    + " VALUES (?, ?, ?, ?, ?)", serviceId, productSlug, State.INTENT.name(), now, now);
            // per-service commands run one at a time, so the newest intent of the service is this one
            return newest(serviceId, State.INTENT).orElseThrow();
        });
    }

    /**
     * The intent got its license (issued, or adopted from the API): the row becomes ACTIVE. Throws the database's
     * refusal when another row owns the key already (unique key), and changes nothing then.
     */
    void issued(long id, License license) {
        database.update("UPDATE " + TABLE + " SET state = ?, license_key = ?, license_id = ?, issued_at = ?,"
                        + " last_error = NULL, updated = ? WHERE id = ? AND state = ?", State.ACTIVE.name(), license.key(),
                cut(license.licenseId(), 64), local(license.issuedAt() == null ? clock.instant() : license.issuedAt()),
                now(), id, State.INTENT.name());
    }

    /**
     * Gives the service a license found at the API (an admin's Assign): its open intent for the slug takes it, else a
     * new ACTIVE row; the rows of {@code replaced} (keys the API revoked or does not know) become REVOKED, in the same
     * transaction. Throws the database's refusal when a row owns the key already.
     */
    void assign(long serviceId, String productSlug, License license, List<Long> replaced) {
        database.inTransaction(() -> {
            replaced.forEach(id -> revoked(id, null));
            Optional<LicenseRecord> intent = forService(serviceId).stream()
                    .filter(r -> r.state() == State.INTENT && r.productSlug().equals(productSlug)).findFirst();
            if (intent.isPresent()) {
                issued(intent.get().id(), license);
            } else {
                LocalDateTime now = now();
                database.update("INSERT INTO " + TABLE + " (service_id, product_slug, state, intent_at, license_key,"
                                + " license_id, issued_at, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", serviceId, productSlug,
                        State.ACTIVE.name(), now, license.key(), cut(license.licenseId(), 64),
                        local(license.issuedAt() == null ? clock.instant() : license.issuedAt()), now);
            }
            return null;
        });
    }

    /** {@code POST /license} is about to be sent for the intent (committed first, as the intent). */
    void issueSent(long id) {
        database.update("UPDATE " + TABLE + " SET issue_sent_at = ?, updated = ? WHERE id = ?", now(), now(), id);
    }

    /** When the newest issue call of the product was sent, by any service. */
    Optional<Instant> lastIssueSent(String productSlug) {
        return database.query("SELECT MAX(issue_sent_at) FROM " + TABLE + " WHERE product_slug = ?",
                row -> Optional.ofNullable(instant(row.getObject(1, LocalDateTime.class))), productSlug).get(0);
    }

    void attached(long id, String site, Instant at) {
        database.update("UPDATE " + TABLE + " SET site = ?, attached_at = ?, attach_note = NULL, last_error = NULL,"
                + " updated = ? WHERE id = ?", cut(site, MAX_TEXT), local(at == null ? clock.instant() : at), now(), id);
    }

    /** Not attached (anymore); {@code site} stays as where it belongs, {@code note} says why. */
    void detached(long id, String site, String note) {
        database.update("UPDATE " + TABLE + " SET site = ?, attached_at = NULL, attach_note = ?, updated = ? WHERE id = ?",
                cut(site, MAX_TEXT), note.isEmpty() ? null : cut(note, MAX_TEXT), now(), id);
    }

    void state(long id, State state) {
        database.update("UPDATE " + TABLE + " SET state = ?, updated = ? WHERE id = ?", state.name(), now(), id);
    }

    void revoked(long id, Instant at) {
        database.update("UPDATE " + TABLE + " SET state = ?, revoked_at = ?, attached_at = NULL, last_error = NULL,"
                + " updated = ? WHERE id = ?", State.REVOKED.name(), local(at == null ? clock.instant() : at), now(), id);
    }

    void failed(long id, String error) {
        database.update("UPDATE " + TABLE + " SET last_error = ?, updated = ? WHERE id = ?", cut(error, MAX_TEXT), now(), id);
    }

    /** Which of these keys a row owns. */
    Set<String> owned(Collection<String> keys) {
        Set<String> owned = new HashSet<>();
        for (String key : keys) {
            if (!database.query("SELECT id FROM " + TABLE + " WHERE license_key = ?", row -> row.getLong(1), key).isEmpty()) {
                owned.add(key);
            }
        }
        return owned;
    }

    private static LicenseRecord map(ResultSet row) throws SQLException {
        return new LicenseRecord(row.getLong(1), row.getLong(2), row.getString(3), State.valueOf(row.getString(4)),
                instant(row.getObject(5, LocalDateTime.class)), instant(row.getObject(6, LocalDateTime.class)),
                text(row.getString(7)), text(row.getString(8)), instant(row.getObject(9, LocalDateTime.class)),
                text(row.getString(10)), instant(row.getObject(11, LocalDateTime.class)), text(row.getString(12)),
                instant(row.getObject(13, LocalDateTime.class)), text(row.getString(14)));
    }

    private LocalDateTime now() {
        return local(clock.instant());
    }

    private static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
