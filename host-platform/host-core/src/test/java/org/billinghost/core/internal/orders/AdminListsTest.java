package org.billinghost.core.internal.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.Client;
import org.billinghost.api.billing.Invoice;
import org.billinghost.api.billing.InvoiceStatus;
import org.billinghost.api.billing.ListQuery;
import org.billinghost.api.billing.NewClient;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.OrderLine;
import org.billinghost.api.billing.OrderRequest;
import org.billinghost.api.billing.ServiceAccount;
import org.billinghost.api.billing.ServiceUpdate;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.ModuleDatabase.Dialect;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.core.internal.commands.FakeServerModule;
import org.billinghost.core.internal.commands.Shop;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.db.Sorting;
import org.billinghost.core.testkit.AllDatabases;
import org.billinghost.core.testkit.CoreAssembly;
import org.billinghost.core.testkit.TestDatabase;
import org.billinghost.core.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: the admin's lists search by name, e-mail, company, domain, a field's value or number and sort by a
 * known key only, with the same answers on every database (each builds the conditions its own way: PostgreSQL for
 * its trigram indexes, MariaDB with CONCAT). Tests of this class share a database, so each uses its own names.
 */
class AdminListsTest {

    @AllDatabases.Test
    void clientsAreFoundByFullNameCompanyEmailOrNumberAndSortedByName(CoreAssembly core) {
        String tag = tag();
        Client zed = client(core, "Zed", "Alpha" + tag, "zed-" + tag + "@lists.example", "Zeta " + tag + " GmbH");
        Client amy = client(core, "Amy", "Omega" + tag, "amy-" + tag + "@lists.example", "");

        assertThat(clients(core, new ListQuery("zed alpha" + tag, null, false))).containsExactly(zed.id());
        assertThat(clients(core, new ListQuery("ZETA " + tag.toUpperCase(), null, false))).containsExactly(zed.id());
        assertThat(clients(core, new ListQuery(tag + "@lists.example", "name", false))).containsExactly(zed.id(), amy.id());
        assertThat(clients(core, new ListQuery(tag + "@lists.example", "name", true))).containsExactly(amy.id(), zed.id());
        assertThat(clients(core, new ListQuery(String.valueOf(amy.id()), null, false))).contains(amy.id());
        assertThat(clients(core, new ListQuery("%' OR 1=1 --", null, false))).isEmpty();
        ResultPage<Client> none = core.clients().list(new ListQuery("nobody-" + tag, null, false), 0, 10);
        assertThat(none.items().size() + " of " + none.total()).isEqualTo("0 of 0");
    }

    @AllDatabases.Test
    void ordersAndInvoicesAreFoundByNumberOrClientAndSortedByTotal(CoreAssembly core) {
        core.addServerModule(Shop.MODULE, new FakeServerModule());
        String tag = tag();
        Shop shop = new Shop(core);
        Product cheap = shop.product(AutoSetup.MANUAL, new BigDecimal("1.00"));
        Product dear = shop.product(AutoSetup.MANUAL, new BigDecimal("9.00"));
        long ada = client(core, "Ada", "Byron" + tag, "ada-" + tag + "@orders.example", "").id();
        long bob = client(core, "Bob", "Byron" + tag, "bob-" + tag + "@orders.example", "").id();
        Order first = order(core, ada, cheap);
        Order second = order(core, bob, dear);

        assertThat(core.orders().list(new ListQuery("#" + second.id(), null, false), null, 0, 10).items())
                .extracting(Order::id).containsExactly(second.id());
        assertThat(core.orders().list(new ListQuery("ada-" + tag + "@orders", null, false), null, 0, 10).items())
                .extracting(Order::id).containsExactly(first.id());
        assertThat(core.invoices().list(new ListQuery("BYRON" + tag, "total", true), InvoiceStatus.UNPAID, 0, 2)
                .items()).extracting(Invoice::id).containsExactly(second.invoiceId(), first.invoiceId());
        assertThat(core.invoices().list(new ListQuery(String.valueOf(first.invoiceId()), null, false), null, 0, 10)
                .items()).extracting(Invoice::id).contains(first.invoiceId());
    }

