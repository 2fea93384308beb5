package org.billinghost.core.internal.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.billinghost.api.billing.ApiCredential;
import org.billinghost.api.billing.ApiCredentials;
import org.billinghost.api.billing.BillingException;
import org.billinghost.core.internal.db.DataAccessException;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.logs.ActivityLogService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** API credentials: the secret is stored only as its SHA-256 digest (see {@link Secrets}). */
@Component(service = ApiCredentials.class)
public final class ApiCredentialsService implements ApiCredentials {

    private static final String COLUMNS = "SELECT id, identifier, admin_id, description, allowed_actions, created "
            + "FROM api_credentials";

    private final Jdbc jdbc;

    @Activate
    public ApiCredentialsService(@Reference Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Created create(long adminId, String description, Set<String> allowedActions) {
        String secret = Secrets.randomToken(32);
        ApiCredential credential = insert(adminId, Secrets.randomToken(24), secret, description,
                allowedActions == null ? Set.of() : allowedActions);
        return new Created(credential, secret);
    }

    @Override
    public ApiCredential createWithSecret(long adminId, String identifier, String secret, String description) {
        if (identifier == null || identifier.isBlank() || identifier.length() > 100) {
            throw BillingException.invalid("The API identifier must have 1 to 100 characters.");
        }
        if (secret == null || secret.isEmpty()) {
            throw BillingException.invalid("The API secret must not be empty.");
        }
        return insert(adminId, identifier.trim(), secret, description, Set.of());
    }

    @Override
    public Optional<ApiCredential> authenticate(String identifier, String secret) {
        if (identifier == null || secret == null) {
            return Optional.empty();
        }
        // One round trip per API call: the credential and its hash together (the dispatcher's hot path).
        Optional<Map.Entry<String, ApiCredential>> stored = jdbc.queryOne("SELECT c.id, c.identifier, c.admin_id,"
                + " c.description, c.allowed_actions, c.created, c.secret_hash FROM api_credentials c"
                + " JOIN admins a ON a.id = c.admin_id WHERE c.identifier = ? AND a.disabled = ?",
                rs -> Map.entry(rs.getString("secret_hash"), map(rs)), identifier, false);
        String given = Secrets.sha256Hex(secret);
        if (stored.isEmpty() || !Secrets.sameHash(stored.get().getKey(), given)) {
            return Optional.empty();
        }
        return Optional.of(stored.get().getValue());
    }

    @Override
    public List<ApiCredential> list() {
        return jdbc.query(COLUMNS + " ORDER BY id", ApiCredentialsService::map);
    }

    public Optional<ApiCredential> byIdentifier(String identifier) {
        return jdbc.queryOne(COLUMNS + " WHERE identifier = ?", ApiCredentialsService::map, identifier);
    }

    @Override
    public void delete(long id) {
        if (jdbc.update("DELETE FROM api_credentials WHERE id = ?", id) == 0) {
            throw BillingException.notFound("API credential ID Not Found");
        }
        ActivityLogService.write(jdbc, "API Credential Deleted - ID: " + id, 0);
    }

    private ApiCredential insert(long adminId, String identifier, String secret, String description,
                                 Set<String> allowedActions) {
        return jdbc.inTransaction(() -> {
            if (jdbc.queryLong("SELECT COUNT(*) FROM admins WHERE id = ?", adminId) == 0) {
                throw BillingException.notFound("Admin ID Not Found");
            }
            String actions = String.join(",", new TreeSet<>(allowedActions.stream()
                    .map(String::trim).filter(a -> !a.isEmpty()).map(a -> a.toLowerCase(java.util.Locale.ROOT))
                    .collect(Collectors.toSet())));
            try {
                long id = jdbc.insert("INSERT INTO api_credentials (identifier, secret_hash, admin_id, description, "
                                + "allowed_actions, created) VALUES (?, ?, ?, ?, ?, ?)", identifier,
                        Secrets.sha256Hex(secret), adminId, description == null ? "" : description.trim(), actions,
                        Jdbc.now());
                return jdbc.queryOne(COLUMNS + " WHERE id = ?", ApiCredentialsService::map, id).orElseThrow();
            } catch (DataAccessException e) {
                if (e.isUniqueViolation()) {
                    throw BillingException.conflict("An API credential with identifier '" + identifier + "' already exists.");
                }
                throw e;
            }
        });
    }

    private static ApiCredential map(ResultSet rs) throws SQLException {
        String actions = rs.getString("allowed_actions");
        Set<String> allowed = actions.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(actions.split(",")));
        return new ApiCredential(rs.getLong("id"), rs.getString("identifier"), rs.getLong("admin_id"),
                rs.getString("description"), allowed, Jdbc.instant(rs, "created"));
    }
}
