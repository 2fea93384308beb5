package org.billinghost.core.internal.orders;

import org.billinghost.api.billing.BillingException;
import org.billinghost.core.internal.db.Paging;

/** Page bounds of the billing services: {@link Paging}'s checks, refused as bad input. */
public final class PageRequest {
    private PageRequest() {
    }

    /** The limit to use; a negative offset or a limit below 1 is refused. */
    public static int limit(int offset, int limit) {
        try {
            return Paging.limit(offset, limit);
        } catch (IllegalArgumentException e) {
            throw BillingException.invalid(e.getMessage());
        }
    }
}
