package org.billinghost.api.billing;

public enum InvoiceStatus {
    UNPAID("Unpaid"), PAID("Paid"), CANCELLED("Cancelled");

    private final String label;

    InvoiceStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
