package org.billinghost.web.internal.admin;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.billinghost.api.platform.IpRange;
import org.billinghost.web.internal.PageException;

/**
 * The HTTP API's address restriction and access key (WHMCS's API IP restriction), written as the configuration
 * file {@code <data>/conf/org.billinghost.httpapi.security.cfg}: Felix FileInstall hands it to Configuration Admin,
 * and so to the API bundle, within a second, and it survives restarts (Configuration Admin's own store is in the
 * framework cache, which the launcher cleans at each start). The access key is stored only as its SHA-256 and never
 * shown back.
 */
final class ApiAccessSettings {
    /** {@code ApiSecurityConfiguration.PID} of the host-httpapi bundle, which reads it. */
    static final String PID = "org.billinghost.httpapi.security";
    static final String ALLOWED_IPS = "allowedIps";
    static final String ACCESS_KEY_HASH = "accessKeyHash";
    static final int MAX_TEXT = 70_000;
    static final int MAX_ENTRIES = 1000;
    static final int MIN_KEY = 16;
    static final int MAX_KEY = 1000;

    /** What the page shows: the entries, and whether a key is set (never the key or its hash). */
    record Current(List<String> allowedIps, boolean accessKeySet) {
    }

    private final Optional<Path> file;

    ApiAccessSettings(Optional<Path> settingsDir) {
        this.file = settingsDir.map(d -> d.resolve(PID + ".cfg"));
    }

    boolean available() {
        return file.isPresent();
    }

    Current read() {
        Properties stored = stored();
        List<String> entries = Arrays.stream(stored.getProperty(ALLOWED_IPS, "").split("[,\\s]+"))
                .filter(v -> !v.isEmpty()).toList();
        return new Current(entries, !stored.getProperty(ACCESS_KEY_HASH, "").isBlank());
    }

    /**
     * Saves the allow-list (one entry a line or comma-separated; empty allows every address) and, when
     * {@code newKey} is not empty, a new access key; {@code removeKey} removes the key. Every entry is checked
     * before anything is written.
     */
    String save(String allowedText, String newKey, boolean removeKey) {
        Path target = file.orElseThrow(() -> PageException.badRequest("This host was not started by the launcher:"
                + " set the API access in the configuration " + PID + " instead."));
        if (allowedText.length() > MAX_TEXT) {
            throw PageException.badRequest("The allowed addresses are longer than " + MAX_TEXT + " characters.");
        }
        List<String> entries = new ArrayList<>();
        for (String entry : allowedText.split("[,\\s]+")) {
            if (!entry.isEmpty()) {
                if (entries.size() == MAX_ENTRIES) {
                    throw PageException.badRequest("At most " + MAX_ENTRIES + " allowed addresses.");
                }
                try {
                    entries.add(IpRange.parse(entry).toString());
                } catch (IllegalArgumentException e) {
                    throw PageException.badRequest("Allowed addresses: " + e.getMessage() + ".");
                }
            }
        }
        if (!newKey.isEmpty() && removeKey) {
            throw PageException.badRequest("Either set a new access key or remove it, not both.");
        }
        if (!newKey.isEmpty() && (newKey.length() < MIN_KEY || newKey.length() > MAX_KEY)) {
            throw PageException.badRequest("The access key must be " + MIN_KEY + " to " + MAX_KEY + " characters long.");
        }
        String hash = removeKey ? "" : newKey.isEmpty() ? stored().getProperty(ACCESS_KEY_HASH, "") : sha256Hex(newKey);
        // the values are addresses and hexadecimal digits: nothing in them needs escaping
        write(target, "# Written by the admin page API Credentials (API access); read by the HTTP API\n"
                + ALLOWED_IPS + "=" + String.join(",", entries) + "\n"
                + (hash.isEmpty() ? "" : ACCESS_KEY_HASH + "=" + hash + "\n"));
        return (entries.isEmpty() ? "Saved: every address may call the API" : "Saved: " + entries.size()
                + (entries.size() == 1 ? " address or range may" : " addresses or ranges may") + " call the API")
                + (removeKey ? "; the access key is removed." : !newKey.isEmpty() ? "; the new access key is set." : ".");
    }

    private Properties stored() {
        Properties stored = new Properties();
        if (file.isPresent() && Files.exists(file.get())) {
            try (Reader in = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
                stored.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stored;
    }

    /** Whole or not at all: FileInstall must never read half a file (its name pattern skips the temporary one). */
    private static void write(Path target, String text) {
        try {
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
