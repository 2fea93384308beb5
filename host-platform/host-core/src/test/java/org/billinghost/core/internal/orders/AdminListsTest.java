package org.billinghost.core.internal.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.Client;
import org.billinghost.api.billing.Invoice;
import org.billinghost.api.billing.InvoiceStatus;
import org.billinghost.api.billing.ListQuery;
import org.billinghost.api.billing.NewClient;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.ServiceAccount;
import org.billinghost.api.billing.ServiceUpdate;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.Product;
import org.billinghost.core.internal.commands.FlowTestSupport;
import org.billinghost.core.internal.commands.Shop;
import org.junit.jupiter.api.Test;

/** Issue 18: the admin's lists search by name, e-mail, company, domain or number and sort by a known key only. */
class AdminListsTest extends FlowTestSupport {

    @Test
    void clientsAreFoundByFullNameCompanyEmailOrNumberAndSortedByName() {
        Client zed = core.clients().add(new NewClient("Zed", "Alpha", "zed@lists.example", "Zeta GmbH", "", "", "", "",
                "", "", "pw-123456"));
        Client amy = core.clients().add(new NewClient("Amy", "Omega", "amy@lists.example", "", "", "", "", "", "", "",
                "pw-123456"));

        assertThat(clients(new ListQuery("zed alpha", null, false))).containsExactly(zed.id());
        assertThat(clients(new ListQuery("ZETA", null, false))).containsExactly(zed.id());
        assertThat(clients(new ListQuery("@lists.example", "name", false))).containsExactly(zed.id(), amy.id());
        assertThat(clients(new ListQuery("@lists.example", "name", true))).containsExactly(amy.id(), zed.id());
        assertThat(clients(new ListQuery(String.valueOf(amy.id()), null, false))).contains(amy.id());
        assertThat(clients(new ListQuery("%' OR 1=1 --", null, false))).isEmpty();
    }

    @Test
    void ordersAndInvoicesAreFoundByNumberOrClientAndSortedByTotal() {
        Shop other = new Shop(core);
        Product cheap = shop.product(AutoSetup.MANUAL, new BigDecimal("1.00"));
        Product dear = other.product(AutoSetup.MANUAL, new BigDecimal("9.00"));
        Order first = shop.order(cheap, "https://a.example");
        Order second = other.order(dear, "https://b.example");

        assertThat(core.orders().list(new ListQuery("#" + second.id(), null, false), null, 0, 10).items())
                .extracting(Order::id).containsExactly(second.id());
        String email = core.clients().get(shop.client()).orElseThrow().email();
        assertThat(core.orders().list(new ListQuery(email, null, false), null, 0, 10).items())
                .extracting(Order::id).containsExactly(first.id());
        assertThat(core.invoices().list(new ListQuery("lovelace", "total", true), InvoiceStatus.UNPAID, 0, 2).items())
                .extracting(Invoice::id).containsExactly(second.invoiceId(), first.invoiceId());
    }

    @Test
    void servicesAreFoundByDomainAndSortedByIt() {
        long b = shop.service(shop.product(AutoSetup.MANUAL, BigDecimal.ONE));
        long a = shop.service(shop.product(AutoSetup.MANUAL, BigDecimal.ONE));
        core.services().update(b, new ServiceUpdate("b-site.lists.example", null, null, null));
        core.services().update(a, new ServiceUpdate("a-site.lists.example", null, null, null));

        assertThat(core.services().list(new ListQuery("LISTS.example", "domain", false), 0, 10).items())
                .extracting(ServiceAccount::id).containsExactly(a, b);
        assertThat(core.services().list(new ListQuery("b-site", null, false), 0, 10).items())
                .extracting(ServiceAccount::id).containsExactly(b);
    }

    @Test
    void aSortKeyTheListDoesNotKnowIsRefusedByName() {
        assertThatThrownBy(() -> core.clients().list(new ListQuery(null, "password_hash", false), 0, 10))
                .isInstanceOf(BillingException.class)
                .hasMessage("This list cannot be sorted by 'password_hash'; it sorts by company, created, email, id, name.")
                .satisfies(e -> assertThat(((BillingException) e).field()).contains("sort"));
    }

    private List<Long> clients(ListQuery query) {
        return core.clients().list(query, 0, 10).items().stream().map(Client::id).toList();
    }
}
