package org.billinghost.core.internal.mail;

import java.util.Arrays;
import java.util.Optional;

/** The templates the host sends, and what each one's related id names. */
public enum MailTemplate {
    // labels are WHMCS's template names, which the API's SendEmail takes as messagename too
    CLIENT_SIGNUP("client_signup", "Client Signup Email", Kind.CLIENT),
    ORDER_CONFIRMATION("order_confirmation", "Order Confirmation", Kind.ORDER),
    INVOICE_CREATED("invoice_created", "Invoice Created", Kind.INVOICE),
    INVOICE_PAYMENT_CONFIRMATION("invoice_payment_confirmation", "Invoice Payment Confirmation", Kind.INVOICE),
    INVOICE_PAYMENT_REMINDER("invoice_payment_reminder", "Invoice Payment Reminder", Kind.INVOICE),
    INVOICE_FIRST_OVERDUE("invoice_first_overdue", "First Invoice Overdue Notice", Kind.INVOICE),
    INVOICE_SECOND_OVERDUE("invoice_second_overdue", "Second Invoice Overdue Notice", Kind.INVOICE),
    PRODUCT_WELCOME("product_welcome", "Other Product/Service Welcome Email", Kind.SERVICE),
    SERVICE_SUSPENSION("service_suspension", "Service Suspension Notification", Kind.SERVICE),
    SERVICE_UNSUSPENSION("service_unsuspension", "Service Unsuspension Notification", Kind.SERVICE),
    CANCELLATION_REQUEST("cancellation_request", "Cancellation Request Confirmation", Kind.SERVICE),
    PASSWORD_RESET("password_reset", "Password Reset Validation", Kind.ACCOUNT);

    /** What the related id of a message names, and so which variables its template gets. */
    enum Kind {
        CLIENT, ORDER, INVOICE, SERVICE,
        /** A client's or an admin's login: rendered when queued, as its link carries a token stored nowhere else. */
        ACCOUNT
    }

    private final String id;
    private final String label;
    private final Kind kind;

    MailTemplate(String id, String label, Kind kind) {
        this.id = id;
        this.label = label;
        this.kind = kind;
    }

    public String id() {
        return id;
    }

    String label() {
        return label;
    }

    Kind kind() {
        return kind;
    }

    /** By name or by WHMCS's name (any case). */
    static Optional<MailTemplate> of(String name) {
        return Arrays.stream(values()).filter(t -> t.id.equals(name) || t.label.equalsIgnoreCase(name)).findFirst();
    }
}
