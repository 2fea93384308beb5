package org.billinghost.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;
import org.billinghost.api.billing.AdminAccount;
import org.billinghost.api.billing.Admins;
import org.billinghost.api.billing.ApiCredential;
import org.billinghost.api.billing.ApiCredentials;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.Permissions;
import org.billinghost.core.testkit.AllDatabases;
import org.billinghost.core.testkit.CoreAssembly;

class SecurityPersistenceTest {

    private static String name() {
        return "admin-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AllDatabases.Test
    void defaultRolesCarryTheirPermissions(CoreAssembly core) {
        Admins admins = core.admins();
        assertThat(admins.roles()).containsOnlyKeys(Admins.FULL_ADMINISTRATOR, "Sales Operator", "Support Operator");
        assertThat(admins.roles().get(Admins.FULL_ADMINISTRATOR)).contains("configaddonmods", "apicredentials",
                "adminusers").hasSize(Permissions.ALL.size());
        assertThat(admins.roles().get("Sales Operator")).containsExactlyInAnyOrder("clients", "orders", "invoices",
                "services", "cancelrequests");
        assertThat(admins.hasPermission("Support Operator", "modulequeue")).isTrue();
        assertThat(admins.hasPermission("Support Operator", "configaddonmods")).isFalse();
        assertThat(admins.hasPermission("No Such Role", "clients")).isFalse();
    }

    @AllDatabases.Test
    void rolesAreCreatedAndEditedWithKnownPermissionsOnly(CoreAssembly core) {
        Admins admins = core.admins();
        admins.saveRole(" Billing Clerk ", Set.of("invoices", "clients"));
        assertThat(admins.roles().get("Billing Clerk")).containsExactlyInAnyOrder("invoices", "clients");

        admins.saveRole("Billing Clerk", Set.of("orders"));
        assertThat(admins.roles().get("Billing Clerk")).containsExactly("orders");
        assertThat(admins.hasPermission("Billing Clerk", "invoices")).isFalse();

        assertThatThrownBy(() -> admins.saveRole("Billing Clerk", Set.of("orders", "root")))
                .isInstanceOf(BillingException.class).hasMessageContaining("Unknown permission 'root'");
        assertThatThrownBy(() -> admins.saveRole("Billing Clerk", Set.of()))
                .isInstanceOf(BillingException.class).hasMessageContaining("at least one permission");
        assertThatThrownBy(() -> admins.saveRole(" ", Set.of("orders"))).isInstanceOf(BillingException.class);
        assertThatThrownBy(() -> admins.saveRole(Admins.FULL_ADMINISTRATOR, Set.of("clients")))
                .isInstanceOf(BillingException.class).hasMessageContaining("always keeps every permission");
        assertThat(admins.roles().get("Billing Clerk")).as("refusals change nothing").containsExactly("orders");
        assertThat(admins.roles().get(Admins.FULL_ADMINISTRATOR)).hasSize(Permissions.ALL.size());
    }

    @AllDatabases.Test
    void theLastEnabledFullAdministratorIsNeverDisabledOrGivenAnotherRole(CoreAssembly core) {
        Admins admins = core.admins();
        AdminAccount first = admins.create(name(), "f@example.com", "pw-first-1", Admins.FULL_ADMINISTRATOR);
        AdminAccount second = admins.create(name(), "s@example.com", "pw-second-1", Admins.FULL_ADMINISTRATOR);
        admins.list().stream().filter(a -> a.id() != first.id() && a.id() != second.id())
                .forEach(a -> admins.setDisabled(a.id(), true));

        ApiCredentials.Created key = core.apiCredentials().create(second.id(), "sync", Set.of());

        admins.setDisabled(second.id(), true);
        assertThat(admins.get(second.id()).orElseThrow().disabled()).isTrue();
        assertThat(admins.authenticate(second.username(), "pw-second-1")).isEmpty();
        assertThat(core.apiCredentials().authenticate(key.credential().identifier(), key.secret()))
                .as("a disabled admin's API credentials are refused").isEmpty();
        assertThatThrownBy(() -> admins.setDisabled(first.id(), true))
                .isInstanceOf(BillingException.class).hasMessageContaining("last enabled Full Administrator");
        assertThatThrownBy(() -> admins.changeRole(first.id(), "Sales Operator"))
                .isInstanceOf(BillingException.class).hasMessageContaining("last enabled Full Administrator");
        assertThat(admins.get(first.id()).orElseThrow()).extracting(AdminAccount::role, AdminAccount::disabled)
                .containsExactly(Admins.FULL_ADMINISTRATOR, false);

        admins.setDisabled(second.id(), false);
        assertThat(admins.authenticate(second.username(), "pw-second-1")).isPresent();
        assertThat(core.apiCredentials().authenticate(key.credential().identifier(), key.secret())).isPresent();
        admins.changeRole(first.id(), "Sales Operator");
        assertThat(admins.get(first.id()).orElseThrow().role()).isEqualTo("Sales Operator");
        assertThatThrownBy(() -> admins.changeRole(first.id(), "No Such Role")).isInstanceOf(BillingException.class);
        assertThatThrownBy(() -> admins.setDisabled(999_999, true)).isInstanceOf(BillingException.class)
                .hasMessageContaining("Not Found");
    }

    @AllDatabases.Test
    void adminsAuthenticateWithTheirSlowHashedPassword(CoreAssembly core) {
        Admins admins = core.admins();
        String username = name();
        AdminAccount a = admins.create(username, "a@example.com", "first-pw", "Sales Operator");

        assertThat(admins.get(a.id())).contains(a);
        assertThat(admins.list()).contains(a);
        assertThat(admins.authenticate(username, "first-pw")).contains(a);
        assertThat(admins.authenticate(username, "wrong")).isEmpty();
        assertThat(admins.authenticate("nobody-" + username, "first-pw")).isEmpty();
        String stored = core.jdbc().queryOne("SELECT password_hash FROM admins WHERE id = ?", rs -> rs.getString(1),
                a.id()).orElseThrow();
        assertThat(stored).startsWith("$argon2id$").doesNotContain("first-pw");

        admins.changePassword(a.id(), "second-pw");
        assertThat(admins.authenticate(username, "first-pw")).isEmpty();
        assertThat(admins.authenticate(username, "second-pw")).contains(a);

        core.jdbc().update("UPDATE admins SET disabled = ? WHERE id = ?", true, a.id());
        assertThat(admins.authenticate(username, "second-pw")).isEmpty();
    }

    @AllDatabases.Test
    void anAdminsEarlierPbkdf2HashIsReplacedAtTheNextLogin(CoreAssembly core) throws Exception {
        Admins admins = core.admins();
        String username = name();
        AdminAccount a = admins.create(username, "a@example.com", "first-pw", "Sales Operator");
        String legacy = PasswordHasherTest.legacyPbkdf2("sha512", "first-pw", 1000);
        core.jdbc().update("UPDATE admins SET password_hash = ? WHERE id = ?", legacy, a.id());

        assertThat(admins.authenticate(username, "wrong")).isEmpty();
        assertThat(storedHash(core, a.id())).as("a failed login changes nothing").isEqualTo(legacy);
        assertThat(admins.authenticate(username, "first-pw")).contains(a);
        assertThat(storedHash(core, a.id())).startsWith("$argon2id$");
        assertThat(admins.authenticate(username, "first-pw")).contains(a);
    }

    private static String storedHash(CoreAssembly core, long adminId) {
        return core.jdbc().queryOne("SELECT password_hash FROM admins WHERE id = ?", rs -> rs.getString(1), adminId)
                .orElseThrow();
    }

    @AllDatabases.Test
    void invalidAdminsAreRefused(CoreAssembly core) {
        Admins admins = core.admins();
        String username = name();
        admins.create(username, "", "pw", Admins.FULL_ADMINISTRATOR);
        int before = admins.list().size();

        assertThatThrownBy(() -> admins.create(username, "", "pw", Admins.FULL_ADMINISTRATOR))
                .isInstanceOfSatisfying(BillingException.class,
                        e -> assertThat(e.category()).isEqualTo(BillingException.Category.CONFLICT));
        assertThatThrownBy(() -> admins.create(name(), "", "pw", "Janitor")).isInstanceOf(BillingException.class);
        assertThatThrownBy(() -> admins.create(" ", "", "pw", Admins.FULL_ADMINISTRATOR)).isInstanceOf(BillingException.class);
        assertThatThrownBy(() -> admins.create(name(), "", "", Admins.FULL_ADMINISTRATOR)).isInstanceOf(BillingException.class);
        assertThatThrownBy(() -> admins.changePassword(Long.MAX_VALUE, "x")).isInstanceOf(BillingException.class);
        assertThat(admins.list()).hasSize(before);
    }

    @AllDatabases.Test
    void apiSecretsAreStoredOnlyAsSha256(CoreAssembly core) {
        long adminId = core.admins().create(name(), "", "pw", Admins.FULL_ADMINISTRATOR).id();
        ApiCredentials credentials = core.apiCredentials();

        ApiCredentials.Created created = credentials.create(adminId, "Billing sync", Set.of("GetClients", " AddOrder "));

        ApiCredential c = created.credential();
        assertThat(created.secret()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(c.allowedActions()).containsExactlyInAnyOrder("getclients", "addorder");
        String stored = core.jdbc().queryOne("SELECT secret_hash FROM api_credentials WHERE id = ?",
                rs -> rs.getString(1), c.id()).orElseThrow();
        assertThat(stored).isEqualTo(Secrets.sha256Hex(created.secret())).doesNotContain(created.secret());
        assertThat(credentials.authenticate(c.identifier(), created.secret())).contains(c);
        assertThat(credentials.authenticate(c.identifier(), created.secret() + "x")).isEmpty();
        assertThat(credentials.authenticate(c.identifier(), stored)).isEmpty();
        assertThat(credentials.authenticate("unknown", created.secret())).isEmpty();

        credentials.delete(c.id());
        assertThat(credentials.authenticate(c.identifier(), created.secret())).isEmpty();
        assertThatThrownBy(() -> credentials.delete(c.id())).isInstanceOf(BillingException.class);
    }

    @AllDatabases.Test
    void chosenSecretsAreHashedToo(CoreAssembly core) {
        long adminId = core.admins().create(name(), "", "pw", Admins.FULL_ADMINISTRATOR).id();
        String identifier = "id-" + UUID.randomUUID();
        ApiCredential c = core.apiCredentials().createWithSecret(adminId, identifier, "chosen-secret", "demo");

        assertThat(c.allowedActions()).isEmpty();
        assertThat(core.jdbc().queryLong("SELECT COUNT(*) FROM api_credentials WHERE secret_hash = ?", "chosen-secret"))
                .isZero();
        assertThat(core.apiCredentials().authenticate(identifier, "chosen-secret")).contains(c);
        assertThat(core.apiCredentials().list()).contains(c);
        assertThatThrownBy(() -> core.apiCredentials().createWithSecret(adminId, identifier, "other", ""))
                .isInstanceOfSatisfying(BillingException.class,
                        e -> assertThat(e.category()).isEqualTo(BillingException.Category.CONFLICT));
        assertThatThrownBy(() -> core.apiCredentials().createWithSecret(Long.MAX_VALUE, "x-" + identifier, "s", ""))
                .isInstanceOf(BillingException.class);

        // credentials of a disabled admin stop working
        core.jdbc().update("UPDATE admins SET disabled = ? WHERE id = ?", true, adminId);
        assertThat(core.apiCredentials().authenticate(identifier, "chosen-secret")).isEmpty();
    }
}
