package org.billinghost.core.internal.commands;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The jobs one host holds, and how many of each module run at once. A claim worker takes a slot before it claims
 * ({@link #reserve()}), so the host never holds more than {@code maxInFlight} jobs; the claimed job then runs on
 * the executor as soon as its module has fewer than its limit running, in claim order. A job waiting for its
 * module's slot is claimed and running in the database: its lease is renewed like the others'.
 */
final class InFlightJobs {
    private final JobSettings settings;
    private final Executor executor;
    private final Consumer<Job> run;
    private final Runnable finished;
    private final Map<String, Lane> lanes = new HashMap<>();
    /** Ids of the jobs started or waiting here: the leases this host renews. */
    private final Set<Long> holding = new HashSet<>();
    /** Slots taken: jobs claimed or being claimed, not yet finished. */
    private int held;
    private boolean closed;

    /** {@code finished} is told after each job, outside any lock: a slot is free again. */
    InFlightJobs(JobSettings settings, Executor executor, Consumer<Job> run, Runnable finished) {
        this.settings = settings;
        this.executor = executor;
        this.run = run;
        this.finished = finished;
    }

    private static final class Lane {
        int running;
        final Queue<Job> waiting = new ArrayDeque<>();
    }

    /** Takes a slot for a claim; false when the host already holds its limit of jobs (or stops). */
    synchronized boolean reserve() {
        if (closed || held >= settings.maxInFlight()) {
            return false;
        }
        held++;
        return true;
    }

    /** Gives back the slot of a claim that found no job. */
    synchronized void unreserve() {
        held--;
    }

    /** Modules whose jobs this host should not claim now: as many of them as their limit run or wait. */
    synchronized Set<String> busyModules() {
        return lanes.entrySet().stream()
                .filter(lane -> lane.getValue().running + lane.getValue().waiting.size()
                        >= settings.maxInFlight(lane.getKey()))
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    /** Runs a job claimed with a {@link #reserve() slot} now, or once a job of its module finishes. */
    void start(String module, Job job) {
        synchronized (this) {
            holding.add(job.id());
            Lane lane = lanes.computeIfAbsent(module, name -> new Lane());
            if (lane.running >= settings.maxInFlight(module)) {
                lane.waiting.add(job);
                return;
            }
            lane.running++;
        }
        executor.execute(() -> runThenNext(module, job));
    }

    private void runThenNext(String module, Job job) {
        try {
            run.accept(job);
        } finally {
            Job next;
            synchronized (this) {
                held--;
                holding.remove(job.id());
                Lane lane = lanes.get(module);
                next = closed ? null : lane.waiting.poll();
                if (next == null) {
                    lane.running--;
                    if (lane.running == 0 && lane.waiting.isEmpty()) {
                        lanes.remove(module);
                    }
                }
            }
            if (next != null) {
                Job following = next;
                executor.execute(() -> runThenNext(module, following));
            }
            finished.run();
        }
    }

    /** Takes no more claims and answers the jobs that never started, for the caller to give back. */
    synchronized List<Job> close() {
        closed = true;
        List<Job> waiting = new ArrayList<>();
        lanes.values().forEach(lane -> {
            waiting.addAll(lane.waiting);
            lane.waiting.clear();
        });
        waiting.forEach(job -> holding.remove(job.id()));
        held -= waiting.size();
        return waiting;
    }

    /**
     * The jobs this host holds, to renew their leases: a job that finished without its outcome stored is no longer
     * among them, so its lease runs out and another attempt takes it over.
     */
    synchronized List<Long> holding() {
        return List.copyOf(holding);
    }

    /** Jobs started and not finished. */
    synchronized int running() {
        return lanes.values().stream().mapToInt(lane -> lane.running).sum();
    }
}
