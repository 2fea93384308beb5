package org.billinghost.core.internal.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.billinghost.core.internal.security.PasswordHasher;
import org.billinghost.core.testkit.AllDatabases;
import org.billinghost.core.testkit.CoreAssembly;
import org.billinghost.core.testkit.TestDatabase;
import org.billinghost.core.testkit.TestDatabases;

/** Non-demo seeding; each test seeds a database of its own. */
class BootstrapTest {

    @AllDatabases.Test
    void firstStartCreatesAdminWithARandomPasswordPrintedOnceThenNothing(TestDatabase kind) {
        try (TestDatabase db = TestDatabases.create(kind.dialect())) {
            firstStartCreatesAdminWithARandomPasswordPrintedOnce(CoreAssembly.on(db.database()));
        }
    }

    private static void firstStartCreatesAdminWithARandomPasswordPrintedOnce(CoreAssembly core) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(out, true, StandardCharsets.UTF_8);

        core.seed(false, "", console);
        core.seed(false, "", console);

        String printed = out.toString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("Initial admin password for 'admin': (\\S+) \\(shown once; change it in the admin area\\)\\R")
                .matcher(printed);
        assertThat(m.matches()).as(printed).isTrue();
        assertThat(core.admins().authenticate("admin", m.group(1))).isPresent();
        assertThat(core.admins().list()).singleElement().satisfies(a -> assertThat(a.role()).isEqualTo("Full Administrator"));
        assertThat(core.apiCredentials().list()).isEmpty();
        assertThat(core.catalog().groups()).isEmpty();
        assertThat(core.clients().byEmail("demo@example.com")).isEmpty();

        // a later demo start adds the demo items but keeps the existing admin's password
        core.seed(true, "", console);
        assertThat(core.admins().authenticate("admin", m.group(1))).isPresent();
        assertThat(core.admins().authenticate("admin", "admin")).isEmpty();
        assertThat(core.apiCredentials().authenticate("demo-api", "demo-api-secret")).isPresent();
    }

    @AllDatabases.Test
    void givenAdminPasswordIsUsedAndNotPrinted(TestDatabase kind) {
        try (TestDatabase db = TestDatabases.create(kind.dialect())) {
            CoreAssembly core = CoreAssembly.on(db.database());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            core.seed(false, "from-property", new PrintStream(out, true, StandardCharsets.UTF_8));

            assertThat(out.size()).isZero();
            assertThat(core.admins().list()).hasSize(1);
            assertThat(core.admins().authenticate("admin", "from-property")).isPresent();
        }
    }

    @AllDatabases.Test
    void demoAccountsGetTheStoredHashesOfTheirDemoPasswords(TestDatabase kind) {
        try (TestDatabase db = TestDatabases.create(kind.dialect())) {
            CoreAssembly core = CoreAssembly.on(db.database()).seedDemo();

            assertThat(core.admins().authenticate("admin", "admin")).isPresent();
            assertThat(core.clients().authenticate("demo@example.com", "demo")).isPresent();
            assertThat(core.clients().authenticate("demo@example.com", "admin")).isEmpty();
            assertThat(core.jdbc().queryOne("SELECT password_hash FROM clients WHERE email = ?", rs -> rs.getString(1),
                    "demo@example.com")).contains(Bootstrap.DEMO_CLIENT_HASH);
        }
    }

    @org.junit.jupiter.api.Test
    void demoHashesHaveTheDefaultFormatAndStrength() {
        String format = "\\$argon2id\\$v=19\\$m=" + PasswordHasher.DEFAULT_MEMORY_KIB
                + ",t=" + PasswordHasher.DEFAULT_PASSES + ",p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}";
        assertThat(Bootstrap.DEMO_ADMIN_HASH).matches(format);
        assertThat(Bootstrap.DEMO_CLIENT_HASH).matches(format);
    }
}
