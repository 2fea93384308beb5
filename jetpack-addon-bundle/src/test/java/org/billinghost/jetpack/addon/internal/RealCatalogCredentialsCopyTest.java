package org.billinghost.jetpack.addon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.Product;
import org.billinghost.core.testkit.CoreAssembly;
import org.billinghost.jetpack.partner.PartnerCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Copying new credentials into the products, on the host's real catalog: the id and the secret change together. */
class RealCatalogCredentialsCopyTest {
    private final CoreAssembly core = CoreAssembly.h2();
    private final Catalog catalog = core.catalog();
    private final AddonStorage storage = new AddonStorage(core.moduleDatabase(), Clock.systemUTC());

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void whenTheSecretIsRefusedTheIdStaysAsItWasAndTheNoticeRemains() {
        TestDatabases.addonTables(core.moduleDatabase());
        new ProductGenerator(catalog, storage.records(), storage.claims())
                .generate(catalog.createGroup("Jetpack", false).id(), new PartnerCredentials("1001", "old-secret"));
        List<Long> ids = catalog.productsOfModule("jetpack").stream().map(Product::id).toList();
        storage.notice().markChanged(List.of(AddonSettings.CLIENT_ID));

        assertThatThrownBy(() -> storage.notice().clearAfter(() -> {
            catalog.updateConfigOptions(ids, 1, "2002");
            // the catalog refuses a value over 1000 characters, after the id was written
            catalog.updateConfigOptions(ids, 2, "s".repeat(1001));
        })).isInstanceOf(BillingException.class);

        assertThat(catalog.productsOfModule("jetpack")).extracting(p -> p.configOptions().subList(0, 2))
                .containsOnly(List.of("1001", "old-secret"));
        assertThat(storage.notice().isPending()).isTrue();
    }
}
