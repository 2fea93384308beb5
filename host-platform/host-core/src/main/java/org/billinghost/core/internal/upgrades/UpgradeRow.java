package org.billinghost.core.internal.upgrades;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.billinghost.api.billing.Upgrade;
import org.billinghost.api.platform.BillingCycle;
import org.billinghost.core.internal.db.RowMapper;

/** A stored change of product or cycle ({@code service_upgrades}). */
record UpgradeRow(long id, long serviceId, long clientId, long invoiceId, long oldProductId, long newProductId,
                  BillingCycle oldCycle, BillingCycle newCycle, BigDecimal amount, BigDecimal newRecurring,
                  boolean movesDueDate, LocalDate newNextDueDate, String paymentMethod, Upgrade.State state,
                  String reason, boolean refund, long created) {
    static final String COLUMNS = "id, service_id, client_id, invoice_id, old_product_id, new_product_id, old_cycle,"
            + " new_cycle, amount, new_recurring, moves_due_date, new_next_due_date, payment_method, state, reason,"
            + " refund, created";
    static final RowMapper<UpgradeRow> MAPPER = rs -> new UpgradeRow(rs.getLong("id"), rs.getLong("service_id"),
            rs.getLong("client_id"), rs.getLong("invoice_id"), rs.getLong("old_product_id"),
            rs.getLong("new_product_id"), BillingCycle.of(rs.getString("old_cycle")).orElseThrow(),
            BillingCycle.of(rs.getString("new_cycle")).orElseThrow(), rs.getBigDecimal("amount"),
            rs.getBigDecimal("new_recurring"), rs.getBoolean("moves_due_date"),
            rs.getObject("new_next_due_date", LocalDate.class), rs.getString("payment_method"),
            Upgrade.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)), rs.getString("reason"),
            rs.getBoolean("refund"), rs.getLong("created"));

    Upgrade toUpgrade() {
        return new Upgrade(id, serviceId, invoiceId, oldProductId, oldCycle, newProductId, newCycle, amount, state,
                reason, refund, Instant.ofEpochMilli(created));
    }

    static String state(Upgrade.State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
