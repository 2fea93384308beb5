package org.billinghost.jetpack.addon.internal;

import java.util.List;
import org.billinghost.api.platform.Product;

/** What pressing Create did. */
sealed interface GenerationResult {

    /** The missing plan products were created; {@code alreadyPresent} existed before. */
    record Created(List<Product> created, int alreadyPresent) implements GenerationResult {
    }

    /** Every plan already has its product: nothing was created. */
    record AlreadyExist(List<Product> existing) implements GenerationResult {
    }

    /** Nothing was created, for the reason given (a message for staff). */
    record Refused(String message) implements GenerationResult {
    }
}
