package org.billinghost.core.internal.orders;

import java.math.BigDecimal;

import org.billinghost.api.billing.BillingException;
import org.billinghost.core.internal.db.Jdbc;

/** The client's credit balance ({@code clients.credit}) and the entries that make it up ({@code client_credits}). */
public final class ClientCredit {
    private ClientCredit() {
    }

    /** The client's balance, the client's row locked until the caller's transaction ends. */
    public static BigDecimal lockedBalance(Jdbc jdbc, long clientId) {
        return jdbc.queryOne("SELECT credit FROM clients WHERE id = ? FOR UPDATE", rs -> rs.getBigDecimal(1), clientId)
                .orElseThrow(() -> BillingException.notFound("Client " + clientId + " not found"));
    }

    /**
     * Adds to the balance in one statement (payments to other invoices may add at the same moment) and records
     * the entry, inside the caller's transaction; {@code invoiceId}/{@code paymentId} null where none brought it.
     *
     * @param what names the amount in the refusal when the balance would pass {@link Money#MAX}
     */
    public static void add(Jdbc jdbc, long clientId, BigDecimal amount, String description, Long invoiceId,
                           Long paymentId, long now, String what) {
        if (jdbc.update("UPDATE clients SET credit = credit + ? WHERE id = ? AND credit + ? <= ?", amount, clientId,
                amount, Money.MAX) != 1) {
            throw BillingException.invalid(what + " would take the client's credit above " + Money.MAX.toPlainString());
        }
        jdbc.insert("INSERT INTO client_credits (client_id, amount, description, invoice_id, payment_id, created)"
                + " VALUES (?, ?, ?, ?, ?, ?)", clientId, amount, description, invoiceId, paymentId, now);
    }
}
