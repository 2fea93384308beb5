package org.billinghost.jetpack.sandbox.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens issued by the token endpoint, each bound to the partner that asked for it. */
final class AccessTokens {

    private record Grant(String partnerId, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Duration lifetime;
    private final Clock clock;

    /** @param lifetime zero or negative: tokens never expire (the documented behaviour of the real API) */
    AccessTokens(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    String issue(String partnerId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = lifetime.isNegative() || lifetime.isZero() ? Instant.MAX : clock.instant().plus(lifetime);
        grants.put(token, new Grant(partnerId, expiresAt));
        return token;
    }

    /** The partner a live token belongs to; empty for unknown, revoked or expired tokens. */
    Optional<String> partnerOf(String token) {
        Grant grant = token == null ? null : grants.get(token);
        if (grant == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(grant.expiresAt())) {
            grants.remove(token, grant);
            return Optional.empty();
        }
        return Optional.of(grant.partnerId());
    }

    /** Forgets every token, so clients must ask for a new one. */
    void revokeAll() {
        grants.clear();
    }
}
