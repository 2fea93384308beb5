package org.billinghost.jetpack.sandbox.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The partners the sandbox knows, parsed once from {@code id:secret} entries. */
final class Partners {

    private static final Logger LOG = LoggerFactory.getLogger(Partners.class);

    private final Map<String, byte[]> secrets;

    private Partners(Map<String, byte[]> secrets) {
        this.secrets = Collections.unmodifiableMap(secrets);
    }

    /** Entries without a {@code :} or with an empty id or secret are skipped with a warning (never showing the secret). */
    static Partners parse(String[] entries) {
        Map<String, byte[]> secrets = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i] == null ? "" : entries[i].trim();
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).trim();
            String secret = colon < 0 ? "" : entry.substring(colon + 1).trim();
            if (id.isEmpty() || secret.isEmpty()) {
                LOG.warn("Partner entry ignored: not in the form id:secret entry={}", i + 1);
            } else if (secrets.put(id, secret.getBytes(StandardCharsets.UTF_8)) != null) {
                LOG.warn("Partner listed twice, the last entry wins partner={}", id);
            }
        }
        return new Partners(secrets);
    }

    /** Exact comparison, in constant time for the secret: white space around either is a client error. */
    boolean authenticate(String id, String secret) {
        byte[] expected = id == null ? null : secrets.get(id);
        return expected != null && secret != null
                && MessageDigest.isEqual(expected, secret.getBytes(StandardCharsets.UTF_8));
    }

    Set<String> ids() {
        return secrets.keySet();
    }
}
