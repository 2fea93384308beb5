package org.billinghost.core.internal.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.billinghost.api.billing.AdminAccount;
import org.billinghost.api.billing.Admins;
import org.billinghost.api.billing.BillingException;
import org.billinghost.core.internal.db.DataAccessException;
import org.billinghost.api.platform.Actor;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.logs.ActivityLogService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Admin users with roles; roles and their permissions live in {@code admin_roles}. Also registered under its
 * own (internal) type for the first-start seeding, which stores a precomputed demo hash.
 */
@Component(service = {Admins.class, AdminsService.class})
public final class AdminsService implements Admins {

    private static final String COLUMNS = "SELECT id, username, email, role, disabled FROM admins";

    private final Jdbc jdbc;
    private final PasswordHasher hasher;

    @Activate
    public AdminsService(@Reference Jdbc jdbc, @Reference PasswordHasher hasher) {
        this.jdbc = jdbc;
        this.hasher = hasher;
    }

    @Override
    public Optional<AdminAccount> authenticate(String username, String password) {
        Optional<String> stored = jdbc.queryOne("SELECT password_hash FROM admins WHERE username = ? AND disabled = ?",
                rs -> rs.getString(1), username == null ? "" : username.trim(), false);
        if (stored.isEmpty() || !verify(password, stored)) {
            ActivityLogService.write(jdbc, "Failed Admin Login Attempt - Username: " + ActivityLogService.typed(username), 0,
                    Actor.visitor(Actor.current().ip()));
            return Optional.empty();
        }
        hasher.upgrade(password, stored.get()).ifPresent(h -> jdbc.update(
                "UPDATE admins SET password_hash = ? WHERE username = ? AND password_hash = ?", h, username.trim(),
                stored.get()));
        Optional<AdminAccount> admin = byUsername(username.trim());
        admin.ifPresent(a -> ActivityLogService.write(jdbc, "Admin Login - Username: " + a.username(), 0,
                Actor.admin(a.id(), a.username(), Actor.current().ip())));
        return admin;
    }

    /** Checks the password; with no stored hash, spends the same time as a check so the name's existence does not show. */
    private boolean verify(String password, Optional<String> stored) {
        if (stored.isEmpty()) {
            hasher.burnVerification(password);
            return false;
        }
        return hasher.verify(password, stored.get());
    }

    @Override
    public List<AdminAccount> list() {
        return jdbc.query(COLUMNS + " ORDER BY id", AdminsService::map);
    }

    @Override
    public Optional<AdminAccount> get(long id) {
        return jdbc.queryOne(COLUMNS + " WHERE id = ?", AdminsService::map, id);
    }

    public Optional<AdminAccount> byUsername(String username) {
        return jdbc.queryOne(COLUMNS + " WHERE username = ?", AdminsService::map, username);
    }

    @Override
    public AdminAccount create(String username, String email, String password, String role) {
        String name = requireName(username);
        requirePassword(password);
        requireRole(role);
        return insert(name, email, hasher.hash(password), role);
    }

    /** {@link #create} with a password hash made beforehand in {@link PasswordHasher}'s format. */
    public AdminAccount createWithHash(String username, String email, String hash, String role) {
        String name = requireName(username);
        requireRole(role);
        return insert(name, email, hash, role);
    }

    private static String requireName(String username) {
        String name = username == null ? "" : username.trim();
        if (name.isEmpty() || name.length() > 100) {
            throw BillingException.invalid("The admin username must have 1 to 100 characters.");
        }
        return name;
    }

    private void requireRole(String role) {
        if (!roles().containsKey(role)) {
            throw BillingException.invalid("Unknown admin role '" + role + "'.");
        }
    }

    private AdminAccount insert(String name, String email, String hash, String role) {
        try {
            long id = jdbc.insert("INSERT INTO admins (username, email, password_hash, role, disabled, created) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", name, email == null ? "" : email.trim(), hash, role, false, Jdbc.now());
            ActivityLogService.write(jdbc, "Admin Created - Username: " + name + " - Role: " + role, 0);
            return get(id).orElseThrow();
        } catch (DataAccessException e) {
            if (e.isUniqueViolation()) {
                throw BillingException.conflict("An admin named '" + name + "' already exists.");
            }
            throw e;
        }
    }

    @Override
    public void changePassword(long adminId, String newPassword) {
        requirePassword(newPassword);
        if (jdbc.update("UPDATE admins SET password_hash = ? WHERE id = ?", hasher.hash(newPassword), adminId) == 0) {
            throw BillingException.notFound("Admin ID Not Found");
        }
        ActivityLogService.write(jdbc, "Admin Password Changed - Admin ID: " + adminId, 0);
    }

