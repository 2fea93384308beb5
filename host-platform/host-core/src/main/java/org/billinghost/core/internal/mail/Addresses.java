package org.billinghost.core.internal.mail;

import java.util.Optional;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** The one check of an e-mail address entered anywhere: one plain address, no CR/LF (no header injection). */
final class Addresses {
    static final int MAX_LENGTH = 254;

    private Addresses() {
    }

    /** Why the address is refused, or empty when it is acceptable. */
    static Optional<String> problem(String address) {
        if (address == null || address.isBlank()) {
            return Optional.of("An e-mail address is required.");
        }
        if (address.length() > MAX_LENGTH) {
            return Optional.of("An e-mail address has at most " + MAX_LENGTH + " characters.");
        }
        if (address.chars().anyMatch(c -> c == '\r' || c == '\n' || Character.isISOControl(c))) {
            return Optional.of("An e-mail address cannot contain line breaks or control characters.");
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            if (!parsed.getAddress().equals(address.strip()) || !address.contains("@")) {
                return Optional.of("'" + address + "' is not a single e-mail address (name@example.com).");
            }
            return Optional.empty();
        } catch (AddressException e) {
            return Optional.of("'" + address + "' is not a valid e-mail address (name@example.com).");
        }
    }

    /** A display name is a header value too: line breaks become spaces. */
    static String displayName(String name) {
        return name == null ? "" : name.replaceAll("[\\r\\n\\p{Cntrl}]+", " ").strip();
    }
}
