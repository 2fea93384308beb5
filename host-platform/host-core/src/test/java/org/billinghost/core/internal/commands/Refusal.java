package org.billinghost.core.internal.commands;

import org.billinghost.api.billing.BillingException;

/** The category of the BillingException a call is refused with; fails the test when it is not refused. */
public final class Refusal {
    private Refusal() {
    }

    public static BillingException.Category of(Runnable call) {
        try {
            call.run();
        } catch (BillingException e) {
            return e.category();
        }
        throw new AssertionError("the call was not refused");
    }
}
