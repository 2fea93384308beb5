package org.billinghost.core.internal.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.OrderLine;
import org.billinghost.api.billing.OrderRequest;
import org.billinghost.api.billing.Orders;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.Product;
import org.billinghost.core.internal.commands.Refusal;
import org.billinghost.core.internal.commands.Shop;
import org.billinghost.core.internal.db.MigrationRunner;
import org.billinghost.core.testkit.AllDatabases;
import org.billinghost.core.testkit.CoreAssembly;
import org.billinghost.core.testkit.TestDatabase;
import org.billinghost.core.testkit.TestDatabases;

/** The unique keys behind idempotent orders and case-insensitive transaction ids, and client credit, on every database. */
class OrdersPersistenceTest {

    private static OrderRequest keyed(long clientId, Product product, String key) {
        return new OrderRequest(clientId, List.of(new OrderLine(product.id(), "", Map.of("Site URL", "https://a.example"))),
                "", false, key);
    }

    private static long orders(CoreAssembly core, long clientId) {
        return core.jdbc().queryLong("SELECT COUNT(*) FROM orders WHERE client_id = ?", clientId);
    }

    /** Runs the calls on threads of their own, all started together, and answers their outcomes in order. */
    private static <T> List<Future<T>> together(List<Callable<T>> calls) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> outcomes = new ArrayList<>();
            for (Callable<T> call : calls) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @AllDatabases.Test
    void anOrderPlacedAgainWithItsKeyAnswersTheFirstAndCreatesNothing(CoreAssembly core) {
        Shop shop = new Shop(core);
        Product product = shop.product(AutoSetup.ORDER, BigDecimal.TEN);

        Order first = core.orders().place(keyed(shop.client(), product, "checkout-1"));
        Order again = core.orders().place(keyed(shop.client(), product, "checkout-1"));

        assertThat(again).isEqualTo(first);
        assertThat(orders(core, shop.client())).isEqualTo(1);
        assertThat(core.jdbc().queryLong("SELECT COUNT(*) FROM jobs WHERE service_id = ?", first.serviceIds().get(0)))
                .isEqualTo(1);
        Order other = core.orders().place(keyed(shop.client(), product, "checkout-2"));
        assertThat(other.id()).isNotEqualTo(first.id());
        Order unkeyed = core.orders().place(keyed(shop.client(), product, ""));
        assertThat(core.orders().place(keyed(shop.client(), product, "")).id()).isNotEqualTo(unkeyed.id());

        Shop otherShop = new Shop(core);
        Order otherClients = core.orders().place(keyed(otherShop.client(), product, "checkout-1"));
        assertThat(otherClients.clientId()).isEqualTo(otherShop.client());
        assertThat(orders(core, shop.client())).isEqualTo(4);

        assertThat(Refusal.of(() -> core.orders().place(keyed(shop.client(), product, "k".repeat(65)))))
                .isEqualTo(BillingException.Category.INVALID_INPUT);
    }

