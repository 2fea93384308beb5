package org.billinghost.jetpack.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

    private static FaultSpec status(String endpoint, int count, double probability, int status) {
        return new FaultSpec(endpoint, count, probability, status, null, null, null, null, null, null, null, null);
    }

    private static FaultSpec latency(String endpoint, long millis) {
        return new FaultSpec(endpoint, -1, null, null, millis, null, null, null, null, null, null, null);
    }

    @Test
    void withoutFaultsNothingHappens() {
        FaultInjector faults = new FaultInjector(() -> 0.0);

        assertThat(faults.decide(Endpoint.PROVISION)).isEqualTo(FaultInjector.Decision.NONE);
    }

    @Test
    void aCountedFaultFiresThatManyTimes() {
        FaultInjector faults = new FaultInjector(() -> 0.0);
        faults.add(List.of(status("provision", 3, 1.0, 503)));

        int fired = 0;
        for (int i = 0; i < 10; i++) {
            fired += faults.decide(Endpoint.PROVISION).answer().isPresent() ? 1 : 0;
        }

        assertThat(fired).isEqualTo(3);
        assertThat(faults.list().get(0).remaining()).isZero();
        assertThat(faults.list().get(0).fired()).isEqualTo(3);
    }

    @Test
    void probabilityIsComparedWithTheDraw() {
        Random seeded = new Random(42);
        FaultInjector faults = new FaultInjector(seeded::nextDouble);
        faults.add(List.of(status("*", -1, 0.25, 503)));

        int fired = 0;
        for (int i = 0; i < 10_000; i++) {
            fired += faults.decide(Endpoint.STATUS).answer().isPresent() ? 1 : 0;
        }

        Random replay = new Random(42);
        int expected = 0;
        for (int i = 0; i < 10_000; i++) {
            expected += replay.nextDouble() < 0.25 ? 1 : 0;
        }
        assertThat(fired).isEqualTo(expected).isBetween(2_300, 2_700);
    }

    @Test
    void aDrawThatMissesDoesNotUseTheCount() {
        double[] draw = {0.9};
        FaultInjector faults = new FaultInjector(() -> draw[0]);
        faults.add(List.of(status("provision", 1, 0.5, 503)));

        assertThat(faults.decide(Endpoint.PROVISION).answer()).isEmpty();
        draw[0] = 0.1;
        assertThat(faults.decide(Endpoint.PROVISION).answer()).isPresent();
        assertThat(faults.decide(Endpoint.PROVISION).answer()).isEmpty();
    }

    @Test
    void latenciesAddUpAndTheFirstAnswerFaultWins() {
        FaultInjector faults = new FaultInjector(() -> 0.0);
        faults.add(List.of(latency("*", 20), status("provision", 1, 1.0, 500), latency("provision", 30),
                status("provision", 1, 1.0, 502)));

        FaultInjector.Decision first = faults.decide(Endpoint.PROVISION);
        FaultInjector.Decision second = faults.decide(Endpoint.PROVISION);
        FaultInjector.Decision third = faults.decide(Endpoint.PROVISION);
        FaultInjector.Decision other = faults.decide(Endpoint.CANCEL);

        assertThat(first.latencyMs()).isEqualTo(50);
        assertThat(first.answer().orElseThrow().answer(Endpoint.PROVISION, ErrorShape.ERROR_CODE).status()).isEqualTo(500);
        assertThat(second.answer().orElseThrow().answer(Endpoint.PROVISION, ErrorShape.ERROR_CODE).status()).isEqualTo(502);
        assertThat(third.latencyMs()).isEqualTo(50);
        assertThat(third.answer()).isEmpty();
        assertThat(other.latencyMs()).isEqualTo(20);
    }

    @Test
    void anInvalidSpecAddsNothing() {
        FaultInjector faults = new FaultInjector(() -> 0.0);

        assertThatThrownBy(() -> faults.add(List.of(status("token", 1, 1.0, 500), status("tokens", 1, 1.0, 500))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("endpoint");
        assertThat(faults.list()).isEmpty();
    }

    @Test
    void clearingRemovesEveryFault() {
        FaultInjector faults = new FaultInjector(() -> 0.0);
        faults.add(List.of(status("*", -1, 1.0, 500)));

        faults.clear();

        assertThat(faults.decide(Endpoint.TOKEN)).isEqualTo(FaultInjector.Decision.NONE);
    }
}
