package org.billinghost.core.internal.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.module.CommandResult;
import org.billinghost.api.module.ModuleCommand;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.ModuleDatabase;
import org.billinghost.api.platform.Product;
import org.billinghost.core.testkit.AllDatabases;
import org.billinghost.core.testkit.CoreAssembly;
import org.billinghost.core.testkit.TestDatabase;

/**
 * Claiming jobs with leases on H2, PostgreSQL and MariaDB: several hosts on one database, crashes, start and stop,
 * jobs in flight beyond the claim workers.
 */
class JobClaimingTest {
    private static final String QUOTA_MODULE = "quotamod";
    private static final JobSettings FAST = new JobSettings(4, 20, 60_000, 8, 10, 50, 10_000, 4, Map.of());

    @AllDatabases.Test
    void twoHostsOnOneDatabaseNeverRunTheSameJobTwice(TestDatabase db) throws Exception {
        FakeServerModule module = new FakeServerModule().always(p -> {
            pause(3);
            return CommandResult.success();
        });
        try (CoreAssembly hostA = CoreAssembly.on(db.database()); CoreAssembly hostB = CoreAssembly.on(db.database())) {
            hostA.addServerModule(Shop.MODULE, module);
            hostB.addServerModule(Shop.MODULE, module);
            Shop shopA = new Shop(hostA);
            Shop shopB = new Shop(hostB);
            Product product = shopA.product(AutoSetup.ORDER, BigDecimal.ONE);
            hostA.startWorkers(FAST, "host-a-" + db);
            hostB.startWorkers(FAST, "host-b-" + db);

            List<Long> serviceIds = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                serviceIds.add((i % 2 == 0 ? shopA : shopB).service(product));
            }

            waitFor(() -> serviceIds.stream().allMatch(id -> status(hostA, id) == ServiceStatus.ACTIVE), 60);
            for (long id : serviceIds) {
                assertThat(module.calls(ModuleCommand.CREATE, id)).as("Create calls of service %d", id).isEqualTo(1);
            }
            assertThat(module.calls(ModuleCommand.CREATE)).isEqualTo(60);
        }
    }

    @AllDatabases.Test
    void aJobWhoseLeaseExpiredIsTakenOverEvenWhileItsServiceIsProvisioning(TestDatabase db) {
        FakeServerModule module = new FakeServerModule();
        try (CoreAssembly core = CoreAssembly.on(db.database())) {
            core.addServerModule(Shop.MODULE, module);
            Shop shop = new Shop(core);
            long serviceId = shop.service(shop.product(AutoSetup.ORDER, BigDecimal.ONE));
            // A host claims the job, moves the service to Provisioning and dies.
            Job claimed = core.jobQueue().claim("dead-host", 60_000).orElseThrow();
            assertThat(claimed.serviceId()).isEqualTo(serviceId);
            core.jdbc().update("UPDATE services SET status = 'Provisioning' WHERE id = ?", serviceId);

            assertThat(core.runDueJobs()).as("the lease still holds").isZero();
            core.jdbc().update("UPDATE jobs SET lease_until = ? WHERE id = ?", System.currentTimeMillis() - 1, claimed.id());

            Optional<Job> taken = core.jobQueue().claim("live-host", 60_000);
            assertThat(taken).hasValueSatisfying(job -> {
                assertThat(job.id()).isEqualTo(claimed.id());
                assertThat(job.takenOver()).isTrue();
                assertThat(job.attempts()).isEqualTo(2);
            });
            new JobRunner(core.jobQueue(), (ModuleCommandService) core.moduleCommands(), CoreAssembly.TEST_JOB_SETTINGS)
                    .run(taken.get());
            assertThat(module.calls(ModuleCommand.CREATE, serviceId)).isEqualTo(1);
            assertThat(status(core, serviceId)).isEqualTo(ServiceStatus.ACTIVE);
            assertThat(core.jobQueue().row(claimed.id()).orElseThrow().state()).isEqualTo("done");
            assertThat(core.jobQueue().succeed(claimed, false)).as("the dead host's late answer is ignored").isFalse();
        }
    }

    @AllDatabases.Test
    void claimsTakeALeaseExpiredJobFirstThenDueJobsOldestFirstAndNeverOneNotYetDue(TestDatabase db) {
        try (CoreAssembly core = CoreAssembly.on(db.database())) {
            core.addServerModule(Shop.MODULE, new FakeServerModule());
            Shop shop = new Shop(core);
            Product product = shop.product(AutoSetup.ORDER, BigDecimal.ONE);
            long now = System.currentTimeMillis();
            long due = jobOf(core, shop.service(product));
            long dueEarlier = jobOf(core, shop.service(product));
            long notYetDue = jobOf(core, shop.service(product));
            long expired = jobOf(core, shop.service(product));
            core.jdbc().update("UPDATE jobs SET next_attempt_at = ? WHERE id = ?", now - 1_000, due);
            core.jdbc().update("UPDATE jobs SET next_attempt_at = ? WHERE id = ?", now - 2_000, dueEarlier);
            core.jdbc().update("UPDATE jobs SET next_attempt_at = ? WHERE id = ?", now + 3_600_000, notYetDue);
            core.jdbc().update("UPDATE jobs SET state = 'running', lease_owner = 'dead-host', lease_until = ?,"
                    + " next_attempt_at = ? WHERE id = ?", now - 1, now - 500, expired);

            List<Long> claimed = new ArrayList<>();
            for (Optional<Job> job = core.jobQueue().claim("host", 60_000); job.isPresent();
                    job = core.jobQueue().claim("host", 60_000)) {
                claimed.add(job.get().id());
            }

            if (db.dialect() == ModuleDatabase.Dialect.H2) {
                // no SKIP LOCKED: a claim takes one of the first candidates at random, so only the set is fixed
                assertThat(claimed).containsExactlyInAnyOrder(expired, dueEarlier, due);
            } else {
                assertThat(claimed).containsExactly(expired, dueEarlier, due);
            }
        }
    }

    private static long jobOf(CoreAssembly core, long serviceId) {
        return core.jdbc().queryLong("SELECT id FROM jobs WHERE service_id = ?", serviceId);
    }

    @AllDatabases.Test
    void onlyTheLeasesOfJobsTheHostStillHoldsAreRenewed(TestDatabase db) {
        try (CoreAssembly core = CoreAssembly.on(db.database())) {
            core.addServerModule(Shop.MODULE, new FakeServerModule());
            Shop shop = new Shop(core);
            shop.service(shop.product(AutoSetup.ORDER, BigDecimal.ONE));
            shop.service(shop.product(AutoSetup.ORDER, BigDecimal.ONE));
            Job held = core.jobQueue().claim("host-a", 60_000).orElseThrow();
            // its outcome could not be stored: the host no longer holds it, and its row still says running
            Job lost = core.jobQueue().claim("host-a", 60_000).orElseThrow();
            long before = leaseUntil(core, lost.id());

            assertThat(core.jobQueue().renewLeases("host-a", 600_000, List.of(held.id()))).isEqualTo(1);
            assertThat(leaseUntil(core, held.id())).isGreaterThan(before + 500_000);
            assertThat(leaseUntil(core, lost.id())).as("left to run out, so another attempt takes it over")
                    .isEqualTo(before);
            assertThat(core.jobQueue().renewLeases("host-a", 600_000, List.of())).isZero();
            // the database is shared with the next tests: leave no job to claim
            assertThat(core.jobQueue().succeed(held, false)).isTrue();
            assertThat(core.jobQueue().succeed(lost, false)).isTrue();
        }
    }

    private static long leaseUntil(CoreAssembly core, long jobId) {
        return core.jdbc().queryLong("SELECT lease_until FROM jobs WHERE id = ?", jobId);
    }

    @AllDatabases.Test
    void aTakeOverThatFailsBeforeTheModuleIsRegisteredIsProvisionedByItsRetry(TestDatabase db) {
        try (CoreAssembly core = CoreAssembly.on(db.database())) {
            Shop shop = new Shop(core);
            long serviceId = shop.service(shop.product(AutoSetup.ORDER, BigDecimal.ONE));
            Job claimed = core.jobQueue().claim("dead-host", 60_000).orElseThrow();
            core.jdbc().update("UPDATE services SET status = 'Provisioning' WHERE id = ?", serviceId);
            core.jdbc().update("UPDATE jobs SET lease_until = ? WHERE id = ?", System.currentTimeMillis() - 1, claimed.id());
            JobRunner runner = new JobRunner(core.jobQueue(), (ModuleCommandService) core.moduleCommands(),
                    CoreAssembly.TEST_JOB_SETTINGS);

            // the restarted host takes the job over before its module has registered
            runner.run(core.jobQueue().claim("restarted-host", 60_000).orElseThrow());
            FakeServerModule module = new FakeServerModule();
            core.addServerModule(Shop.MODULE, module);
            core.makeJobsDue().runDueJobs();

            assertThat(module.calls(ModuleCommand.CREATE, serviceId)).isEqualTo(1);
            assertThat(status(core, serviceId)).isEqualTo(ServiceStatus.ACTIVE);
        }
    }

    @AllDatabases.Test
    void startUpResumesPendingJobsAndStopWaitsForRunningOnesThenReleasesTheRest(TestDatabase db) throws Exception {
        CountDownLatch inModule = new CountDownLatch(1);
        FakeServerModule module = new FakeServerModule().always(p -> {
            inModule.countDown();
            pause(300);
            return CommandResult.success();
        });
        try (CoreAssembly core = CoreAssembly.on(db.database())) {
            core.addServerModule(Shop.MODULE, module);
            Shop shop = new Shop(core);
            Product product = shop.product(AutoSetup.ORDER, BigDecimal.ONE);
            List<Long> serviceIds = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                serviceIds.add(shop.service(product));
            }
            assertThat(module.calls(ModuleCommand.CREATE)).isZero();

            JobWorkers workers = core.startWorkers(new JobSettings(1, 20, 60_000, 8, 10, 50, 5_000, 1, Map.of()), "stopping-" + db);
            assertThat(inModule.await(20, TimeUnit.SECONDS)).as("start-up picks up the stored jobs").isTrue();
            workers.stop();

            int created = module.calls(ModuleCommand.CREATE);
            assertThat(created).as("the running job finished, no new one was claimed").isBetween(1, 3);
            long done = serviceIds.stream().filter(id -> status(core, id) == ServiceStatus.ACTIVE).count();
            assertThat(done).isEqualTo(created);
            List<String> states = serviceIds.stream()
                    .map(id -> core.jobQueue().ofService(id).get(0).state()).toList();
            assertThat(states).doesNotContain("running").filteredOn("pending"::equals).hasSize(4 - created);

            core.startWorkers(FAST, "restarted-" + db);
            waitFor(() -> serviceIds.stream().allMatch(id -> status(core, id) == ServiceStatus.ACTIVE), 30);
            assertThat(module.calls(ModuleCommand.CREATE)).isEqualTo(4);
        }
    }

    @AllDatabases.Test
    void aLongRunningJobKeepsItsLeaseSoNoOtherHostTakesItOver(TestDatabase db) throws Exception {
        JobSettings shortLease = new JobSettings(1, 20, 1_000, 8, 10, 50, 10_000, 1, Map.of());
        FakeServerModule module = new FakeServerModule().always(p -> {
            pause(2_500);
            return CommandResult.success();
        });
        try (CoreAssembly hostA = CoreAssembly.on(db.database()); CoreAssembly hostB = CoreAssembly.on(db.database())) {
            hostA.addServerModule(Shop.MODULE, module);
            hostB.addServerModule(Shop.MODULE, module);
            Shop shop = new Shop(hostA);
            long serviceId = shop.service(shop.product(AutoSetup.ORDER, BigDecimal.ONE));
            hostA.startWorkers(shortLease, "slow-a-" + db);
            waitFor(() -> module.calls(ModuleCommand.CREATE, serviceId) == 1, 20);
            hostB.startWorkers(shortLease, "eager-b-" + db);

            waitFor(() -> status(hostA, serviceId) == ServiceStatus.ACTIVE, 20);
            assertThat(module.calls(ModuleCommand.CREATE, serviceId)).as("the lease was renewed while the module ran")
                    .isEqualTo(1);
        }
    }

    /**
     * One claim worker runs 8 jobs at once (maxInFlight), at most 3 of the module limited to 3: the count of calls
     * in the modules at once is asserted, not a time.
     */
    @AllDatabases.Test
    void oneClaimWorkerRunsJobsAtOnceUpToTheLimitAndAModuleNeverBeyondItsOwn(TestDatabase db) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Concurrency all = new Concurrency(null, gate);
        Concurrency quota = new Concurrency(all, gate);
        Concurrency other = new Concurrency(all, gate);
        FakeServerModule quotaModule = new FakeServerModule().always(p -> quota.call());
        FakeServerModule otherModule = new FakeServerModule().always(p -> other.call());
        JobSettings settings = new JobSettings(1, 20, 60_000, 8, 10, 50, 10_000, 8, Map.of(QUOTA_MODULE, 3));
        try (CoreAssembly core = CoreAssembly.on(db.database())) {
            core.addServerModule(QUOTA_MODULE, quotaModule);
            core.addServerModule(Shop.MODULE, otherModule);
            Shop shop = new Shop(core);
            Product quotaProduct = shop.product(QUOTA_MODULE, AutoSetup.ORDER, BigDecimal.ONE);
            Product otherProduct = shop.product(Shop.MODULE, AutoSetup.ORDER, BigDecimal.ONE);
            List<Long> serviceIds = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                serviceIds.add(shop.service(quotaProduct));
                serviceIds.add(shop.service(otherProduct));
            }

            core.startWorkers(settings, "in-flight-" + db);
            // the quota module's jobs beyond its 3 are left in the queue, so the other module's fill the other 5
            waitFor(() -> quota.now.get() == 3 && other.now.get() == 5, 30);
            gate.countDown();
            String done = "SELECT COUNT(*) FROM jobs WHERE state = 'done' AND attempts = 1 AND service_id IN ("
                    + String.join(",", serviceIds.stream().map(String::valueOf).toList()) + ")";
            waitFor(() -> core.jdbc().queryLong(done) == 20, 60);

            assertThat(all.max.get()).as("jobs in module calls at once").isEqualTo(8);
            assertThat(quota.max.get()).as("jobs of the quota module at once").isEqualTo(3);
            for (long id : serviceIds) {
                assertThat(quotaModule.calls(ModuleCommand.CREATE, id) + otherModule.calls(ModuleCommand.CREATE, id))
                        .as("Create calls of service %d", id).isEqualTo(1);
            }
            assertThat(serviceIds).allMatch(id -> status(core, id) == ServiceStatus.ACTIVE);
        }
    }

    /** Counts the calls in a module at once; each waits at the gate. */
    private static final class Concurrency {
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger max = new AtomicInteger();
        private final Concurrency total;
        private final CountDownLatch gate;

        Concurrency(Concurrency total, CountDownLatch gate) {
            this.total = total;
            this.gate = gate;
        }

        CommandResult call() {
            enter();
            try {
                return gate.await(60, TimeUnit.SECONDS) ? CommandResult.success()
                        : CommandResult.error("the test never opened the gate");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CommandResult.error("interrupted");
            } finally {
                leave();
            }
        }

        private void enter() {
            max.accumulateAndGet(now.incrementAndGet(), Math::max);
            if (total != null) {
                total.enter();
            }
        }

        private void leave() {
            now.decrementAndGet();
            if (total != null) {
                total.leave();
            }
        }
    }

    private static ServiceStatus status(CoreAssembly core, long serviceId) {
        return core.services().get(serviceId).orElseThrow().status();
    }

    private static void waitFor(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within %d s", seconds).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
