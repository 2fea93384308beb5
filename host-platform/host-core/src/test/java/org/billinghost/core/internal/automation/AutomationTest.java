package org.billinghost.core.internal.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.billinghost.api.billing.AutomationRun;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.billing.ServiceUpdate;
import org.billinghost.api.billing.SubscriptionChange;
import org.billinghost.api.platform.ActivityEntry;
import org.billinghost.api.platform.BillingCycle;
import org.billinghost.api.platform.HookTopics;
import org.billinghost.core.testkit.AllDatabases;
import org.billinghost.core.testkit.CoreAssembly;

/** The daily automation over months of subscriptions, on every database, with the test clock. */
class AutomationTest {

    @org.junit.jupiter.api.Test
    void eachRunIsTimed() {
        try (CoreAssembly core = CoreAssembly.h2()) {
            core.automation().runNow();

            assertThat(core.metrics().registry().find(AutomationService.METRIC).tag("outcome", "finished").timer()
                    .count()).isEqualTo(1);
        }
    }

    @AllDatabases.Test
    void aMonthlySubscriptionPaidEachMonthRenewsTwelveTimesAndStaysActive(CoreAssembly core) {
        Subscriber customer = Subscriber.of(core);
        long serviceId = customer.activeService(LocalDate.of(2028, 1, 31), BillingCycle.MONTHLY);

        for (LocalDate day = LocalDate.of(2028, 2, 1); !day.isAfter(LocalDate.of(2029, 1, 31)); day = day.plusDays(1)) {
            customer.runOn(day);
            customer.payAll();
            customer.core.runDueJobs();
        }

        assertThat(customer.renewals(serviceId)).containsExactly(LocalDate.of(2028, 2, 29), LocalDate.of(2028, 3, 31),
                LocalDate.of(2028, 4, 30), LocalDate.of(2028, 5, 31), LocalDate.of(2028, 6, 30), LocalDate.of(2028, 7, 31),
                LocalDate.of(2028, 8, 31), LocalDate.of(2028, 9, 30), LocalDate.of(2028, 10, 31),
                LocalDate.of(2028, 11, 30), LocalDate.of(2028, 12, 31), LocalDate.of(2029, 1, 31));
        assertThat(customer.service(serviceId).subscription().nextDueDate()).isEqualTo(LocalDate.of(2029, 2, 28));
        assertThat(customer.service(serviceId).status()).isEqualTo(ServiceStatus.ACTIVE);
    }

    @AllDatabases.Test
    void anAnnualSubscriptionIsInvoicedSevenDaysAheadAndPaymentMovesItByAYear(CoreAssembly core) {
        Subscriber customer = Subscriber.of(core);
        long serviceId = customer.activeService(LocalDate.of(2031, 3, 15), BillingCycle.ANNUALLY);

        customer.runOn(LocalDate.of(2032, 3, 7));
        assertThat(customer.renewals(serviceId)).isEmpty();

        customer.runOn(LocalDate.of(2032, 3, 8));
        customer.payAll();

        assertThat(customer.unpaid()).isEmpty();
        assertThat(customer.renewals(serviceId)).containsExactly(LocalDate.of(2032, 3, 15));
        assertThat(customer.service(serviceId).subscription().nextDueDate()).isEqualTo(LocalDate.of(2033, 3, 15));
    }

    @AllDatabases.Test
    void anUnpaidServiceIsSuspendedAfterThreeDaysAndTerminatedAfterThirty(CoreAssembly core) {
        Subscriber customer = Subscriber.of(core);
        long serviceId = customer.activeService(LocalDate.of(2034, 6, 1), BillingCycle.MONTHLY);

        customer.runOn(LocalDate.of(2034, 7, 3));
        assertThat(customer.service(serviceId).status()).isEqualTo(ServiceStatus.ACTIVE);

        customer.runOn(LocalDate.of(2034, 7, 4));
        assertThat(customer.service(serviceId).status()).isEqualTo(ServiceStatus.SUSPENDED);
        assertThat(customer.service(serviceId).subscription().suspendReason()).isEqualTo("Overdue on Payment");

        customer.runOn(LocalDate.of(2034, 7, 30));
        assertThat(customer.service(serviceId).status()).isEqualTo(ServiceStatus.SUSPENDED);

        customer.runOn(LocalDate.of(2034, 7, 31));
        assertThat(customer.service(serviceId).status()).isEqualTo(ServiceStatus.TERMINATED);
        assertThat(activity(core, serviceId)).containsExactly(
                "Cron Job: Terminating Service - Service ID: " + serviceId,
                "Cron Job: Suspending Service - Service ID: " + serviceId);
        assertThat(core.hooks().events(HookTopics.AUTOMATION_SUSPEND)).extracting(e -> e.properties().get(HookTopics.SERVICE_ID))
                .containsExactly(serviceId);
        assertThat(core.hooks().events(HookTopics.AUTOMATION_TERMINATE)).extracting(e -> e.properties().get(HookTopics.SERVICE_ID))
                .containsExactly(serviceId);
    }

