package org.billinghost.jetpack.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        /** Volatile: the test thread advances it, the server's threads read it. */
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

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
    }

    private final ManualClock clock = new ManualClock();

    @Test
    void tokensBelongToThePartnerTheyWereIssuedTo() {
        AccessTokens tokens = new AccessTokens(Duration.ZERO, clock);

        String first = tokens.issue("1001");
        String second = tokens.issue("2002");

        assertThat(first).isNotEqualTo(second).matches("[A-Za-z0-9_-]{43}");
        assertThat(tokens.partnerOf(first)).contains("1001");
        assertThat(tokens.partnerOf(second)).contains("2002");
        assertThat(tokens.partnerOf("unknown")).isEmpty();
        assertThat(tokens.partnerOf(null)).isEmpty();
    }

    @Test
    void withoutLifetimeTokensNeverExpire() {
        AccessTokens tokens = new AccessTokens(Duration.ZERO, clock);
        String token = tokens.issue("1001");

        clock.advance(Duration.ofDays(3650));

        assertThat(tokens.partnerOf(token)).contains("1001");
    }

    @Test
    void withALifetimeTokensExpire() {
        AccessTokens tokens = new AccessTokens(Duration.ofSeconds(60), clock);
        String token = tokens.issue("1001");

        clock.advance(Duration.ofSeconds(59));
        assertThat(tokens.partnerOf(token)).contains("1001");
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.partnerOf(token)).isEmpty();
    }

    @Test
    void revokingForgetsEveryToken() {
        AccessTokens tokens = new AccessTokens(Duration.ZERO, clock);
        String token = tokens.issue("1001");

        tokens.revokeAll();

        assertThat(tokens.partnerOf(token)).isEmpty();
    }
}