    @AllDatabases.Test
    void twoCallsWithTheSameKeyAtTheSameMomentPlaceOneOrder(CoreAssembly core) throws Exception {
        Shop shop = new Shop(core);
        Product product = shop.product(AutoSetup.ORDER, BigDecimal.TEN);
        // both calls have looked for the key and found nothing before either stores its order
        CountDownLatch bothPastTheLookup = new CountDownLatch(2);
        Catalog pausing = (Catalog) Proxy.newProxyInstance(Catalog.class.getClassLoader(), new Class<?>[] {Catalog.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("product")) {
                        bothPastTheLookup.countDown();
                        bothPastTheLookup.await();
                    }
                    try {
                        return method.invoke(core.catalog(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Orders orders = core.orders(pausing, OrderSettings.defaults());
        long clientId = shop.client();

        List<Future<Order>> placed = together(List.of(() -> orders.place(keyed(clientId, product, "retry-me")),
                () -> orders.place(keyed(clientId, product, "retry-me"))));

        assertThat(placed.get(0).get()).isEqualTo(placed.get(1).get());
        assertThat(orders(core, clientId)).isEqualTo(1);
        assertThat(core.jdbc().queryLong("SELECT COUNT(*) FROM services WHERE client_id = ?", clientId)).isEqualTo(1);
        assertThat(core.jdbc().queryLong("SELECT COUNT(*) FROM invoices WHERE client_id = ?", clientId)).isEqualTo(1);
    }

    @AllDatabases.Test
    void twoPaymentsAtOnceWithIdsDifferingInCaseCountOnce(CoreAssembly core) throws Exception {
        Shop shop = new Shop(core);
        Product product = shop.product(AutoSetup.MANUAL, BigDecimal.TEN);
        long first = shop.order(product, "https://a.example").invoiceId();
        long second = shop.order(product, "https://b.example").invoiceId();
        String id = "TX-" + shop.client();

        List<Future<Object>> payments = together(List.of(
                () -> core.invoices().addPayment(first, BigDecimal.ONE, id, "paypal"),
                () -> core.invoices().addPayment(second, BigDecimal.ONE, id.toLowerCase(), "paypal")));

        List<String> outcomes = new ArrayList<>();
        for (Future<Object> payment : payments) {
            try {
                payment.get();
                outcomes.add("paid");
            } catch (ExecutionException e) {
                outcomes.add(((BillingException) e.getCause()).category().name());
            }
        }
        assertThat(outcomes).containsExactlyInAnyOrder("paid", "CONFLICT");
        assertThat(core.jdbc().queryLong("SELECT COUNT(*) FROM payments WHERE transaction_key = ?", id.toLowerCase()))
                .isEqualTo(1);
        BigDecimal paid = core.jdbc().queryOne("SELECT SUM(paid) FROM invoices WHERE id IN (?, ?)",
                rs -> rs.getBigDecimal(1), first, second).orElseThrow();
        assertThat(paid).isEqualByComparingTo("1");
    }

    @AllDatabases.Test
    void theSurplusOfAPaymentIsAddedToTheClientsCredit(CoreAssembly core) {
        Shop shop = new Shop(core);
        Product product = shop.product(AutoSetup.MANUAL, new BigDecimal("25000.00"));
        long invoiceId = shop.order(product, "https://a.example").invoiceId();
        long next = shop.order(product, "https://b.example").invoiceId();

        core.invoices().addPayment(invoiceId, new BigDecimal("50000.00"), "over-" + shop.client(), "paypal");
        core.invoices().addPayment(next, new BigDecimal("25000.01"), "over2-" + shop.client(), "paypal");

        assertThat(core.clients().get(shop.client()).orElseThrow().credit()).isEqualByComparingTo("25000.01");
        assertThat(core.jdbc().query("SELECT amount FROM client_credits WHERE client_id = ? ORDER BY id",
                rs -> rs.getBigDecimal(1).toPlainString(), shop.client())).containsExactly("25000.00", "0.01");
    }

    @AllDatabases.Test
    void paymentsRecordedBeforeWithIdsDifferingInCaseKeepTheirOwnKeys(TestDatabase kind) {
        try (TestDatabase db = TestDatabases.create(kind.dialect())) {
            CoreAssembly core = CoreAssembly.on(db.database());
            Shop shop = new Shop(core);
            long invoiceId = shop.order(shop.product(AutoSetup.MANUAL, BigDecimal.TEN), "https://a.example").invoiceId();
            // the payments table as it was before V132, with three ids equal but for their case
            db.jdbc().update("ALTER TABLE payments DROP COLUMN transaction_key");
            db.jdbc().update("DELETE FROM schema_version WHERE version = ?", 132);
            for (String id : List.of("ABC", "abc", "Abc", "other")) {
                db.jdbc().update("INSERT INTO payments (invoice_id, amount, transaction_id, gateway, created)"
                        + " VALUES (?, ?, ?, ?, ?)", invoiceId, BigDecimal.ONE, id, "paypal", 1L);
            }

            assertThat(new MigrationRunner(db.database()).migrate()).containsExactly(132);

            assertThat(db.jdbc().query("SELECT id, transaction_id, transaction_key FROM payments ORDER BY id",
                    rs -> rs.getString(2) + "=" + rs.getString(3).replace("#" + rs.getLong(1), "#id")))
                    .containsExactly("ABC=abc", "abc=abc#id", "Abc=abc#id", "other=other");
            assertThat(Refusal.of(() -> core.invoices().addPayment(invoiceId, BigDecimal.ONE, "aBC", "paypal")))
                    .isEqualTo(BillingException.Category.CONFLICT);
            assertThat(core.invoices().addPayment(invoiceId, BigDecimal.ONE, "new", "paypal").paid())
                    .as("the payments inserted above by hand did not count").isEqualByComparingTo("1");
        }
    }
}
