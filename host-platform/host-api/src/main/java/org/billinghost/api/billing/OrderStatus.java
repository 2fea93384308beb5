package org.billinghost.api.billing;

public enum OrderStatus {
    PENDING("Pending"), ACTIVE("Active"), CANCELLED("Cancelled"), FRAUD("Fraud");

    private final String label;

    OrderStatus(String label) {
        this.label = label;
    }

    /** WHMCS's stored and shown value. */
    public String label() {
        return label;
    }

    public static OrderStatus fromLabel(String label) {
        for (OrderStatus s : values()) {
            if (s.label.equalsIgnoreCase(label)) {
                return s;
            }
        }
        throw BillingException.invalid("Unknown order status: " + label);
    }
}
