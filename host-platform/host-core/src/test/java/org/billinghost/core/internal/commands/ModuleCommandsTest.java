package org.billinghost.core.internal.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.QueueItem;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.module.AdminIdentity;
import org.billinghost.api.module.CommandParams;
import org.billinghost.api.module.CommandResult;
import org.billinghost.api.module.ModuleCommand;
import org.billinghost.api.platform.ActivityEntry;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.HookTopics;
import org.billinghost.api.platform.Product;
import org.billinghost.core.testkit.CoreAssembly;
import org.junit.jupiter.api.Test;

class ModuleCommandsTest extends FlowTestSupport {
    private static final AdminIdentity ADMIN = new AdminIdentity(1, "admin", "Full Administrator");

    private List<String> activity() {
        return core.activityLog().search("", 0, 0, 200).items().stream().map(ActivityEntry::message).toList();
    }

    private CommandResult run(long serviceId, ModuleCommand command) {
        return core.moduleCommands().run(serviceId, command, "", ADMIN);
    }

    @Test
    void failedAutomaticCreateLandsInTheModuleQueueWithLogLineAndFailedHook() {
        module.thenAnswer(CommandResult.error("Bad credentials"));
        long serviceId = shop.service(shop.product(AutoSetup.ORDER, BigDecimal.TEN));

        core.runDueJobs();

        List<QueueItem> queue = core.moduleQueue().list(false, 0, 10).items();
        assertThat(queue).singleElement().satisfies(item -> {
            assertThat(item.serviceId()).isEqualTo(serviceId);
            assertThat(item.action()).isEqualTo("Create");
            assertThat(item.module()).isEqualTo(Shop.MODULE);
            assertThat(item.lastError()).isEqualTo("Bad credentials");
            assertThat(item.attempts()).isEqualTo(1);
            assertThat(item.state()).isEqualTo("failed");
            assertThat(item.lastAttempt()).isNotNull();
        });
        assertThat(activity()).contains("Module Create Failed - Service ID: " + serviceId + " - Bad credentials");
        assertThat(core.hooks().events(HookTopics.afterFailed(ModuleCommand.CREATE))).singleElement()
                .satisfies(e -> assertThat(e.properties()).containsEntry(HookTopics.ERROR, "Bad credentials")
                        .containsEntry(HookTopics.SERVICE_ID, serviceId));
        assertThat(status(serviceId)).isEqualTo(ServiceStatus.PENDING);

        core.makeJobsDue();
        core.runDueJobs();
        assertThat(module.calls(ModuleCommand.CREATE)).as("a permanent failure is not retried").isEqualTo(1);
    }

    @Test
    void transientFailureIsRetriedWithBackOffThenSucceeds() {
        module.thenAnswer(CommandResult.transientError("503 Service Unavailable", Duration.ofSeconds(30)));
        long serviceId = shop.service(shop.product(AutoSetup.ORDER, BigDecimal.TEN));
        long before = System.currentTimeMillis();

        core.runDueJobs();
        assertThat(module.calls(ModuleCommand.CREATE)).isEqualTo(1);
        QueueItem waiting = core.moduleQueue().list(false, 0, 10).items().get(0);
        assertThat(waiting.state()).isEqualTo("pending");
        assertThat(waiting.nextAttempt().toEpochMilli()).as("Retry-After honoured").isGreaterThanOrEqualTo(before + 30_000);
        assertThat(core.runDueJobs()).as("not due yet").isZero();

        core.makeJobsDue();
        core.runDueJobs();
        assertThat(module.calls(ModuleCommand.CREATE)).isEqualTo(2);
        assertThat(status(serviceId)).isEqualTo(ServiceStatus.ACTIVE);
        assertThat(core.moduleQueue().list(false, 0, 10).items()).isEmpty();
        assertThat(core.moduleQueue().list(true, 0, 10).items()).singleElement()
                .satisfies(item -> assertThat(item.state()).isEqualTo("resolved"));
    }

    @Test
    void outcomesAreCountedPerModuleCommandAndOutcome() {
        module.thenAnswer(CommandResult.transientError("503 Service Unavailable", null));
        shop.service(shop.product(AutoSetup.ORDER, BigDecimal.TEN));
        core.runDueJobs();
        core.makeJobsDue();
        core.runDueJobs();

        assertThat(outcomes("transient")).isEqualTo(1.0);
        assertThat(outcomes("success")).isEqualTo(1.0);
        assertThat(outcomes("permanent")).isZero();
    }