    @AllDatabases.Test
    void aServiceWhoseDueDateAnAdminMovedBackFortyDaysIsBilledForBothPeriodsSuspendedAndTerminatedInOneRun(
            CoreAssembly core) {
        Subscriber customer = Subscriber.of(core);
        long serviceId = customer.activeService(LocalDate.of(2044, 3, 10), BillingCycle.MONTHLY);
        core.services().update(serviceId, new ServiceUpdate(null, null, null, null, new SubscriptionChange(null,
                LocalDate.of(2044, 2, 1), null, null, null, null)));

        customer.runOn(LocalDate.of(2044, 3, 12));

        assertThat(customer.renewals(serviceId)).containsExactly(LocalDate.of(2044, 2, 1), LocalDate.of(2044, 3, 1));
        assertThat(customer.jobs(serviceId, "SUSPEND")).isEqualTo(1);
        assertThat(customer.service(serviceId).status()).isEqualTo(ServiceStatus.TERMINATED);
    }

    @AllDatabases.Test
    void anOverriddenServiceIsNeitherSuspendedNorTerminatedUntilTheOverrideEnds(CoreAssembly core) {
        Subscriber customer = Subscriber.of(core);
        long serviceId = customer.activeService(LocalDate.of(2036, 6, 1), BillingCycle.MONTHLY);
        core.services().update(serviceId, new ServiceUpdate(null, null, null, null, new SubscriptionChange(null, null,
                null, null, true, LocalDate.of(2036, 7, 10))));

        customer.runOn(LocalDate.of(2036, 7, 10));
        assertThat(customer.service(serviceId).status()).isEqualTo(ServiceStatus.ACTIVE);

        customer.runOn(LocalDate.of(2036, 7, 11));
        assertThat(customer.service(serviceId).status()).isEqualTo(ServiceStatus.SUSPENDED);
    }

    @AllDatabases.Test
    void aRunCutShortIsFinishedByTheNextOneWithoutDoingAnythingTwice(CoreAssembly core) {
        Subscriber customer = Subscriber.of(core);
        long serviceId = customer.activeService(LocalDate.of(2038, 6, 1), BillingCycle.MONTHLY);
        core.clock().set(LocalDate.of(2038, 7, 5));
        AutomationRun first = core.automation().runNow();
        // as if its host had died in the first step: still running, lease over, cursor at the start
        core.jdbc().update("UPDATE automation_runs SET state = 'running', ended = NULL, step = 1, cursor_id = 0,"
                + " lease_owner = 'dead-host', lease_until = 0 WHERE id = ?", first.id());

        core.automation().finishAbandoned();

        assertThat(customer.renewals(serviceId)).containsExactly(LocalDate.of(2038, 7, 1));
        assertThat(customer.jobs(serviceId, "SUSPEND")).isEqualTo(1);
        assertThat(core.automation().recentRuns().stream().filter(r -> r.id() == first.id()).findFirst().orElseThrow()
                .state()).isEqualTo(AutomationRun.State.FINISHED);
    }

    @AllDatabases.Test
    void twoHostsStartingTheDaysRunAtOnceMakeOneRunAndOneInvoice(CoreAssembly core) throws Exception {
        Subscriber customer = Subscriber.of(core);
        long serviceId = customer.activeService(LocalDate.of(2040, 6, 1), BillingCycle.MONTHLY);
        core.clock().set(LocalDate.of(2040, 6, 25));
        AutomationService hostA = core.automation(AutomationSettings.defaults(), "host-a");
        AutomationService hostB = core.automation(AutomationSettings.defaults(), "host-b");

        List<Optional<AutomationRun>> runs = together(hostA::runScheduled, hostB::runScheduled);

        assertThat(runs.stream().filter(Optional::isPresent).count()).isEqualTo(1);
        assertThat(core.jdbc().queryLong("SELECT COUNT(*) FROM automation_runs WHERE scheduled_day = ?",
                LocalDate.of(2040, 6, 25))).isEqualTo(1);
        assertThat(customer.renewals(serviceId)).containsExactly(LocalDate.of(2040, 7, 1));
    }

    @AllDatabases.Test
    void twoRunsByHandAtOnceBillEachPeriodOnceOnOneInvoicePerDueDate(CoreAssembly core) throws Exception {
        Subscriber customer = Subscriber.of(core);
        long first = customer.activeService(LocalDate.of(2042, 6, 1), BillingCycle.MONTHLY);
        long second = customer.activeService(LocalDate.of(2042, 6, 1), BillingCycle.MONTHLY);
        core.clock().set(LocalDate.of(2042, 6, 25));
        AutomationService hostA = core.automation(AutomationSettings.defaults(), "host-a");
        AutomationService hostB = core.automation(AutomationSettings.defaults(), "host-b");

        together(hostA::runNow, hostB::runNow);

        assertThat(customer.renewals(first).size() + customer.renewals(second).size()).isEqualTo(2);
        assertThat(customer.unpaid()).hasSize(1);
    }

    @SafeVarargs
    private static <T> List<T> together(Callable<T>... calls) throws Exception {
        CyclicBarrier start = new CyclicBarrier(calls.length);
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> activity(CoreAssembly core, long serviceId) {
        return core.activityLog().search("Cron Job:", 0, 0, 50).items().stream().map(ActivityEntry::message)
                .filter(m -> m.endsWith("Service ID: " + serviceId)).toList();
    }
}