    @AllDatabases.Test
    void servicesAreFoundByDomainFieldValueOrNumberAndSortedByDomain(CoreAssembly core) {
        core.addServerModule(Shop.MODULE, new FakeServerModule());
        String tag = tag();
        Shop shop = new Shop(core);
        Product product = shop.product(AutoSetup.MANUAL, BigDecimal.ONE);
        long b = shop.service(product);
        long a = shop.service(product);
        long site = shop.order(product, "https://" + tag + "-blog.example").serviceIds().get(0);
        core.services().update(b, new ServiceUpdate("b-site." + tag + ".example", null, null, null));
        core.services().update(a, new ServiceUpdate("a-site." + tag + ".example", null, null, null));

        assertThat(services(core, new ListQuery(tag.toUpperCase() + ".example", "domain", false))).containsExactly(a, b);
        assertThat(services(core, new ListQuery("b-site." + tag, null, false))).containsExactly(b);
        assertThat(services(core, new ListQuery(tag + "-BLOG", null, false))).containsExactly(site);
        assertThat(services(core, new ListQuery(String.valueOf(site), null, false))).contains(site);
    }

    @AllDatabases.Test
    void aSortKeyTheListDoesNotKnowIsRefusedByName(CoreAssembly core) {
        assertThatThrownBy(() -> core.clients().list(new ListQuery(null, "password_hash", false), 0, 10))
                .isInstanceOf(BillingException.class)
                .hasMessage("This list cannot be sorted by 'password_hash'; it sorts by company, created, email, id, name.")
                .satisfies(e -> assertThat(((BillingException) e).field()).contains("sort"));
    }

    /** The conditions the lists build are the expressions of V252's trigram indexes, so PostgreSQL can use them. */
    @Test
    void postgresqlAnswersTheSearchesFromTrigramIndexes() {
        TestDatabases.assumeAvailable(Dialect.POSTGRESQL);
        try (TestDatabase db = TestDatabases.create(Dialect.POSTGRESQL)) {
            Jdbc jdbc = db.database().jdbc();
            String clients = plan(jdbc, "SELECT id FROM clients WHERE " + Sorting.clientFields(Dialect.POSTGRESQL, ""),
                    3);
            assertThat(List.of("ix_clients_name_trgm", "ix_clients_company_trgm", "ix_clients_email_trgm"))
                    .allMatch(clients::contains);
            assertThat(plan(jdbc, "SELECT id FROM services WHERE domain ILIKE ? ESCAPE '!'", 1))
                    .contains("ix_services_domain_trgm");
            assertThat(plan(jdbc, "SELECT service_id FROM custom_field_values WHERE field_value ILIKE ? ESCAPE '!'", 1))
                    .contains("ix_custom_field_values_value_trgm");
            // without GIN's pending list: rows added since the last VACUUM would be read one by one at each search
            assertThat(jdbc.query("SELECT c.relname FROM pg_class c WHERE c.relname LIKE 'ix\\_%\\_trgm'"
                    + " AND c.relnamespace = current_schema()::regnamespace"
                    + " AND c.relname <> 'ix_activity_log_message_trgm' AND 'fastupdate=off' = ANY(c.reloptions)"
                    + " ORDER BY c.relname", rs -> rs.getString(1))).containsExactly("ix_clients_company_trgm",
                    "ix_clients_email_trgm", "ix_clients_name_trgm", "ix_custom_field_values_value_trgm",
                    "ix_services_domain_trgm");
        }
    }

    /** The plan of {@code sql} with its parameters all a narrow search pattern, sequential and index-only scans ruled out. */
    private static String plan(Jdbc jdbc, String sql, int parameters) {
        return jdbc.inTransaction(() -> {
            // statistics of the empty tables: without them PostgreSQL guesses 50 matches and may prefer a B-tree
            jdbc.update("ANALYZE clients, services, custom_field_values");
            jdbc.update("SET LOCAL enable_seqscan = off");
            jdbc.update("SET LOCAL enable_indexonlyscan = off"); // a B-tree holding the column could answer alone
            Object[] params = new Object[parameters];
            Arrays.fill(params, "%seed-1@example%");
            return String.join("\n", jdbc.query("EXPLAIN " + sql, rs -> rs.getString(1), params));
        });
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static Client client(CoreAssembly core, String first, String last, String email, String company) {
        return core.clients().add(new NewClient(first, last, email, company, "", "", "", "", "", "", "pw-123456"));
    }

    private static Order order(CoreAssembly core, long clientId, Product product) {
        return core.orders().place(new OrderRequest(clientId, List.of(new OrderLine(product.id(), "example.com",
                Map.of("Site URL", "https://a.example"))), "banktransfer", false));
    }

    private static List<Long> clients(CoreAssembly core, ListQuery query) {
        return core.clients().list(query, 0, 10).items().stream().map(Client::id).toList();
    }

    private static List<Long> services(CoreAssembly core, ListQuery query) {
        return core.services().list(query, 0, 10).items().stream().map(ServiceAccount::id).toList();
    }
}
