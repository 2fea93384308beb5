package org.billinghost.web.internal;

import org.billinghost.api.billing.AdminAccount;
import org.billinghost.api.billing.Admins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /admin/adminusers}: roles are created and edited, admins get another role, are disabled and enabled. */
class RolesPagesTest {
    private static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new WebServer(false);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static AdminAccount account(String username) {
        return server.core().admins().list().stream().filter(a -> a.username().equals(username)).findFirst().orElseThrow();
    }

    @Test
    void aRoleIsCreatedEditedAndGivenToAnAdmin() {
        Browser admin = server.admin();
        admin.open("/admin/adminusers");
        Browser.Page created = admin.submit("/admin/adminusers", "do", "createrole", "name", "Billing <Clerk>",
                "permission", "invoices", "permission", "orders");
        assertThat(created.doc().select(".notice").text()).isEqualTo("Saved the role Billing <Clerk>.");
        assertThat(server.core().admins().roles().get("Billing <Clerk>")).containsExactlyInAnyOrder("invoices", "orders");

        Browser.Page again = admin.submit("/admin/adminusers", "do", "createrole", "name", "Billing <Clerk>",
                "permission", "clients");
        assertThat(again.doc().select(".notice.error").text()).contains("already exists");
        Browser.Page unknown = admin.submit("/admin/adminusers", "do", "saverole", "name", "Billing <Clerk>",
                "permission", "root");
        assertThat(unknown.doc().select(".notice.error").text()).contains("Unknown permission 'root'");
        Browser.Page stripped = admin.submit("/admin/adminusers", "do", "saverole", "name", Admins.FULL_ADMINISTRATOR,
                "permission", "clients");
        assertThat(stripped.doc().select(".notice.error").text()).contains("always keeps every permission");
        assertThat(server.core().admins().roles().get("Billing <Clerk>")).as("refusals change nothing")
                .containsExactlyInAnyOrder("invoices", "orders");

        Browser.Page edited = admin.submit("/admin/adminusers", "do", "saverole", "name", "Billing <Clerk>",
                "permission", "clients");
        assertThat(edited.doc().select("input[name=name][value=Billing <Clerk>] ~ label input[value=clients][checked]"))
                .hasSize(1);
        assertThat(server.core().admins().roles().get("Billing <Clerk>")).containsExactly("clients");

        Browser clerk = server.adminWithRole("clerk", "Sales Operator");
        admin.submit("/admin/adminusers", "do", "role", "id", Long.toString(account("clerk").id()), "role", "Billing <Clerk>");
        assertThat(account("clerk").role()).isEqualTo("Billing <Clerk>");
        assertThat(clerk.get("/admin/orders").status()).as("the new role applies at once").isEqualTo(403);
        assertThat(clerk.get("/admin/clients").status()).isEqualTo(200);
    }

    @Test
    void aDisabledAdminIsLoggedOutAndTheLastFullAdministratorIsNeverDisabled() {
        Browser admin = server.admin();
        Browser other = server.adminWithRole("tobedisabled", "Support Operator");
        long id = account("tobedisabled").id();
        admin.open("/admin/adminusers");
        Browser.Page disabled = admin.submit("/admin/adminusers", "do", "disable", "id", Long.toString(id));
        assertThat(disabled.doc().select("#admin-" + id).text()).contains("Disabled");
        assertThat(other.get("/admin/").location()).contains("/admin/login");
        admin.submit("/admin/adminusers", "do", "enable", "id", Long.toString(id));
        assertThat(account("tobedisabled").disabled()).isFalse();

        long self = account("admin").id();
        Browser.Page refused = admin.submit("/admin/adminusers", "do", "disable", "id", Long.toString(self));
        assertThat(refused.doc().select(".notice.error").text()).contains("last enabled Full Administrator");
        Browser.Page demoted = admin.submit("/admin/adminusers", "do", "role", "id", Long.toString(self), "role",
                "Sales Operator");
        assertThat(demoted.doc().select(".notice.error").text()).contains("last enabled Full Administrator");
        assertThat(account("admin")).extracting(AdminAccount::role, AdminAccount::disabled)
                .containsExactly(Admins.FULL_ADMINISTRATOR, false);
        assertThat(admin.postRaw("/admin/adminusers", "do", "disable", "id", Long.toString(id)).status())
                .as("no token").isEqualTo(403);
        assertThat(account("tobedisabled").disabled()).isFalse();
    }
}