    private double outcomes(String outcome) {
        var counter = core.metrics().registry().find(ModuleCommandService.METRIC)
                .tags("module", Shop.MODULE, "command", "Create", "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void transientFailuresStopAfterTheMaximumAttempts() {
        module.always(p -> CommandResult.transientError("timeout", null));
        long serviceId = shop.service(shop.product(AutoSetup.ORDER, BigDecimal.TEN));
        JobSettings settings = CoreAssembly.TEST_JOB_SETTINGS;
        for (int i = 0; i < settings.maxAttempts() + 3; i++) {
            core.makeJobsDue();
            core.runDueJobs();
        }
        assertThat(module.calls(ModuleCommand.CREATE)).isEqualTo(settings.maxAttempts());
        assertThat(core.moduleQueue().list(false, 0, 10).items()).singleElement()
                .satisfies(item -> assertThat(item.state()).isEqualTo("failed"));
        assertThat(activity()).filteredOn(line -> line.startsWith("Module Create Failed - Service ID: " + serviceId))
                .hasSize(settings.maxAttempts());
    }

    @Test
    void preHookVetoStopsTheCommandWithoutCallingTheModule() {
        long serviceId = shop.service(shop.product(AutoSetup.MANUAL, BigDecimal.TEN));
        core.hooks().on(HookTopics.pre(ModuleCommand.CREATE), properties -> {
            @SuppressWarnings("unchecked")
            List<String> veto = (List<String>) properties.get(HookTopics.VETO);
            veto.add("Fraud check pending");
        });

        CommandResult result = run(serviceId, ModuleCommand.CREATE);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).contains("Fraud check pending");
        assertThat(module.calls(ModuleCommand.CREATE)).isZero();
        assertThat(status(serviceId)).isEqualTo(ServiceStatus.PENDING);
        assertThat(core.hooks().events(HookTopics.pre(ModuleCommand.CREATE))).singleElement()
                .satisfies(e -> assertThat(e.synchronous()).isTrue());
    }

    @Test
    void statusFollowsTheCommands() {
        long serviceId = shop.service(shop.product(AutoSetup.MANUAL, BigDecimal.TEN));
        assertThat(run(serviceId, ModuleCommand.SUSPEND).message()).contains("not Active");
        assertThat(module.calls(ModuleCommand.SUSPEND)).isZero();

        assertThat(run(serviceId, ModuleCommand.CREATE).succeeded()).isTrue();
        assertThat(status(serviceId)).isEqualTo(ServiceStatus.ACTIVE);
        CommandResult again = run(serviceId, ModuleCommand.CREATE);
        assertThat(again.succeeded()).isFalse();
        assertThat(again.message()).isEqualTo("Service " + serviceId + " is already Active: Create refused");
        assertThat(module.calls(ModuleCommand.CREATE)).isEqualTo(1);

        assertThat(run(serviceId, ModuleCommand.SUSPEND).succeeded()).isTrue();
        assertThat(status(serviceId)).isEqualTo(ServiceStatus.SUSPENDED);
        assertThat(run(serviceId, ModuleCommand.UNSUSPEND).succeeded()).isTrue();
        assertThat(status(serviceId)).isEqualTo(ServiceStatus.ACTIVE);
        assertThat(run(serviceId, ModuleCommand.TERMINATE).succeeded()).isTrue();
        assertThat(status(serviceId)).isEqualTo(ServiceStatus.TERMINATED);
        assertThat(core.moduleCommands().clientArea(serviceId)).as("the module sees the status")
                .contains("<p>Service " + serviceId + ": Terminated</p>");
        assertThat(activity()).contains("Module Create Successful - Service ID: " + serviceId,
                "Module Terminate Successful - Service ID: " + serviceId);
    }

    @Test
    void aSuspendRecordsItsReasonOnlyWhenItSucceeds() {
        long serviceId = shop.service(shop.product(AutoSetup.MANUAL, BigDecimal.TEN));
        assertThat(run(serviceId, ModuleCommand.CREATE).succeeded()).isTrue();

        module.thenAnswer(CommandResult.error("Panel down"));
        assertThat(core.moduleCommands().suspend(serviceId, "Abuse", ADMIN).succeeded()).isFalse();
        assertThat(suspendReason(serviceId)).isEmpty();

        assertThat(core.moduleCommands().suspend(serviceId, " Abuse ", ADMIN).succeeded()).isTrue();
        assertThat(status(serviceId)).isEqualTo(ServiceStatus.SUSPENDED);
        assertThat(suspendReason(serviceId)).isEqualTo("Abuse");
        assertThatThrownBy(() -> core.moduleCommands().suspend(serviceId, "x".repeat(256), ADMIN))
                .isInstanceOf(BillingException.class).hasMessage("The suspension reason is longer than 255 characters");
        assertThat(module.calls(ModuleCommand.SUSPEND)).isEqualTo(2);
    }

