package org.billinghost.core.internal.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.Client;
import org.billinghost.api.billing.Clients;
import org.billinghost.api.billing.NewClient;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.core.internal.security.PasswordHasherTest;
import org.billinghost.core.testkit.AllDatabases;
import org.billinghost.core.testkit.CoreAssembly;

class ClientsPersistenceTest {

    private static NewClient client(String first, String last, String email, String password) {
        return new NewClient(first, last, email, "Acme", "1 Main St", "Springfield", "IL", "62701", "US",
                "+1 555 0100", password);
    }

    private static String email() {
        return "c" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    @AllDatabases.Test
    void addStoresTheClientAndAHashNotThePassword(CoreAssembly core) {
        String email = email();
        Client c = core.clients().add(client("Ada", "Lovelace", email, "s3cret-pw"));

        assertThat(core.clients().get(c.id())).contains(c);
        assertThat(c.fullName()).isEqualTo("Ada Lovelace");
        assertThat(c.status()).isEqualTo("Active");
        assertThat(c.created()).isNotNull();
        assertThat(core.clients().byEmail(email.toUpperCase())).contains(c);
        String stored = core.jdbc().queryOne("SELECT password_hash FROM clients WHERE id = ?", rs -> rs.getString(1),
                c.id()).orElseThrow();
        assertThat(stored).startsWith("$argon2id$").doesNotContain("s3cret-pw");
    }

    @AllDatabases.Test
    void aClientsEarlierPbkdf2HashIsReplacedAtTheNextLogin(CoreAssembly core) throws Exception {
        String email = email();
        Client c = core.clients().add(client("Ada", "Lovelace", email, "s3cret-pw"));
        String legacy = PasswordHasherTest.legacyPbkdf2("sha512", "s3cret-pw", 1000);
        core.jdbc().update("UPDATE clients SET password_hash = ? WHERE id = ?", legacy, c.id());

        assertThat(core.clients().authenticate(email, "s3cret-pw")).contains(c);
        String stored = core.jdbc().queryOne("SELECT password_hash FROM clients WHERE id = ?", rs -> rs.getString(1),
                c.id()).orElseThrow();
        assertThat(stored).startsWith("$argon2id$");
        assertThat(core.clients().authenticate(email, "s3cret-pw")).contains(c);
        assertThat(core.clients().authenticate(email, "wrong")).isEmpty();
    }

    @AllDatabases.Test
    void duplicateEmailIgnoringCaseIsRefused(CoreAssembly core) {
        String email = email();
        core.clients().add(client("A", "B", email, "pw"));

        assertThatThrownBy(() -> core.clients().add(client("C", "D", email.toUpperCase(), "pw")))
                .isInstanceOfSatisfying(BillingException.class,
                        e -> {
                            assertThat(e.category()).isEqualTo(BillingException.Category.CONFLICT);
                            assertThat(e.field()).contains("email");
                        })
                .hasMessageContaining("already exists");
        assertThat(core.jdbc().queryLong("SELECT COUNT(*) FROM clients WHERE email_key = ?", email)).isEqualTo(1);
    }

    @AllDatabases.Test
    void invalidInputIsRefusedAndStoresNothing(CoreAssembly core) {
        long before = core.jdbc().queryLong("SELECT COUNT(*) FROM clients");
        Clients clients = core.clients();
        Map<NewClient, String> refusedField = new LinkedHashMap<>();
        refusedField.put(client("", "Last", email(), "pw"), "firstname");
        refusedField.put(client("First", "  ", email(), "pw"), "lastname");
        refusedField.put(client("First", "Last", "", "pw"), "email");
        refusedField.put(client("First", "Last", "not-an-email", "pw"), "email");
        refusedField.put(client("First", "Last", "a@b", "pw"), "email");
        refusedField.put(client("First", "Last", "two@@example.com", "pw"), "email");
        refusedField.forEach((bad, field) -> assertThatThrownBy(() -> clients.add(bad))
                .isInstanceOfSatisfying(BillingException.class, e -> {
                    assertThat(e.category()).isEqualTo(BillingException.Category.INVALID_INPUT);
                    assertThat(e.field()).as(bad.toString()).contains(field);
                }));
        assertThat(core.jdbc().queryLong("SELECT COUNT(*) FROM clients")).isEqualTo(before);
    }

    @AllDatabases.Test
    void authenticateChecksThePassword(CoreAssembly core) {
        String email = email();
        Client c = core.clients().add(client("A", "B", email, "right"));

        assertThat(core.clients().authenticate(email, "right")).contains(c);
        assertThat(core.clients().authenticate(" " + email.toUpperCase() + " ", "right")).contains(c);
        assertThat(core.clients().authenticate(email, "wrong")).isEmpty();
        assertThat(core.clients().authenticate("nobody@example.com", "right")).isEmpty();

        String noPassword = email();
        core.clients().add(client("No", "Login", noPassword, null));
        assertThat(core.clients().authenticate(noPassword, "")).isEmpty();
    }

    @AllDatabases.Test
    void searchPagesByIdAndMatchesNameCompanyOrEmail(CoreAssembly core) {
        String tag = "zq" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 5; i++) {
            core.clients().add(client("Name" + i, tag.toUpperCase() + "_%", email(), "pw"));
        }
        Client byMail = core.clients().add(client("Other", "Person", tag + "@example.com", "pw"));

        ResultPage<Client> first = core.clients().search(tag, 0, 4);
        ResultPage<Client> second = core.clients().search(tag, 4, 4);
        assertThat(first.total()).isEqualTo(6);
        assertThat(first.items()).hasSize(4);
        assertThat(second.items()).hasSize(2).last().isEqualTo(byMail);
        assertThat(second.total()).isEqualTo(6);
        assertThat(first.items().get(0).id()).isLessThan(first.items().get(1).id());

        // LIKE wildcards in the term are literal
        assertThat(core.clients().search(tag + "_%", 0, 10).total()).isEqualTo(5);
        assertThat(core.clients().search(tag + "__", 0, 10).total()).isZero();

        ResultPage<Client> all = core.clients().search(null, 0, 2);
        assertThat(all.items()).hasSize(2);
        assertThat(all.total()).isEqualTo(core.jdbc().queryLong("SELECT COUNT(*) FROM clients"));
        assertThatThrownBy(() -> core.clients().search("", -1, 10)).isInstanceOf(BillingException.class);
        assertThatThrownBy(() -> core.clients().search("", 0, 0)).isInstanceOf(BillingException.class);
    }

