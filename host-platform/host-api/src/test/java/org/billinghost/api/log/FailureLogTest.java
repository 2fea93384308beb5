package org.billinghost.api.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class FailureLogTest {
    private Instant now = Instant.parse("2026-11-30T10:00:00Z");
    private final List<Object[]> lines = new ArrayList<>();
    private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                if (method.getName().equals("error")) {
                    lines.add(args);
                }
                return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
            });
    private final FailureLog log = new FailureLog(logger, new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void theSameFailureIsWrittenOnceAMinuteAndTheRestAreCounted() {
        for (int i = 0; i < 3; i++) {
            log.error(failure(), "Page failed: path={}", "/x");
        }
        now = now.plus(FailureLog.INTERVAL);
        log.error(failure(), "Page failed: path={}", "/x");

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)[0]).isEqualTo("Page failed: path={} (2 more like it since last logged)");
        assertThat(((Object[]) lines.get(1)[1])[1]).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stackOverflowsThrownAtDifferentDepthsAreOneKind() {
        log.error(overflowHere(), "Page failed");
        log.error(overflowThere(), "Page failed");

        assertThat(lines).hasSize(1);
    }

    private static IllegalStateException failure() {
        return new IllegalStateException("boom");
    }

    /** Two places, as a recursion that ran out of stack at two depths shows two different top frames. */
    private static StackOverflowError overflowHere() {
        return new StackOverflowError();
    }

    private static StackOverflowError overflowThere() {
        return new StackOverflowError();
    }
}
