package org.billinghost.jetpack.internal.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.billinghost.jetpack.partner.ApiOutcome;
import org.billinghost.jetpack.partner.PartnerCredentials;

/**
 * Access tokens per partner credentials (client id and a hash of the secret, so the secret is not
 * kept as a map key). Concurrent first calls for the same credentials share one token request;
 * a failed request is not cached, so the next call asks again.
 */
final class TokenCache {

    /** A token, or the failure that prevented getting one. */
    record Token(String value, ApiOutcome failure) {
        static Token of(String value) {
            return new Token(value, null);
        }

        static Token failed(ApiOutcome failure) {
            return new Token(null, failure);
        }

        boolean ok() {
            return failure == null;
        }
    }

    private final ConcurrentMap<String, CompletableFuture<Token>> tokens = new ConcurrentHashMap<>();

    /** The cached token, or one fetched now; only the first of concurrent callers fetches. */
    Token get(PartnerCredentials credentials, Function<PartnerCredentials, Token> fetch) {
        String key = key(credentials);
        CompletableFuture<Token> mine = new CompletableFuture<>();
        CompletableFuture<Token> existing = tokens.putIfAbsent(key, mine);
        if (existing != null) {
            return existing.join();
        }
        Token token = null;
        try {
            token = fetch.apply(credentials);
            return token;
        } finally {
            if (token == null || !token.ok()) {
                tokens.remove(key, mine);
            }
            mine.complete(token != null ? token
                    : Token.failed(ApiOutcome.failure(Outcomes.unexpected("getting an access token"), false)));
        }
    }

    /** Stores a token obtained outside {@link #get} (credential validation). */
    void put(PartnerCredentials credentials, Token token) {
        if (token.ok()) {
            tokens.put(key(credentials), CompletableFuture.completedFuture(token));
        }
    }

    /** Forgets {@code refused} unless another caller already replaced it (so one refusal renews once). */
    void invalidate(PartnerCredentials credentials, String refused) {
        tokens.computeIfPresent(key(credentials), (key, current) ->
                current.isDone() && refused.equals(current.join().value()) ? null : current);
    }

    static String key(PartnerCredentials credentials) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(credentials.clientSecret().getBytes(StandardCharsets.UTF_8));
            return credentials.clientId() + '\n' + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
