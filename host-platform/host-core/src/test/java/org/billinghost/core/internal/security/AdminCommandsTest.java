package org.billinghost.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.billinghost.api.billing.AdminAccount;
import org.billinghost.api.billing.Admins;
import org.billinghost.api.platform.ActivityEntry;
import org.billinghost.api.platform.ModuleDatabase.Dialect;
import org.billinghost.core.internal.db.DatabaseSettings;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.logs.ActivityLogService;
import org.billinghost.core.testkit.AllDatabases;
import org.billinghost.core.testkit.TestDatabase;
import org.billinghost.core.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code billing-host admin reset-password|unlock} on each database, through a pool of its own as the launcher
 * opens it: H2 as the host keeps it (a file database in the data directory, the host stopped), PostgreSQL and
 * MariaDB while another pool (the running host) uses them.
 */
class AdminCommandsTest {
    private static final Pattern NEW_PASSWORD = Pattern.compile("New password for '([^']+)': (\\S+) \\(shown once");

    @TempDir
    Path data;

    /** The database a command works on, and a way to look at it before and after. */
    private record Target(Map<String, String> settings, Function<Function<Jdbc, Object>, Object> access) {
        @SuppressWarnings("unchecked")
        <T> T with(Function<Jdbc, T> work) {
            return (T) access.apply(work::apply);
        }
    }

    private Target target(TestDatabase db) {
        if (db.dialect() == Dialect.H2) {
            Path dir = data.resolve("db");
            return new Target(Map.of(DatabaseSettings.DATA_DIR, data.toString()), work -> {
                try (TestDatabase file = TestDatabases.h2File(dir)) {
                    return work.apply(file.jdbc());
                }
            });
        }
        return new Target(Map.of(DatabaseSettings.URL, db.url(), DatabaseSettings.USER, db.user()),
                work -> work.apply(db.jdbc()));
    }

    private static AdminAccount newAdmin(Target target) {
        return target.with(jdbc -> new AdminsService(jdbc, PasswordHasher.of(64, 1, 1)).create(
                "ops-" + UUID.randomUUID().toString().substring(0, 8), "", "old-password", Admins.FULL_ADMINISTRATOR));
    }

    private static Optional<AdminAccount> authenticate(Target target, String username, String password) {
        return target.with(jdbc -> new AdminsService(jdbc, PasswordHasher.of(PasswordHasher.DEFAULT_MEMORY_KIB,
                PasswordHasher.DEFAULT_PASSES, 1)).authenticate(username, password));
    }

    private static List<ActivityEntry> activity(Target target, String search) {
        return target.with(jdbc -> new ActivityLogService(jdbc).search(search, 0, 0, 10).items());
    }

    @AllDatabases.Test
    void aResetPasswordIsRandomShownOnceWorksAndIsInTheActivityLog(TestDatabase db) {
        Target target = target(db);
        AdminAccount admin = newAdmin(target);

        String said = AdminCommands.run(target.settings(), AdminCommands.RESET_PASSWORD, admin.username(), "");

        Matcher m = NEW_PASSWORD.matcher(said);
        assertThat(m.find()).as(said).isTrue();
        assertThat(authenticate(target, admin.username(), m.group(2)))
                .map(AdminAccount::id).contains(admin.id());
        assertThat(authenticate(target, admin.username(), "old-password"))
                .isEmpty();
        assertThat(activity(target, "from the command line: " + admin.username())).singleElement().satisfies(entry -> {
            assertThat(entry.message()).isEqualTo("Admin password reset from the command line: " + admin.username());
            assertThat(entry.user()).isEqualTo(AdminCommands.ACTOR.name());
        });
    }

    @AllDatabases.Test
    void aGivenPasswordIsSetAndNotPrinted(TestDatabase db) {
        Target target = target(db);
        AdminAccount admin = newAdmin(target);

        String said = AdminCommands.run(target.settings(), AdminCommands.RESET_PASSWORD, admin.username(),
                "chosen-pass-1");

        assertThat(said).isEqualTo("The password of '" + admin.username() + "' was changed.");
        assertThat(authenticate(target, admin.username(), "chosen-pass-1"))
                .isPresent();
    }

    @AllDatabases.Test
    void unlockEnablesADisabledAdmin(TestDatabase db) {
        Target target = target(db);
        newAdmin(target); // the last full administrator is never disabled
        AdminAccount admin = newAdmin(target);
        target.with(jdbc -> {
            new AdminsService(jdbc, PasswordHasher.of(64, 1, 1)).setDisabled(admin.id(), true);
            return null;
        });

        String said = AdminCommands.run(target.settings(), AdminCommands.UNLOCK, admin.username(), "");

        assertThat(said).isEqualTo("Admin '" + admin.username() + "' is enabled and may log in.");
        assertThat(authenticate(target, admin.username(), "old-password"))
                .isPresent();
        assertThat(activity(target, "from the command line: " + admin.username())).singleElement().satisfies(entry ->
                assertThat(entry.message()).isEqualTo("Admin unlocked from the command line: " + admin.username()));
        assertThat(activity(target, "Admin Enabled - Username: " + admin.username())).singleElement()
                .satisfies(entry -> assertThat(entry.user()).isEqualTo(AdminCommands.ACTOR.name()));
    }

    @AllDatabases.Test
    void anUnknownAdminIsNamedAndNothingIsLogged(TestDatabase db) {
        Target target = target(db);
        newAdmin(target);
        String name = "nobody-" + UUID.randomUUID().toString().substring(0, 8);

        assertThatThrownBy(() -> AdminCommands.run(target.settings(), AdminCommands.RESET_PASSWORD, name, ""))
                .isInstanceOf(IllegalStateException.class).hasMessage("There is no admin named '" + name + "'.");
        assertThat(activity(target, name)).isEmpty();
    }

    @Test
    void aDataDirectoryWithoutADatabaseIsRefusedInsteadOfCreatingOne() {
        assertThatThrownBy(() -> AdminCommands.run(Map.of(DatabaseSettings.DATA_DIR, data.toString()),
                AdminCommands.UNLOCK, "admin", ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("There is no database in " + data.resolve("db") + " (check --data).");
        assertThat(data.resolve("db")).doesNotExist();
    }
}
