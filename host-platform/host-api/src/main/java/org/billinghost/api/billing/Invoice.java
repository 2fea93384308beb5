package org.billinghost.api.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice: an order's, or (since 2.1) a renewal's or an upgrade's, which belong to no order.
 *
 * @param orderId the order it bills, 0 for none
 * @param paid what payments and applied client credit have paid of it
 * @param dueDate (since 2.1) the day it falls due; an unpaid invoice is overdue from the day after
 * @param number (since 2.2) its sequential number (WHMCS's {@code invoicenum}), given when it is paid; empty before
 * @param credit (since 2.2) the client credit applied to it, part of {@code paid}
 */
public record Invoice(long id, long clientId, long orderId, InvoiceStatus status, BigDecimal total,
                      BigDecimal paid, Instant created, Instant datePaid, List<InvoiceLine> lines, LocalDate dueDate,
                      String number, BigDecimal credit) {
    public Invoice {
        lines = List.copyOf(lines);
        number = number == null ? "" : number;
        credit = credit == null ? BigDecimal.ZERO : credit;
    }

    /** An invoice of API 2.1, without number and applied credit. */
    public Invoice(long id, long clientId, long orderId, InvoiceStatus status, BigDecimal total, BigDecimal paid,
                   Instant created, Instant datePaid, List<InvoiceLine> lines, LocalDate dueDate) {
        this(id, clientId, orderId, status, total, paid, created, datePaid, lines, dueDate, "", BigDecimal.ZERO);
    }

    /** An invoice of API 2.0, which had no due date. */
    public Invoice(long id, long clientId, long orderId, InvoiceStatus status, BigDecimal total, BigDecimal paid,
                   Instant created, Instant datePaid, List<InvoiceLine> lines) {
        this(id, clientId, orderId, status, total, paid, created, datePaid, lines, null);
    }

    /**
     * What is still due.
     *
     * @since 2.2
     */
    public BigDecimal balance() {
        return total.subtract(paid).max(BigDecimal.ZERO);
    }

    /**
     * One line. {@code periodFrom}/{@code periodTo} (since 2.1): the period a recurring line pays, from its
     * first day to the first day of the next period (both null for a one-time charge).
     */
    public record InvoiceLine(String description, BigDecimal amount, long serviceId, LineType type,
                              LocalDate periodFrom, LocalDate periodTo) {
        public InvoiceLine {
            type = type == null ? LineType.ORDER : type;
        }

        /** A line of API 2.0. */
        public InvoiceLine(String description, BigDecimal amount, long serviceId) {
            this(description, amount, serviceId, LineType.ORDER, null, null);
        }
    }

    /**
     * What a line charges for.
     *
     * @since 2.1
     */
    public enum LineType {
        /** a service's first period (or its one-time price), billed with its order */
        ORDER,
        /** a service's setup fee, billed with its order */
        SETUP,
        /** a later period of a service */
        RENEWAL,
        /** the prorated difference of a product or cycle change */
        UPGRADE,
        /**
         * a line an admin wrote on an invoice of their own (CreateInvoice), of no service
         *
         * @since 2.2
         */
        ITEM;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
