package org.billinghost.jetpack.sandbox.internal.licensing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partners the Licensing API emulation accepts, parsed once from {@code id:token:attach|noattach[:slug,slug]}
 * entries. Only a SHA-256 hash of each token is kept: a token is found by its hash, never compared in clear.
 */
final class LicensingPartners {

    static final String ATTACH = "attach";
    static final String NO_ATTACH = "noattach";
    /** Longest bearer token read; longer ones are refused before hashing. */
    static final int MAX_TOKEN_LENGTH = 512;

    private static final Logger LOG = LoggerFactory.getLogger(LicensingPartners.class);

    private final Map<String, LicensingPartner> byTokenHash;
    private final Map<String, LicensingPartner> byId;

    private LicensingPartners(Map<String, LicensingPartner> byTokenHash, Map<String, LicensingPartner> byId) {
        this.byTokenHash = Collections.unmodifiableMap(byTokenHash);
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** Malformed entries are skipped with a warning naming the entry's position, never its token. */
    static LicensingPartners parse(String[] entries) {
        Map<String, LicensingPartner> byTokenHash = new LinkedHashMap<>();
        Map<String, LicensingPartner> byId = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i++) {
            String[] parts = (entries[i] == null ? "" : entries[i].trim()).split(":", -1);
            Optional<LicensingPartner> partner = partner(parts);
            if (partner.isEmpty()) {
                LOG.warn("Licensing partner entry ignored: not in the form id:token:attach|noattach[:slug,slug]"
                        + " with known product slugs entry={}", i + 1);
                continue;
            }
            String hash = hash(parts[1].trim());
            if (byId.containsKey(partner.get().id()) || byTokenHash.containsKey(hash)) {
                LOG.warn("Licensing partner entry ignored: its id or token is listed already entry={}", i + 1);
                continue;
            }
            byTokenHash.put(hash, partner.get());
            byId.put(partner.get().id(), partner.get());
        }
        return new LicensingPartners(byTokenHash, byId);
    }

    private static Optional<LicensingPartner> partner(String[] parts) {
        if (parts.length < 3 || parts.length > 4) {
            return Optional.empty();
        }
        String id = parts[0].trim();
        String token = parts[1].trim();
        String rule = parts[2].trim();
        if (id.isEmpty() || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH
                || !(ATTACH.equals(rule) || NO_ATTACH.equals(rule))) {
            return Optional.empty();
        }
        List<String> slugs = parts.length == 4
                ? Arrays.stream(parts[3].split(",")).map(String::trim).toList()
                : List.of();
        if (slugs.stream().anyMatch(slug -> Catalogue.bySlug(slug).isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new LicensingPartner(id, ATTACH.equals(rule), Set.copyOf(slugs)));
    }

    /** The partner owning a bearer token; empty for unknown, empty or over-long tokens. */
    Optional<LicensingPartner> byToken(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return Optional.ofNullable(byTokenHash.get(hash(token)));
    }

    Optional<LicensingPartner> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** In configuration order. */
    List<LicensingPartner> all() {
        return List.copyOf(byId.values());
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // every Java platform has SHA-256
            throw new IllegalStateException(e);
        }
    }
}
