package org.billinghost.api.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * A request to cancel a service.
 *
 * @param effectiveDate the day from which the automation terminates the service
 * @since 2.1
 */
public record CancellationRequest(long id, long serviceId, long clientId, Type type, String reason, Instant created,
                                  LocalDate effectiveDate) {

    /** When the service goes, with WHMCS's names. */
    public enum Type {
        /** At the next run of the daily automation. */
        IMMEDIATE("Immediate"),
        /** At the end of the period already paid (the service's next due date). */
        END_OF_BILLING_PERIOD("End of Billing Period");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The type named by its label, ignoring case ("Immediate", "end of billing period"). */
        public static Optional<Type> of(String label) {
            if (label == null) {
                return Optional.empty();
            }
            String key = label.trim().toLowerCase(Locale.ROOT);
            for (Type type : values()) {
                if (type.label.toLowerCase(Locale.ROOT).equals(key)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }
}
