package org.billinghost.web.internal;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable tokens: session ids, CSRF tokens, checkout idempotency keys (43 characters). */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
