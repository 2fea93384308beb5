package org.billinghost.core.internal.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.InvoiceStatus;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.OrderStatus;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.Product;
import org.billinghost.core.internal.commands.Shop;
import org.billinghost.core.testkit.AllDatabases;
import org.billinghost.core.testkit.CoreAssembly;

/**
 * GetStats' and the dashboard's figures (income and order counts by the billing clock's days), closing and deleting a client, on every
 * database.
 */
class StatsAndClosingPersistenceTest {

    private static final LocalDate YESTERDAY = LocalDate.of(2031, 4, 14);
    private static final LocalDate TODAY = LocalDate.of(2031, 4, 15);

    @AllDatabases.Test
    void incomeAndOrderCountsFollowTheBillingClocksDays(CoreAssembly core) {
        Shop shop = new Shop(core);
        Product product = shop.product(AutoSetup.MANUAL, new BigDecimal("10.25"));
        core.clock().set(YESTERDAY);
        Order early = shop.order(product, "https://a.example");
        core.invoices().addPayment(early.invoiceId(), new BigDecimal("10.25"), "tx-stats-1", "banktransfer");
        core.clock().set(TODAY);
        Order paid = shop.order(product, "https://a.example");
        core.invoices().addPayment(paid.invoiceId(), new BigDecimal("10.25"), "tx-stats-2", "banktransfer");
        core.orders().cancel(shop.order(product, "https://a.example").id());

        assertThat(core.invoices().income(TODAY, TODAY.plusDays(1))).isEqualTo("10.25");
        assertThat(core.invoices().income(YESTERDAY, TODAY.plusDays(1))).isEqualTo("20.50");
        assertThat(core.invoices().income(TODAY.plusDays(1), null)).isEqualTo("0.00");
        assertThat(core.orders().count(null, TODAY, TODAY.plusDays(1))).isEqualTo(2);
        assertThat(core.orders().count(OrderStatus.CANCELLED, TODAY, TODAY.plusDays(1))).isEqualTo(1);
        assertThat(core.orders().count(null, YESTERDAY, TODAY)).isEqualTo(1);
        assertThat(core.orders().count(OrderStatus.CANCELLED, YESTERDAY, TODAY)).isZero();
    }

    @AllDatabases.Test
    void theDashboardsDaysSumPaymentsAndCountOrdersPerDay(CoreAssembly core) {
        LocalDate first = LocalDate.of(2029, 6, 1); // days no other test of this class writes on
        Shop shop = new Shop(core);
        Product product = shop.product(AutoSetup.MANUAL, new BigDecimal("7.50"));
        core.clock().set(first);
        Order a = shop.order(product, "https://a.example");
        core.invoices().addPayment(a.invoiceId(), new BigDecimal("7.50"), "tx-days-1", "banktransfer");
        Order b = shop.order(product, "https://a.example");
        core.invoices().addPayment(b.invoiceId(), new BigDecimal("2.25"), "tx-days-2", "banktransfer");
        core.clock().set(first.plusDays(2));
        shop.order(product, "https://a.example");

        assertThat(core.dailyFigures().lastDays(3)).extracting(d -> d.day() + " " + d.income() + " " + d.orders())
                .containsExactly("2029-06-01 9.75 2", "2029-06-02 0 0", "2029-06-03 0 1");
        // the charts are reused for a minute, then counted again; a new day counts them at once
        shop.order(product, "https://a.example");
        core.clock().advance(Duration.ofSeconds(59));
        assertThat(core.dailyFigures().lastDays(3).get(2).orders()).isEqualTo(1);
        core.clock().advance(Duration.ofSeconds(2));
        assertThat(core.dailyFigures().lastDays(3).get(2).orders()).isEqualTo(2);
        shop.order(product, "https://a.example");
        core.clock().set(first.plusDays(3));
        assertThat(core.dailyFigures().lastDays(3).get(1).orders()).isEqualTo(3);
    }

    @AllDatabases.Test
    void closingAClientCancelsWhatIsPendingAndUnpaidAndEndsItsLogins(CoreAssembly core) {
        Shop shop = new Shop(core);
        Order order = shop.order(shop.product(AutoSetup.MANUAL, BigDecimal.TEN), "https://a.example");
        String email = core.clients().get(shop.client()).orElseThrow().email();

        assertThat(core.clients().close(shop.client()).status()).isEqualTo("Closed");

        assertThat(core.orders().get(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(core.invoices().get(order.invoiceId()).orElseThrow().status()).isEqualTo(InvoiceStatus.CANCELLED);
        assertThat(core.services().get(order.serviceIds().get(0)).orElseThrow().status())
                .isEqualTo(ServiceStatus.CANCELLED);
        assertThat(core.clients().authenticate(email, "client-password")).isEmpty();
    }

    @AllDatabases.Test
    void deletingAClientDeletesTheirRecordsInOneGoAndKeepsAnyoneWhoPaid(CoreAssembly core) {
        Shop shop = new Shop(core);
        Product product = shop.product(AutoSetup.MANUAL, BigDecimal.TEN);
        Order order = shop.order(product, "https://a.example");
        long client = shop.client();
        core.jdbc().update("INSERT INTO web_sessions (id_hash, area, account_id, csrf_token, created, last_access)"
                + " VALUES (?, 'client', ?, 'token', 0, 0)", "session-of-" + client, client);
        Shop payer = new Shop(core);
        Order paid = payer.order(product, "https://b.example");
        core.invoices().addPayment(paid.invoiceId(), BigDecimal.ONE, "tx-delete-" + paid.id(), "banktransfer");

        core.clients().delete(client);

        assertThat(core.clients().get(client)).isEmpty();
        assertThat(core.orders().get(order.id())).isEmpty();
        assertThat(core.invoices().get(order.invoiceId())).isEmpty();
        assertThat(core.jdbc().queryLong("SELECT COUNT(*) FROM custom_field_values WHERE service_id = ?",
                order.serviceIds().get(0))).isZero();
        assertThat(core.jdbc().queryLong("SELECT COUNT(*) FROM web_sessions WHERE account_id = ?", client)).isZero();
        assertThatThrownBy(() -> core.clients().delete(payer.client()))
                .isInstanceOfSatisfying(BillingException.class,
                        e -> assertThat(e.category()).isEqualTo(BillingException.Category.CONFLICT));
        assertThat(core.invoices().get(paid.invoiceId())).isPresent();
    }
}
