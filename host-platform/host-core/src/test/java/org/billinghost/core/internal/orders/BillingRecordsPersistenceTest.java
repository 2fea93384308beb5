package org.billinghost.core.internal.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.Invoice;
import org.billinghost.api.billing.Order;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.ModuleDatabase.Dialect;
import org.billinghost.api.platform.Product;
import org.billinghost.core.internal.commands.Refusal;
import org.billinghost.core.internal.commands.Shop;
import org.billinghost.core.internal.db.MigrationRunner;
import org.billinghost.core.testkit.AllDatabases;
import org.billinghost.core.testkit.CoreAssembly;
import org.billinghost.core.testkit.TestDatabase;
import org.billinghost.core.testkit.TestDatabases;
import org.junit.jupiter.api.Assumptions;

/** Sequential invoice numbers under concurrency, order numbers (also V210's backfill) and credit, on every database. */
class BillingRecordsPersistenceTest {

    private static final int PAYERS = 8;

    private static long counter(CoreAssembly core) {
        return core.jdbc().queryLong("SELECT last_value FROM billing_counters WHERE name = 'invoice_number'");
    }

    @AllDatabases.Test
    void invoicesPaidAtTheSameMomentGetConsecutiveNumbersWithoutGapsOrRepeats(CoreAssembly core) throws Exception {
        Shop shop = new Shop(core);
        Product product = shop.product(AutoSetup.MANUAL, BigDecimal.TEN);
        List<Long> invoices = new ArrayList<>();
        for (int i = 0; i < PAYERS; i++) {
            invoices.add(shop.order(product, "https://a.example").invoiceId());
        }
        long before = counter(core);
        ExecutorService pool = Executors.newFixedThreadPool(PAYERS);
        List<Future<Invoice>> paid = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            for (long invoiceId : invoices) {
                paid.add(pool.submit(() -> {
                    start.await();
                    return core.invoices().addPayment(invoiceId, BigDecimal.TEN, "tx-num-" + invoiceId, "paypal");
                }));
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }

        List<String> numbers = new ArrayList<>();
        for (Future<Invoice> invoice : paid) {
            numbers.add(invoice.get().number());
        }
        List<String> expected = new ArrayList<>();
        for (long n = before + 1; n <= before + PAYERS; n++) {
            expected.add(String.valueOf(n));
        }
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(counter(core)).isEqualTo(before + PAYERS);
    }

    @AllDatabases.Test
    void aPaymentRolledBackAfterTakingItsNumberGivesItBack(CoreAssembly core) {
        Shop shop = new Shop(core);
        long invoiceId = shop.order(shop.product(AutoSetup.MANUAL, BigDecimal.TEN), "https://a.example").invoiceId();
        InvoiceService invoices = core.invoices(OrderSettings.defaults());
        long before = counter(core);

        assertThatThrownBy(() -> core.jdbc().inTransaction(() -> {
            invoices.markPaid(invoiceId);
            throw new IllegalStateException("the payment fails after its number was taken");
        })).hasMessage("the payment fails after its number was taken");

        assertThat(counter(core)).isEqualTo(before);
        assertThat(core.invoices().get(invoiceId).orElseThrow().number()).isEmpty();
        assertThat(core.invoices().addPayment(invoiceId, BigDecimal.TEN, "tx-back-" + invoiceId, "paypal").number())
                .isEqualTo(String.valueOf(before + 1));
    }

