package org.billinghost.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/** Many requests from several threads, for attacks that need parallel calls or a flood. */
final class Parallel {
    private Parallel() {
    }

    /** Runs {@code n} calls on {@code n} threads released together; answers their results in call order. */
    static <T> List<T> atOnce(int n, IntFunction<T> call) {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>(n);
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("parallel calls failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** What a flood did: calls made, how many results were {@code bad}, and the first of them. */
    record Flood<T>(int calls, int bad, Optional<T> firstBad) {
    }

    /**
     * Makes {@code n} calls over {@code threads} threads; stops at the first result that is {@code bad},
     * so a host that fails does not get the rest of the flood (e.g. its log filling the disk).
     */
    static <T> Flood<T> flood(int n, int threads, IntFunction<T> call, Predicate<T> bad) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger made = new AtomicInteger();
        AtomicInteger badCount = new AtomicInteger();
        AtomicReference<T> firstBad = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>(threads);
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n && firstBad.get() == null; i = next.getAndIncrement()) {
                        T result = call.apply(i);
                        made.incrementAndGet();
                        if (bad.test(result)) {
                            badCount.incrementAndGet();
                            firstBad.compareAndSet(null, result);
                        }
                    }
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
            return new Flood<>(made.get(), badCount.get(), Optional.ofNullable(firstBad.get()));
        } catch (Exception e) {
            throw new IllegalStateException("flood failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
