package org.billinghost.jetpack.sandbox.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/**
 * The faults in force, in the order they were posted. For each call every latency-only fault that fires adds
 * its latency, and the first answer-replacing fault that fires (drop or status) decides the answer; later
 * answer-replacing faults are not consulted, so their counts are kept for later calls.
 */
final class FaultInjector {

    /** What to do to one call: wait, then either process it normally or apply {@code answer}. */
    record Decision(long latencyMs, Optional<FaultRule> answer) {
        static final Decision NONE = new Decision(0, Optional.empty());
    }

    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final DoubleSupplier random;

    FaultInjector(DoubleSupplier random) {
        this.random = random;
    }

    /** All or nothing: when one spec is invalid none is added (its ids are simply skipped). */
    List<FaultView> add(List<FaultSpec> specs) {
        long firstId = nextId.getAndAdd(specs.size());
        List<FaultRule> added = new ArrayList<>();
        for (FaultSpec spec : specs) {
            added.add(FaultRule.of(firstId + added.size(), spec));
        }
        rules.addAll(added);
        return added.stream().map(FaultRule::view).toList();
    }

    Decision decide(Endpoint endpoint) {
        if (rules.isEmpty()) {
            return Decision.NONE;
        }
        long latency = 0;
        FaultRule answer = null;
        for (FaultRule rule : rules) {
            if (!rule.appliesTo(endpoint) || (answer != null && rule.replacesAnswer())) {
                continue;
            }
            if (rule.tryFire(random.getAsDouble())) {
                latency += rule.latencyMs();
                if (rule.replacesAnswer()) {
                    answer = rule;
                }
            }
        }
        return new Decision(latency, Optional.ofNullable(answer));
    }

    List<FaultView> list() {
        return rules.stream().map(FaultRule::view).toList();
    }

    void clear() {
        rules.clear();
    }
}
