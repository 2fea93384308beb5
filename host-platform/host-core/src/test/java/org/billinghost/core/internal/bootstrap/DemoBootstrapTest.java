package org.billinghost.core.internal.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.billinghost.api.billing.ApiCredential;
import org.billinghost.core.testkit.AllDatabases;
import org.billinghost.core.testkit.CoreAssembly;

/** Demo seeding; the database of this class starts empty. */
class DemoBootstrapTest {

    @AllDatabases.Test
    void demoSeedingCreatesEachItemOnceAndKeepsChanges(CoreAssembly core) {
        core.seedDemo();
        long adminId = core.admins().authenticate("admin", "admin").orElseThrow().id();
        core.admins().changePassword(adminId, "changed");
        core.seedDemo();

        assertThat(core.admins().list()).hasSize(1);
        assertThat(core.admins().authenticate("admin", "changed")).isPresent();
        ApiCredential api = core.apiCredentials().authenticate("demo-api", "demo-api-secret").orElseThrow();
        assertThat(api.adminId()).isEqualTo(adminId);
        assertThat(core.apiCredentials().list()).hasSize(1);
        assertThat(core.catalog().groups()).singleElement().satisfies(g -> assertThat(g.name()).isEqualTo("Jetpack"));
        assertThat(core.clients().authenticate("demo@example.com", "demo")).hasValueSatisfying(c -> {
            assertThat(c.firstName()).isEqualTo("Demo");
            assertThat(c.lastName()).isEqualTo("Customer");
        });
        assertThat(core.clients().search(null, 0, 10).total()).isEqualTo(1);
    }
}