    @AllDatabases.Test
    void updateChangesTheGivenFieldsAndKeepsTheOthersAndThePassword(CoreAssembly core) {
        String email = email();
        Client c = core.clients().add(client("Ada", "Lovelace", email, "s3cret-pw"));
        String newEmail = email();

        Client changed = core.clients().update(c.id(), new NewClient(" Augusta ", null, newEmail, null, null, "London",
                null, null, "GB", null, null));

        assertThat(changed).isEqualTo(new Client(c.id(), "Augusta", "Lovelace", newEmail, "Acme", "1 Main St",
                "London", "IL", "62701", "GB", "+1 555 0100", "Active", c.created(), c.credit()));
        assertThat(core.clients().byEmail(email)).isEmpty();
        assertThat(core.clients().authenticate(newEmail, "s3cret-pw")).contains(changed);
    }

    @AllDatabases.Test
    void updateSetsANewPasswordAndRefusesAnotherClientsEmailChangingNothing(CoreAssembly core) {
        String taken = email();
        core.clients().add(client("A", "B", taken, "pw"));
        String email = email();
        Client c = core.clients().add(client("C", "D", email, "old-password"));

        core.clients().update(c.id(), new NewClient(null, null, null, null, null, null, null, null, null, null,
                "new-password"));
        assertThat(core.clients().authenticate(email, "new-password")).isPresent();
        assertThat(core.clients().authenticate(email, "old-password")).isEmpty();

        assertThatThrownBy(() -> core.clients().update(c.id(), new NewClient("Changed", null, taken.toUpperCase(),
                null, null, null, null, null, null, null, null)))
                .isInstanceOfSatisfying(BillingException.class,
                        e -> assertThat(e.category()).isEqualTo(BillingException.Category.CONFLICT))
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> core.clients().update(c.id(), new NewClient("", null, null, null, null, null, null,
                null, null, null, null))).hasMessage("The client's first name is required.");
        assertThatThrownBy(() -> core.clients().update(999_999, new NewClient("X", null, null, null, null, null, null,
                null, null, null, null))).hasMessage("Client ID Not Found: 999999");
        assertThat(core.clients().get(c.id()).orElseThrow().firstName()).isEqualTo("C");
    }
}
