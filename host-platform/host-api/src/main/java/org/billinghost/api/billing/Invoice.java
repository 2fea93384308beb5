package org.billinghost.api.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice: an order's, or (since 2.1) a renewal's or an upgrade's, which belong to no order.
 *
 * @param orderId the order it bills, 0 for none
 * @param dueDate (since 2.1) the day it falls due; an unpaid invoice is overdue from the day after
 */
public record Invoice(long id, long clientId, long orderId, InvoiceStatus status, BigDecimal total,
                      BigDecimal paid, Instant created, Instant datePaid, List<InvoiceLine> lines, LocalDate dueDate) {
    public Invoice {
        lines = List.copyOf(lines);
    }

    /** An invoice of API 2.0, which had no due date. */
    public Invoice(long id, long clientId, long orderId, InvoiceStatus status, BigDecimal total, BigDecimal paid,
                   Instant created, Instant datePaid, List<InvoiceLine> lines) {
        this(id, clientId, orderId, status, total, paid, created, datePaid, lines, null);
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
        UPGRADE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
