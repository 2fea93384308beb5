package org.billinghost.api.billing;

/**
 * A service's status. {@code PROVISIONING} is the host's own addition to WHMCS's list: a Create
 * is running, so a second one is refused instead of provisioning twice.
 */
public enum ServiceStatus {
    PENDING("Pending"), PROVISIONING("Provisioning"), ACTIVE("Active"), SUSPENDED("Suspended"),
    TERMINATED("Terminated"), CANCELLED("Cancelled"), FRAUD("Fraud");

    private final String label;

    ServiceStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ServiceStatus fromLabel(String label) {
        for (ServiceStatus s : values()) {
            if (s.label.equalsIgnoreCase(label)) {
                return s;
            }
        }
        throw BillingException.invalid("Unknown service status: " + label);
    }
}
