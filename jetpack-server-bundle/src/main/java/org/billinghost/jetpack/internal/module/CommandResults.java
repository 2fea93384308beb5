package org.billinghost.jetpack.internal.module;

import org.billinghost.api.module.CommandResult;
import org.billinghost.jetpack.partner.ApiOutcome;

/** The host's command result for an API outcome: both Jetpack server modules answer alike. */
public final class CommandResults {

    private CommandResults() {
    }

    /** Success, a transient failure (retried by the host, with the API's delay) or a permanent one (for an admin). */
    public static CommandResult of(ApiOutcome outcome) {
        if (outcome.ok()) {
            return CommandResult.success();
        }
        return outcome.transientFailure() ? CommandResult.transientError(outcome.message(), outcome.retryAfter())
                : CommandResult.error(outcome.message());
    }
}
