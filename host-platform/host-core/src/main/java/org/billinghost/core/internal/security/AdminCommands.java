package org.billinghost.core.internal.security;

import org.billinghost.api.platform.Actor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.billinghost.api.billing.AdminAccount;
import org.billinghost.api.billing.BillingException;
import org.billinghost.core.internal.db.Database;
import org.billinghost.core.internal.db.DatabaseSettings;
import org.billinghost.core.internal.logs.ActivityLogService;

/**
 * The launcher's {@code billing-host admin …} commands, run outside the framework on the configured database
 * (with the host stopped, or running on PostgreSQL/MariaDB): reset an admin's password, and unlock (re-enable) an
 * admin. The launcher loads this class with the host's own jars and calls {@link #run} reflectively, so that the
 * commands use the same password hashing and tables as the host. Each one is written to the activity log.
 */
public final class AdminCommands {
    public static final String RESET_PASSWORD = "reset-password";
    public static final String UNLOCK = "unlock";
    /** Who the activity log names for a command-line change. */
    static final Actor ACTOR = new Actor(Actor.Kind.SYSTEM, 0, "System (command line)", "");

    private AdminCommands() {
    }

    /**
     * @param properties the launcher's database settings ({@link DatabaseSettings} keys)
     * @param password the new password for {@value #RESET_PASSWORD}; empty for a random one
     * @return the sentence to print
     * @throws IllegalStateException with one sentence when the command cannot be carried out (nothing changed)
     */
    public static String run(Map<String, String> properties, String command, String username, String password) {
        DatabaseSettings settings = DatabaseSettings.from(properties::get);
        Path h2 = settings.h2FileDirectory();
        if (h2 != null && !Files.isRegularFile(h2.resolve("billing.mv.db"))) {
            // opening an H2 URL would create an empty database
            throw new IllegalStateException("There is no database in " + h2 + " (check --data).");
        }
        // every line the core writes for the command (its own and, e.g., "Admin Enabled") credits the command line
        try (Database database = open(settings); Actor.Scope acting = Actor.actAs(ACTOR)) {
            AdminsService admins = new AdminsService(database.jdbc(), PasswordHasher.of(PasswordHasher.DEFAULT_MEMORY_KIB,
                    PasswordHasher.DEFAULT_PASSES, 1));
            ActivityLogService activity = new ActivityLogService(database.jdbc());
            AdminAccount admin = admins.byUsername(username).orElseThrow(() ->
                    new IllegalStateException("There is no admin named '" + username + "'."));
            return switch (command) {
                case RESET_PASSWORD -> {
                    boolean random = password.isEmpty();
                    String newPassword = random ? Secrets.randomToken(12) : password;
                    database.jdbc().inTransaction(() -> {
                        admins.changePassword(admin.id(), newPassword);
                        activity.log("Admin password reset from the command line: " + admin.username(), 0);
                        return null;
                    });
                    yield random ? "New password for '" + admin.username() + "': " + newPassword
                            + " (shown once; change it after logging in)"
                            : "The password of '" + admin.username() + "' was changed.";
                }
                case UNLOCK -> {
                    database.jdbc().inTransaction(() -> {
                        admins.setDisabled(admin.id(), false);
                        activity.log("Admin unlocked from the command line: " + admin.username(), 0);
                        return null;
                    });
                    yield "Admin '" + admin.username() + "' is enabled and may log in"
                            + (admin.disabled() ? "." : " (it was not disabled).");
                }
                default -> throw new IllegalStateException("Unknown admin command " + command + ".");
            };
        } catch (BillingException e) {
            throw new IllegalStateException(e.getMessage());
        }
    }

    private static Database open(DatabaseSettings settings) {
        try {
            return Database.open(settings);
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            // H2's words for a file another process holds
            if (settings.h2FileDirectory() != null
                    && (message.contains("file is locked") || message.contains("already in use"))) {
                throw new IllegalStateException("The H2 database in " + settings.h2FileDirectory()
                        + " is in use by the running host: stop the host first (only PostgreSQL and MariaDB "
                        + "databases can be changed while it runs).");
            }
            throw new IllegalStateException(e.getMessage());
        }
    }
}