    @Override
    public Map<String, Set<String>> roles() {
        Map<String, Set<String>> roles = new TreeMap<>();
        jdbc.query("SELECT role, permission FROM admin_roles", rs -> {
            roles.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
            return null;
        });
        roles.replaceAll((k, v) -> Set.copyOf(v));
        return roles;
    }

    @Override
    public boolean hasPermission(String role, String permission) {
        return jdbc.queryLong("SELECT COUNT(*) FROM admin_roles WHERE role = ? AND permission = ?", role, permission) > 0;
    }

    @Override
    public void saveRole(String name, Set<String> permissions) {
        String role = name == null ? "" : name.trim();
        if (role.isEmpty() || role.length() > 100) {
            throw BillingException.invalid("The role name must have 1 to 100 characters.");
        }
        Set<String> chosen = permissions == null ? Set.of() : new TreeSet<>(permissions);
        if (chosen.isEmpty()) {
            throw BillingException.invalid("The role '" + role + "' needs at least one permission.");
        }
        jdbc.inTransaction(() -> {
            Set<String> known = roles().getOrDefault(FULL_ADMINISTRATOR, Set.of());
            for (String permission : chosen) {
                if (!known.contains(permission)) {
                    throw BillingException.invalid("Unknown permission '" + permission + "'.");
                }
            }
            // The Full Administrator role is "everything": stripping it could lock every admin out.
            if (FULL_ADMINISTRATOR.equals(role) && !chosen.equals(known)) {
                throw BillingException.conflict("The Full Administrator role always keeps every permission.");
            }
            jdbc.update("DELETE FROM admin_roles WHERE role = ?", role);
            for (String permission : chosen) {
                jdbc.update("INSERT INTO admin_roles (role, permission) VALUES (?, ?)", role, permission);
            }
            ActivityLogService.write(jdbc, "Admin Role Saved - Role: " + role + " - Permissions: "
                    + String.join(", ", chosen), 0);
            return null;
        });
    }

    @Override
    public void setDisabled(long adminId, boolean disabled) {
        jdbc.inTransaction(() -> {
            AdminAccount admin = existing(adminId);
            if (disabled) {
                refuseLastFullAdministrator(admin, "disabled");
            }
            jdbc.update("UPDATE admins SET disabled = ? WHERE id = ?", disabled, adminId);
            ActivityLogService.write(jdbc, "Admin " + (disabled ? "Disabled" : "Enabled") + " - Username: "
                    + admin.username(), 0);
            return null;
        });
    }

    @Override
    public void changeRole(long adminId, String role) {
        if (role == null || !roles().containsKey(role)) {
            throw BillingException.invalid("Unknown admin role '" + role + "'.");
        }
        jdbc.inTransaction(() -> {
            AdminAccount admin = existing(adminId);
            if (!FULL_ADMINISTRATOR.equals(role)) {
                refuseLastFullAdministrator(admin, "given another role");
            }
            jdbc.update("UPDATE admins SET role = ? WHERE id = ?", role, adminId);
            ActivityLogService.write(jdbc, "Admin Role Changed - Username: " + admin.username() + " - from "
                    + admin.role() + " to " + role, 0);
            return null;
        });
    }

    private AdminAccount existing(long adminId) {
        return get(adminId).orElseThrow(() -> BillingException.notFound("Admin ID Not Found"));
    }

    /** Inside a transaction: FOR UPDATE makes two concurrent calls see each other, so one always stays enabled. */
    private void refuseLastFullAdministrator(AdminAccount admin, String what) {
        if (admin.disabled() || !FULL_ADMINISTRATOR.equals(admin.role())) {
            return;
        }
        List<Long> enabled = jdbc.query("SELECT id FROM admins WHERE role = ? AND disabled = ? FOR UPDATE",
                rs -> rs.getLong(1), FULL_ADMINISTRATOR, false);
        if (enabled.size() <= 1) {
            throw BillingException.conflict("'" + admin.username() + "' is the last enabled Full Administrator and cannot be "
                    + what + ".");
        }
    }

    private static void requirePassword(String password) {
        if (password == null || password.isBlank()) {
            throw BillingException.invalid("The password must not be empty.");
        }
    }

    private static AdminAccount map(ResultSet rs) throws SQLException {
        return new AdminAccount(rs.getLong("id"), rs.getString("username"), rs.getString("email"),
                rs.getString("role"), rs.getBoolean("disabled"));
    }
}