    private String suspendReason(long serviceId) {
        return core.services().get(serviceId).orElseThrow().subscription().suspendReason();
    }

    @Test
    void aFailedCreateLeavesTheServicePendingAndAModuleThrowIsAPermanentFailure() {
        long serviceId = shop.service(shop.product(AutoSetup.ORDER, BigDecimal.TEN));
        module.thenDo(p -> {
            throw new IllegalStateException("boom");
        });
        core.runDueJobs();
        assertThat(status(serviceId)).isEqualTo(ServiceStatus.PENDING);
        assertThat(core.moduleQueue().list(false, 0, 10).items()).singleElement().satisfies(item -> {
            assertThat(item.state()).isEqualTo("failed");
            assertThat(item.lastError()).contains("IllegalStateException").contains("boom");
        });
    }

    @Test
    void fiftyConcurrentCreatesMakeExactlyOneModuleCall() throws Exception {
        long serviceId = shop.service(shop.product(AutoSetup.MANUAL, BigDecimal.TEN));
        CountDownLatch inModule = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        module.always(p -> {
            inModule.countDown();
            await(release);
            return CommandResult.success();
        });
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CommandResult>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return run(serviceId, ModuleCommand.CREATE);
            }));
        }
        start.countDown();
        assertThat(inModule.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200); // let the other calls reach the status check while the first is in the module
        release.countDown();
        int succeeded = 0;
        for (Future<CommandResult> result : results) {
            succeeded += result.get(20, TimeUnit.SECONDS).succeeded() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(module.calls(ModuleCommand.CREATE)).isEqualTo(1);
        assertThat(succeeded).isEqualTo(1);
        assertThat(status(serviceId)).isEqualTo(ServiceStatus.ACTIVE);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void removedModuleAnswersClearlyKeepsEveryRowAndAutomaticJobsAreRetried() {
        Product product = shop.product(AutoSetup.ORDER, BigDecimal.TEN);
        long serviceId = shop.service(product);
        core.removeServerModule(Shop.MODULE);

        CommandResult manual = run(serviceId, ModuleCommand.CREATE);
        assertThat(manual.message()).isEqualTo("Module 'fakemod' is not available: its bundle is not installed or not active.");
        core.runDueJobs();
        assertThat(core.moduleQueue().list(false, 0, 10).items()).singleElement().satisfies(item -> {
            assertThat(item.state()).as("retried later: the bundle may come back").isEqualTo("pending");
            assertThat(item.lastError()).isEqualTo(manual.message());
        });
        assertThat(core.services().get(serviceId).orElseThrow().customFields()).containsEntry("Site URL", "https://example.com");
        assertThat(core.catalog().product(product.id())).isPresent();
        assertThat(core.moduleCommands().supported(serviceId)).isEmpty();

        core.addServerModule(Shop.MODULE, module);
        core.makeJobsDue();
        core.runDueJobs();
        assertThat(status(serviceId)).isEqualTo(ServiceStatus.ACTIVE);
    }

    @Test
    void paramsCarryConfigOptionsCustomFieldsAndClientAndSaveOnlyOnThisService() {
        Product product = shop.product(AutoSetup.MANUAL, BigDecimal.TEN);
        long first = shop.service(product);
        long second = shop.order(product, "https://second.example").serviceIds().get(0);
        module.thenDo(params -> {
            params.saveCustomField("Token", "token-of-first");
            return CommandResult.success();
        });

        run(first, ModuleCommand.CREATE);

        CommandParams params = module.params().get(0);
        assertThat(params.serviceId()).isEqualTo(first);
        assertThat(params.configOption(1)).isEqualTo("basic");
        assertThat(params.configOption(2)).isEqualTo("s3cret");
        assertThat(params.configOption(24)).isEmpty();
        assertThat(params.customFields()).containsEntry("Site URL", "https://example.com").containsEntry("Plan", "gold")
                .containsEntry("Token", "token-of-first");
        assertThat(params.productCustomFieldNames()).containsExactly("Site URL", "Plan", "Token");
        assertThat(params.client().email()).startsWith("ada-");
        assertThat(params.admin()).isEqualTo(ADMIN);
        assertThat(core.services().get(first).orElseThrow().customFields()).containsEntry("Token", "token-of-first");
        assertThat(core.services().get(second).orElseThrow().customFields()).containsEntry("Token", "")
                .containsEntry("Site URL", "https://second.example");
        assertThatThrownBy(() -> params.saveCustomField("Nope", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void adminRetriesAndResolvesQueueItems() {
        module.thenAnswer(CommandResult.error("first fails"));
        long serviceId = shop.service(shop.product(AutoSetup.ORDER, BigDecimal.TEN));
        core.runDueJobs();
        QueueItem item = core.moduleQueue().list(false, 0, 10).items().get(0);

        assertThat(core.moduleQueue().retry(item.id()).succeeded()).isTrue();
        assertThat(status(serviceId)).isEqualTo(ServiceStatus.ACTIVE);
        assertThat(core.moduleQueue().list(false, 0, 10).items()).isEmpty();
        assertThatThrownBy(() -> core.moduleQueue().retry(item.id())).isInstanceOf(BillingException.class)
                .hasMessageContaining("resolved");

        module.thenAnswer(CommandResult.error("second fails"));
        long other = shop.service(shop.product(AutoSetup.ORDER, BigDecimal.TEN));
        core.runDueJobs();
        QueueItem failed = core.moduleQueue().list(false, 0, 10).items().get(0);
        assertThat(core.moduleQueue().resolve(failed.id()).state()).isEqualTo("resolved");
        assertThat(status(other)).isEqualTo(ServiceStatus.PENDING);
        assertThat(module.calls(ModuleCommand.CREATE, other)).isEqualTo(1);
        assertThatThrownBy(() -> core.moduleQueue().retry(999_999)).isInstanceOf(BillingException.class)
                .extracting(e -> ((BillingException) e).category()).isEqualTo(BillingException.Category.NOT_FOUND);
    }

    @Test
    void displayQueriesReachTheModuleAndSurviveItsFailuresAndItsAbsence() {
        long serviceId = shop.service(shop.product(AutoSetup.MANUAL, BigDecimal.TEN));
        assertThat(core.moduleCommands().supported(serviceId)).contains(ModuleCommand.CREATE, ModuleCommand.TERMINATE)
                .doesNotContain(ModuleCommand.CHANGE_PACKAGE);
        assertThat(core.moduleCommands().adminTabFields(serviceId)).containsEntry("Plan", "gold");
        assertThat(core.moduleCommands().clientArea(serviceId)).contains("<p>Service " + serviceId + ": Pending</p>");

        core.services().update(serviceId, new org.billinghost.api.billing.ServiceUpdate("broken.example", null, null, null));
        assertThat(core.moduleCommands().clientArea(serviceId)).as("a module's exception is not passed on").isEmpty();

        core.removeServerModule(Shop.MODULE);
        assertThat(core.moduleCommands().adminTabFields(serviceId)).isEmpty();
        assertThat(core.moduleCommands().customButtons(serviceId)).isEmpty();
    }

    @Test
    void testConnectionCustomButtonsAndUnknownService() {
        assertThat(core.moduleCommands().testConnection(Shop.MODULE, List.of("basic")).succeeded()).isTrue();
        assertThat(module.params().get(0).configOption(1)).isEqualTo("basic");
        assertThat(core.moduleCommands().testConnection("gone", List.of()).message())
                .isEqualTo("Module 'gone' is not available: its bundle is not installed or not active.");
        long serviceId = shop.service(shop.product(AutoSetup.MANUAL, BigDecimal.TEN));
        assertThat(core.moduleCommands().customButtons(serviceId)).containsEntry("Reset", "reset");
        module.thenAnswer(new CommandResult(true, "Reset done for example.com", CommandResult.Failure.NONE, null));
        assertThat(core.moduleCommands().run(serviceId, ModuleCommand.CUSTOM, "reset", ADMIN).message())
                .as("the module's success message is kept").isEqualTo("Reset done for example.com");
        assertThat(core.moduleCommands().run(serviceId, ModuleCommand.CUSTOM, "nope", ADMIN).message())
                .contains("no custom function 'nope'");
        assertThatThrownBy(() -> run(424242, ModuleCommand.CREATE)).isInstanceOf(BillingException.class)
                .hasMessage("Service 424242 not found");
    }
}
