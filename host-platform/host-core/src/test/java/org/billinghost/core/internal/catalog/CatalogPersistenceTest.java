package org.billinghost.core.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.CustomField;
import org.billinghost.api.platform.CustomFieldType;
import org.billinghost.api.platform.NewCustomField;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductBundle;
import org.billinghost.api.platform.ProductGroup;
import org.billinghost.api.platform.ProductType;
import org.billinghost.core.testkit.AllDatabases;
import org.billinghost.core.testkit.CoreAssembly;

class CatalogPersistenceTest {

    private static String unique(String base) {
        return base + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static NewProduct product(long groupId, String name, List<NewCustomField> fields) {
        return new NewProduct(groupId, name, "A product", ProductType.OTHER, false, PayType.RECURRING,
                new BigDecimal("12.50"), "jetpack", List.of("jetpack_backup_daily", "", "x"), AutoSetup.PAYMENT, fields);
    }

    @AllDatabases.Test
    void groupsAreCreatedUpdatedAndUniqueByName(CoreAssembly core) {
        Catalog catalog = core.catalog();
        String name = unique("Hosting");
        ProductGroup group = catalog.createGroup(name, false);
        assertThat(catalog.group(group.id())).contains(group);

        ProductGroup renamed = catalog.updateGroup(group.id(), name + " renamed", true);
        assertThat(catalog.group(group.id())).contains(renamed);
        assertThat(renamed.hidden()).isTrue();

        catalog.createGroup(name, false);
        assertThatThrownBy(() -> catalog.createGroup(name, true)).isInstanceOf(BillingException.class)
                .hasMessageContaining("already exists")
                .extracting(e -> ((BillingException) e).category()).isEqualTo(BillingException.Category.CONFLICT);
        assertThat(catalog.groups().stream().filter(g -> g.name().equals(name))).hasSize(1);
        assertThatThrownBy(() -> catalog.updateGroup(Long.MAX_VALUE, "x", false)).isInstanceOf(BillingException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> catalog.createGroup("  ", false)).isInstanceOf(BillingException.class)
                .extracting(e -> ((BillingException) e).field()).isEqualTo(Optional.of("name"));
    }

    @AllDatabases.Test
    void productRoundTripsWithConfigOptionsAndCustomFields(CoreAssembly core) {
        Catalog catalog = core.catalog();
        long groupId = catalog.createGroup(unique("Jetpack"), false).id();
        NewCustomField plan = NewCustomField.adminOnly("Plan", CustomFieldType.DROPDOWN, "The plan",
                List.of("jetpack_backup_daily", "jetpack_security_daily"));
        NewCustomField site = NewCustomField.text("Site URL", "Your site", true, true).withValidation("https?://.+");

        Product p = catalog.addProduct(product(groupId, "Backup", List.of(plan, site)));

        assertThat(catalog.product(p.id())).contains(p);
        assertThat(p.price()).isEqualByComparingTo("12.50");
        assertThat(p.configOptions()).hasSize(24).startsWith("jetpack_backup_daily", "", "x");
        assertThat(p.configOptions().get(23)).isEmpty();
        assertThat(p.autoSetup()).isEqualTo(AutoSetup.PAYMENT);
        assertThat(p.customFields()).extracting(CustomField::name).containsExactly("Plan", "Site URL");
        CustomField planField = p.customFields().get(0);
        assertThat(planField.options()).containsExactly("jetpack_backup_daily", "jetpack_security_daily");
        assertThat(planField.adminOnly()).isTrue();
        assertThat(p.customFields().get(1).validationRegex()).isEqualTo("https?://.+");
        assertThat(p.customFields().get(1).required()).isTrue();

        assertThat(catalog.productsInGroup(groupId)).containsExactly(p);
        assertThat(catalog.productsOfModule("jetpack")).contains(p);
        assertThat(catalog.products()).contains(p);
    }

    @AllDatabases.Test
    void updateProductKeepsCustomFieldsAndReplacesConfigOptions(CoreAssembly core) {
        Catalog catalog = core.catalog();
        long groupId = catalog.createGroup(unique("G"), false).id();
        Product p = catalog.addProduct(product(groupId, "Before", List.of(NewCustomField.text("Site", "", false, true))));

        Product updated = catalog.updateProduct(p.id(), new NewProduct(groupId, "After", "", ProductType.SERVER, true,
                PayType.FREE, BigDecimal.ZERO, "", List.of("", "second"), AutoSetup.ORDER, List.of()));

        assertThat(updated.name()).isEqualTo("After");
        assertThat(updated.configOptions().subList(0, 3)).containsExactly("", "second", "");
        assertThat(updated.customFields()).extracting(CustomField::name).containsExactly("Site");
        assertThat(updated.autoSetup()).isEqualTo(AutoSetup.ORDER);
        assertThatThrownBy(() -> catalog.updateProduct(Long.MAX_VALUE, product(groupId, "X", List.of())))
                .isInstanceOf(BillingException.class);
    }

    @AllDatabases.Test
    void addProductsIsAllOrNone(CoreAssembly core) {
        Catalog catalog = core.catalog();
        long groupId = catalog.createGroup(unique("AllOrNone"), false).id();
        int before = catalog.products().size();

        // the second product names a group that does not exist: found inside the transaction, after the first insert
        assertThatThrownBy(() -> catalog.addProducts(List.of(product(groupId, "One", List.of()),
                product(Long.MAX_VALUE, "Two", List.of())))).isInstanceOf(BillingException.class)
                .hasMessageContaining("does not exist");
        assertThat(catalog.products()).hasSize(before);
        assertThat(core.jdbc().queryLong("SELECT COUNT(*) FROM product_config_options WHERE product_id NOT IN "
                + "(SELECT id FROM products)")).isZero();

        List<Product> both = catalog.addProducts(List.of(product(groupId, "One", List.of()),
                product(groupId, "Two", List.of())));
        assertThat(catalog.productsInGroup(groupId)).containsExactlyElementsOf(both);
    }

    @AllDatabases.Test
    void invalidProductsAreRefusedAndChangeNothing(CoreAssembly core) {
        Catalog catalog = core.catalog();
        long groupId = catalog.createGroup(unique("Invalid"), false).id();
        NewCustomField dup = NewCustomField.text("Same", "", false, false);
        List<NewProduct> invalid = List.of(
                product(groupId, " ", List.of()),
                new NewProduct(groupId, "Neg", "", null, false, PayType.ONETIME, new BigDecimal("-1"), "", null, null, null),
                new NewProduct(groupId, "Cents", "", null, false, PayType.ONETIME, new BigDecimal("1.001"), "", null, null, null),
                new NewProduct(groupId, "Mod", "", null, false, null, null, "Bad Module!", null, null, null),
                new NewProduct(groupId, "Opts", "", null, false, null, null, "", java.util.Collections.nCopies(25, "x"), null, null),
                product(groupId, "Dup", List.of(dup, dup)),
                product(groupId, "Regex", List.of(NewCustomField.text("R", "", false, false).withValidation("(unclosed"))),
                product(groupId, "Drop", List.of(NewCustomField.adminOnly("D", CustomFieldType.DROPDOWN, "", List.of()))),
                product(groupId, "Comma", List.of(NewCustomField.adminOnly("C", CustomFieldType.DROPDOWN, "", List.of("a,b")))));
        for (NewProduct p : invalid) {
            assertThatThrownBy(() -> catalog.addProducts(List.of(product(groupId, "Valid", List.of()), p)))
                    .as(p.name()).isInstanceOf(BillingException.class);
        }
        assertThatThrownBy(() -> catalog.addProduct(new NewProduct(groupId, "Huge", "", null, false, PayType.ONETIME,
                new BigDecimal("99999999999.99"), "", null, null, null))).isInstanceOf(BillingException.class)
                .hasMessage("The price of product 'Huge' must be between 0 and 9999999999.99.")
                .extracting(e -> ((BillingException) e).field()).isEqualTo(Optional.of("price"));
        assertThat(catalog.productsInGroup(groupId)).isEmpty();
    }

    @AllDatabases.Test
    void configOptionsAreSetOnEveryListedProductOrNone(CoreAssembly core) {
        Catalog catalog = core.catalog();
        long groupId = catalog.createGroup(unique("Options"), false).id();
        List<Product> ps = catalog.addProducts(List.of(product(groupId, "A", List.of()), product(groupId, "B", List.of())));
        List<Long> ids = ps.stream().map(Product::id).toList();

        catalog.updateConfigOptions(ids, 1, "changed");
        catalog.updateConfigOptions(ids, 24, "last");
        for (long id : ids) {
            Product p = catalog.product(id).orElseThrow();
            assertThat(p.configOptions().get(0)).isEqualTo("changed");
            assertThat(p.configOptions().get(23)).isEqualTo("last");
        }

        assertThatThrownBy(() -> catalog.updateConfigOptions(List.of(ids.get(0), Long.MAX_VALUE), 2, "nope"))
                .isInstanceOf(BillingException.class);
        assertThat(catalog.product(ids.get(0)).orElseThrow().configOptions().get(1)).isEmpty();
        assertThatThrownBy(() -> catalog.updateConfigOptions(ids, 25, "x")).isInstanceOf(BillingException.class);
        assertThatThrownBy(() -> catalog.updateConfigOptions(ids, 0, "x")).isInstanceOf(BillingException.class);
    }

    @AllDatabases.Test
    void customFieldsAreAddedUpdatedAndRemovedWithTheirValues(CoreAssembly core) {
        Catalog catalog = core.catalog();
        long groupId = catalog.createGroup(unique("Fields"), false).id();
        Product p = catalog.addProduct(product(groupId, "P", List.of(NewCustomField.text("First", "", false, true))));

        CustomField added = catalog.addCustomField(p.id(), NewCustomField.text("Second", "d", true, false));
        assertThat(added.sortOrder()).isGreaterThan(p.customFields().get(0).sortOrder());
        assertThatThrownBy(() -> catalog.addCustomField(p.id(), NewCustomField.text("Second", "", false, false)))
                .isInstanceOf(BillingException.class).hasMessageContaining("already has");
        assertThatThrownBy(() -> catalog.addCustomField(Long.MAX_VALUE, NewCustomField.text("X", "", false, false)))
                .isInstanceOf(BillingException.class);

        CustomField updated = catalog.updateCustomField(added.id(),
                NewCustomField.adminOnly("Second", CustomFieldType.DROPDOWN, "now a list", List.of("a", "b")));
        assertThat(updated.type()).isEqualTo(CustomFieldType.DROPDOWN);
        assertThat(updated.options()).containsExactly("a", "b");
        assertThatThrownBy(() -> catalog.updateCustomField(added.id(), NewCustomField.text("First", "", false, false)))
                .isInstanceOf(BillingException.class);
        assertThat(catalog.product(p.id()).orElseThrow().customFields()).contains(updated);

        // a stored value blocks removal unless forced
        core.jdbc().update("INSERT INTO custom_field_values (field_id, service_id, field_value) VALUES (?, ?, ?)",
                added.id(), service(core, p.id(), "Active"), "a");
        assertThatThrownBy(() -> catalog.removeCustomField(added.id(), false)).isInstanceOf(BillingException.class)
                .hasMessageContaining("still has values");
        assertThat(catalog.product(p.id()).orElseThrow().customFields()).hasSize(2);
        catalog.removeCustomField(added.id(), true);
        assertThat(catalog.product(p.id()).orElseThrow().customFields()).extracting(CustomField::name)
                .containsExactly("First");
        assertThat(core.jdbc().queryLong("SELECT COUNT(*) FROM custom_field_values WHERE field_id = ?", added.id())).isZero();
    }

    @AllDatabases.Test
    void countServicesCountsByProductAndStatus(CoreAssembly core) {
        Catalog catalog = core.catalog();
        long groupId = catalog.createGroup(unique("Count"), false).id();
        List<Product> ps = catalog.addProducts(List.of(product(groupId, "A", List.of()), product(groupId, "B", List.of())));
        service(core, ps.get(0).id(), "Active");
        service(core, ps.get(0).id(), "Active");
        service(core, ps.get(0).id(), "Pending");
        service(core, ps.get(1).id(), "Active");

        assertThat(catalog.countServices(ps.get(0).id(), "Active")).isEqualTo(2);
        assertThat(catalog.countServices(ps.get(0).id(), "Pending")).isEqualTo(1);
        assertThat(catalog.countServices(ps.get(1).id(), "Active")).isEqualTo(1);
        assertThat(catalog.countServices(ps.get(1).id(), "Terminated")).isZero();
    }

    /** A bare service row (order and service tables are CORE-FLOW's; times there are epoch millis). */
    private static long service(CoreAssembly core, long productId, String status) {
        long now = System.currentTimeMillis();
        long orderId = core.jdbc().insert("INSERT INTO orders (client_id, status, total, payment_method, created, updated) "
                + "VALUES (?, ?, ?, ?, ?, ?)", 1L, "Active", BigDecimal.ZERO, "", now, now);
        return core.jdbc().insert("INSERT INTO services (client_id, order_id, product_id, domain, status, amount, created, "
                + "updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", 1L, orderId, productId, "", status, BigDecimal.ZERO, now, now);
    }

    @AllDatabases.Test
    void bundlesKeepTheirProductsInOrder(CoreAssembly core) {
        Catalog catalog = core.catalog();
        long groupId = catalog.createGroup(unique("Bundles"), false).id();
        List<Product> ps = catalog.addProducts(List.of(product(groupId, "A", List.of()), product(groupId, "B", List.of())));
        String name = unique("Starter");

        ProductBundle bundle = catalog.createBundle(name, "Both", List.of(ps.get(1).id(), ps.get(0).id()));

        assertThat(catalog.bundles()).contains(bundle);
        assertThat(bundle.productIds()).containsExactly(ps.get(1).id(), ps.get(0).id());
        assertThatThrownBy(() -> catalog.createBundle(name, "", List.of(ps.get(0).id())))
                .isInstanceOf(BillingException.class);
        assertThatThrownBy(() -> catalog.createBundle(unique("Broken"), "", List.of(ps.get(0).id(), Long.MAX_VALUE)))
                .isInstanceOf(BillingException.class);
        assertThatThrownBy(() -> catalog.createBundle(unique("Empty"), "", List.of())).isInstanceOf(BillingException.class);
        assertThat(catalog.bundles().stream().filter(b -> b.name().startsWith("Broken") || b.name().startsWith("Empty")))
                .isEmpty();
    }
}
