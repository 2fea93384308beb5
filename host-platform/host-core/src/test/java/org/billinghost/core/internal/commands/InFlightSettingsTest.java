package org.billinghost.core.internal.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.billinghost.api.module.ModuleCommand;
import org.billinghost.api.platform.Actor;
import org.junit.jupiter.api.Test;

/** The in-flight settings refuse bad values by name; {@link InFlightJobs} holds a module's jobs beyond its limit. */
class InFlightSettingsTest {
    private final List<String> refusals = new ArrayList<>();

    @Test
    void anInFlightLimitOutOfRangeIsRefusedByNameAndTheDefaultApplies() {
        assertThat(JobSettings.maxInFlight(0, refusals)).isEqualTo(32);
        assertThat(JobSettings.maxInFlight(257, refusals)).isEqualTo(32);
        assertThat(JobSettings.maxInFlight(256, refusals)).isEqualTo(256);
        assertThat(refusals).containsExactly("maxInFlight=0 is not a number from 1 to 256; 32 applies",
                "maxInFlight=257 is not a number from 1 to 256; 32 applies");
    }

    @Test
    void eachBadModuleLimitIsRefusedByItsModuleAndTheOthersApply() {
        Map<String, Integer> limits = JobSettings.byModule(" jetpack=16, jetpack_licensing=abc,Bad-Name=2,"
                + "jetpack=4,other=0,big=33,,solo", 32, refusals);

        assertThat(limits).isEqualTo(Map.of("jetpack", 16));
        assertThat(refusals).containsExactly(
                "maxInFlightByModule entry 'jetpack_licensing=abc': the limit of module jetpack_licensing is not a"
                        + " number from 1 to maxInFlight (32); 32 applies",
                "maxInFlightByModule entry 'Bad-Name=2': 'Bad-Name' is not a module name",
                "maxInFlightByModule entry 'jetpack=4': module jetpack is named twice; 16 applies",
                "maxInFlightByModule entry 'other=0': the limit of module other is not a number from 1 to"
                        + " maxInFlight (32); 32 applies",
                "maxInFlightByModule entry 'big=33': the limit of module big is not a number from 1 to maxInFlight"
                        + " (32); 32 applies",
                "maxInFlightByModule entry 'solo': the limit of module solo is not a number from 1 to maxInFlight"
                        + " (32); 32 applies");
    }

    @Test
    void anOverlongModuleListIsRefusedWhole() {
        assertThat(JobSettings.byModule("jetpack=1,".repeat(201), 32, refusals)).isEmpty();
        assertThat(refusals).containsExactly("maxInFlightByModule is longer than 2000 characters; every module has"
                + " maxInFlight (32)");
    }

    @Test
    void aJobBeyondItsModulesLimitWaitsForOneToFinishAndIsGivenBackWhenThePoolStops() {
        List<Runnable> executor = new ArrayList<>();
        List<Long> ran = new ArrayList<>();
        InFlightJobs inFlight = new InFlightJobs(new JobSettings(1, 20, 60_000, 8, 10, 50, 1_000, 3,
                Map.of("quota", 1)), executor::add, job -> ran.add(job.id()), () -> { });
        for (int i = 0; i < 3; i++) {
            assertThat(inFlight.reserve()).isTrue();
        }
        assertThat(inFlight.reserve()).as("3 jobs held: the limit of the host").isFalse();
        inFlight.start("quota", job(1));
        inFlight.start("quota", job(2));
        inFlight.start("quota", job(3));
        assertThat(executor).as("one job of the module runs, two wait").hasSize(1);
        assertThat(inFlight.holding()).as("the leases to renew").containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(inFlight.busyModules()).containsExactly("quota");

        executor.remove(0).run();
        assertThat(ran).containsExactly(1L);
        assertThat(executor).as("the next job of the module starts").hasSize(1);
        assertThat(inFlight.reserve()).as("a finished job frees a slot").isTrue();
        inFlight.unreserve();

        assertThat(inFlight.holding()).containsExactlyInAnyOrder(2L, 3L);
        assertThat(inFlight.close()).extracting(Job::id).containsExactly(3L);
        assertThat(inFlight.holding()).as("a job given back is not renewed").containsExactly(2L);
        executor.remove(0).run();
        assertThat(ran).containsExactly(1L, 2L);
        assertThat(executor).isEmpty();
        assertThat(inFlight.running()).isZero();
        assertThat(inFlight.holding()).isEmpty();
        assertThat(inFlight.reserve()).as("a stopped pool claims no more").isFalse();
    }

    private static Job job(long id) {
        return new Job(id, id, ModuleCommand.CREATE, "", 1, false, false, "owner",
                Actor.current());
    }
}
