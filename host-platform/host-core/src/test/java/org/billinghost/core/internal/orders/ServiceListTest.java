package org.billinghost.core.internal.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.billinghost.api.billing.ServiceAccount;
import org.billinghost.api.billing.ServiceFilter;
import org.billinghost.api.billing.ServiceUpdate;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.core.internal.commands.FlowTestSupport;
import org.billinghost.core.internal.commands.Shop;
import org.junit.jupiter.api.Test;

/** Services.list with a filter: client, product and domain (ignoring case) in the query, pages and totals. */
class ServiceListTest extends FlowTestSupport {

    @Test
    void filtersByClientProductAndDomainIgnoringCase() {
        Shop other = new Shop(core);
        Product gold = shop.product(AutoSetup.MANUAL, BigDecimal.ONE);
        Product silver = shop.product(AutoSetup.MANUAL, BigDecimal.ONE);
        long mine = shop.service(gold);
        long mineSilver = shop.service(silver);
        long theirs = other.service(gold);
        core.services().update(mineSilver, new ServiceUpdate("Shop.Example.ORG", null, null, Map.of("Plan", "silver")));

        assertThat(ids(new ServiceFilter(0, gold.id(), null))).containsExactly(mine, theirs);
        assertThat(ids(new ServiceFilter(shop.client(), gold.id(), null))).containsExactly(mine);
        assertThat(ids(new ServiceFilter(other.client(), silver.id(), null))).isEmpty();
        assertThat(ids(new ServiceFilter(0, 0, "shop.example.org"))).containsExactly(mineSilver);
        assertThat(ids(new ServiceFilter(shop.client(), 0, " SHOP.example.org "))).containsExactly(mineSilver);
        assertThat(ids(new ServiceFilter(0, gold.id(), "shop.example.org"))).isEmpty();
        assertThat(ids(new ServiceFilter(shop.client(), 0, ""))).containsExactly(mine, mineSilver);
    }

    @Test
    void pagesCountTheWholeFilteredListAndCarryEachServicesCustomFields() {
        Product product = shop.product(AutoSetup.MANUAL, BigDecimal.ONE);
        long first = shop.order(product, "https://one.example").serviceIds().get(0);
        long second = shop.order(product, "https://two.example").serviceIds().get(0);
        long third = shop.order(product, "https://three.example").serviceIds().get(0);

        ResultPage<ServiceAccount> page = core.services().list(new ServiceFilter(0, product.id(), null), 1, 1);
        assertThat(page.items()).extracting(ServiceAccount::id).containsExactly(second);
        assertThat(page.total()).isEqualTo(3);
        ResultPage<ServiceAccount> all = core.services().list(new ServiceFilter(shop.client(), product.id(), null), 0, 10);
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.items()).extracting(s -> s.customFields().get("Site URL"))
                .containsExactly("https://one.example", "https://two.example", "https://three.example");
        assertThat(all.items()).extracting(ServiceAccount::id).containsExactly(first, second, third);
        assertThat(core.services().list(shop.client(), 0, 10).items()).extracting(ServiceAccount::id)
                .containsExactly(first, second, third);
    }

    private List<Long> ids(ServiceFilter filter) {
        return core.services().list(filter, 0, 100).items().stream().map(ServiceAccount::id).toList();
    }
}
