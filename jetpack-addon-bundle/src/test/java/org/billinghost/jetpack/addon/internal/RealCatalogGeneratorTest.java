package org.billinghost.jetpack.addon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.List;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.ProductGroup;
import org.billinghost.core.testkit.CoreAssembly;
import org.billinghost.jetpack.partner.PartnerCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The generator on the host's real catalog and database: all four products or none. */
class RealCatalogGeneratorTest {
    private static final PartnerCredentials CREDENTIALS = new PartnerCredentials("1001", "demo-partner-secret");

    private final CoreAssembly core = CoreAssembly.h2();
    private final Catalog catalog = core.catalog();
    private final AddonStorage storage = new AddonStorage(core.moduleDatabase(), Clock.systemUTC());
    private final ProductGenerator generator = new ProductGenerator(catalog, storage.records(), storage.claims());

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void whenTheThirdProductFailsNothingRemains() {
        TestDatabases.addonTables(core.moduleDatabase());
        ProductGroup group = catalog.createGroup("Jetpack Plans", false);
        // the catalog's insert of the third product (Premium) fails inside its transaction
        core.jdbc().update("ALTER TABLE products ADD CONSTRAINT jetpack_test_no_premium CHECK (name <> 'Jetpack - Premium Plan')");

        GenerationResult result = generator.generate(group.id(), CREDENTIALS);

        assertThat(result).isInstanceOfSatisfying(GenerationResult.Refused.class, refused -> assertThat(refused.message())
                .startsWith("JETPACK MODULE: the Jetpack products could not be created: ").endsWith(" Nothing was created."));
        assertThat(catalog.products()).isEmpty();
        assertThat(core.jdbc().queryLong("SELECT COUNT(*) FROM custom_fields")).isZero();
        assertThat(core.jdbc().queryLong("SELECT COUNT(*) FROM product_config_options")).isZero();
        assertThat(storage.records().all()).isEmpty();

        core.jdbc().update("ALTER TABLE products DROP CONSTRAINT jetpack_test_no_premium");
        assertThat(generator.generate(group.id(), CREDENTIALS)).isInstanceOf(GenerationResult.Created.class);
        assertThat(catalog.productsOfModule("jetpack")).hasSize(4);
        assertThat(storage.records().all()).hasSize(4);
    }

    @Test
    void pressingCreateTwiceLeavesFourProducts() {
        TestDatabases.addonTables(core.moduleDatabase());
        ProductGroup group = catalog.createGroup("Jetpack Plans", false);

        assertThat(generator.generate(group.id(), CREDENTIALS)).isInstanceOf(GenerationResult.Created.class);
        assertThat(generator.generate(group.id(), CREDENTIALS)).isInstanceOf(GenerationResult.AlreadyExist.class);

        assertThat(catalog.products()).hasSize(4);
        assertThat(catalog.productsOfModule("jetpack")).allSatisfy(p -> {
            assertThat(p.configOptions().subList(0, 2)).containsExactly("1001", "demo-partner-secret");
            assertThat(p.customFields()).hasSize(4);
        });
    }

    @Test
    void aSecondHostThatDidNotSeeTheProductsYetCreatesNone() {
        TestDatabases.addonTables(core.moduleDatabase());
        ProductGroup group = catalog.createGroup("Jetpack Plans", false);
        assertThat(generator.generate(group.id(), CREDENTIALS)).isInstanceOf(GenerationResult.Created.class);
        // the other host read the catalog before the first one committed: it sees no Jetpack product
        ProductGenerator otherHost = new ProductGenerator(withoutJetpackProducts(catalog), storage.records(),
                storage.claims());

        GenerationResult result = otherHost.generate(group.id(), CREDENTIALS);

        assertThat(result).isInstanceOfSatisfying(GenerationResult.Refused.class, refused ->
                assertThat(refused.message()).contains("at the same time", "Nothing was created here"));
        assertThat(catalog.products()).hasSize(4);
    }

    /** The catalog as a host sees it that read the Jetpack products before they were committed. */
    private static Catalog withoutJetpackProducts(Catalog catalog) {
        return (Catalog) Proxy.newProxyInstance(Catalog.class.getClassLoader(), new Class<?>[] {Catalog.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("productsOfModule")) {
                        return List.of();
                    }
                    try {
                        return method.invoke(catalog, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
