package org.billinghost.core.internal.mail;

import java.util.Arrays;
import java.util.Optional;

/** The templates the host sends, and what each one's related id names. */
public enum MailTemplate {
    CLIENT_SIGNUP("client_signup", "Client signup", Kind.CLIENT),
    ORDER_CONFIRMATION("order_confirmation", "Order confirmation", Kind.ORDER),
    INVOICE_CREATED("invoice_created", "Invoice created", Kind.INVOICE),
    INVOICE_PAYMENT_CONFIRMATION("invoice_payment_confirmation", "Invoice payment confirmation", Kind.INVOICE),
    PRODUCT_WELCOME("product_welcome", "Product welcome", Kind.SERVICE),
    SERVICE_SUSPENSION("service_suspension", "Service suspension", Kind.SERVICE),
    SERVICE_UNSUSPENSION("service_unsuspension", "Service unsuspension", Kind.SERVICE),
    CANCELLATION_REQUEST("cancellation_request", "Cancellation request confirmation", Kind.SERVICE);

    /** What the related id of a message names, and so which variables its template gets. */
    enum Kind {
        CLIENT, ORDER, INVOICE, SERVICE
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

    static Optional<MailTemplate> of(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}
