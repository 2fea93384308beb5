package org.billinghost.jetpack.addon.internal;

import java.time.Instant;
import org.billinghost.jetpack.partner.Plan;

/** One product the addon created, as recorded in its own table. */
record ProductRecord(long productId, Plan plan, Instant created, Instant updated) {
}