    /**
     * Every paying transaction locks the counter row, so it takes its number as its last work: a payment whose
     * transaction is still busy with other work holds no lock another payment waits for (on PostgreSQL and MariaDB;
     * H2 runs one writing transaction at a time anyway). Before, the second payment waited for the first's commit.
     */
    @AllDatabases.Test
    void aPaymentStillAtWorkDoesNotHoldTheNumberOthersWaitFor(CoreAssembly core) throws Exception {
        Assumptions.assumeTrue(core.jdbc().dialect() != Dialect.H2, "H2 runs one writing transaction at a time");
        Shop shop = new Shop(core);
        Product product = shop.product(AutoSetup.MANUAL, BigDecimal.TEN);
        long slow = shop.order(product, "https://a.example").invoiceId();
        long quick = shop.order(product, "https://b.example").invoiceId();
        long before = counter(core);
        CountDownLatch paidInside = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> slowPayment = pool.submit(() -> core.jdbc().inTransaction(() -> {
                core.invoices().addPayment(slow, BigDecimal.TEN, "tx-slow-" + slow, "paypal");
                paidInside.countDown();
                // the rest of a longer transaction (an order's services, its mail, its log lines)
                try {
                    assertThat(finish.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            }));
            assertThat(paidInside.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(core.invoices().addPayment(quick, BigDecimal.TEN, "tx-quick-" + quick, "paypal").number())
                    .isEqualTo(String.valueOf(before + 1));
            finish.countDown();
            slowPayment.get(30, TimeUnit.SECONDS);
        } finally {
            finish.countDown();
            pool.shutdownNow();
        }
        assertThat(core.invoices().get(slow).orElseThrow().number()).isEqualTo(String.valueOf(before + 2));
    }

    @AllDatabases.Test
    void everyOrderHasItsOwnTenDigitNumber(CoreAssembly core) {
        Shop shop = new Shop(core);
        Product product = shop.product(AutoSetup.MANUAL, BigDecimal.TEN);
        Order first = shop.order(product, "https://a.example");
        Order second = shop.order(product, "https://b.example");

        assertThat(List.of(first.number(), second.number())).allSatisfy(n -> assertThat(String.valueOf(n)).hasSize(10))
                .doesNotHaveDuplicates();
        assertThat(core.orders().get(first.id()).orElseThrow().number()).isEqualTo(first.number());
    }

    @AllDatabases.Test
    void ordersOfBeforeV210GetTheirOwnNumbersFromIt(TestDatabase kind) {
        try (TestDatabase db = TestDatabases.create(kind.dialect())) {
            // as if the database predated V210: what it added is gone
            db.jdbc().update(kind.dialect() == Dialect.MARIADB ? "ALTER TABLE orders DROP INDEX uq_orders_order_num"
                    : "ALTER TABLE orders DROP CONSTRAINT uq_orders_order_num");
            db.jdbc().update("ALTER TABLE orders DROP COLUMN order_num");
            db.jdbc().update("ALTER TABLE invoices DROP COLUMN invoice_num");
            db.jdbc().update("ALTER TABLE invoices DROP COLUMN credit");
            db.jdbc().update("DROP TABLE billing_counters");
            db.jdbc().update("DELETE FROM schema_version WHERE version = ?", 210);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(db.jdbc().insert("INSERT INTO orders (client_id, status, total, payment_method, created, updated)"
                        + " VALUES (1, 'Pending', 1.00, '', 0, 0)"));
            }

            assertThat(new MigrationRunner(db.database()).migrate()).containsExactly(210);

            List<Long> expected = ids.stream().map(id -> 1_000_000_000L + Math.floorMod(id * 982_451_653L,
                    9_000_000_000L)).toList();
            assertThat(db.jdbc().query("SELECT order_num FROM orders ORDER BY id", rs -> rs.getLong(1)))
                    .containsExactlyElementsOf(expected);
        }
    }

    @AllDatabases.Test
    void creditIsAddedAppliedAndNeverTakenBelowZero(CoreAssembly core) {
        Shop shop = new Shop(core);
        long invoiceId = shop.order(shop.product(AutoSetup.MANUAL, new BigDecimal("12.50")), "https://a.example")
                .invoiceId();

        assertThat(core.invoices().changeCredit(shop.client(), new BigDecimal("20.00"), "Goodwill"))
                .isEqualByComparingTo("20.00");
        Invoice paid = core.invoices().applyCredit(invoiceId, null);

        assertThat(paid.credit()).isEqualByComparingTo("12.50");
        assertThat(paid.balance()).isEqualByComparingTo("0");
        assertThat(paid.number()).isNotEmpty();
        assertThat(core.clients().get(shop.client()).orElseThrow().credit()).isEqualByComparingTo("7.50");
        assertThat(Refusal.of(() -> core.invoices().changeCredit(shop.client(), new BigDecimal("-7.51"), "Too much")))
                .isEqualTo(BillingException.Category.INVALID_INPUT);
        assertThat(core.invoices().credits(shop.client(), 0, 10).items())
                .extracting(e -> e.amount().toPlainString() + " " + e.description() + " " + e.invoiceId())
                .containsExactly("20.00 Goodwill 0", "-12.50 Credit Applied to Invoice #" + invoiceId + " " + invoiceId);
    }
}
