package org.billinghost.core.internal.metrics;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Billing host metrics",
        description = "GET /metrics in the Prometheus text format, for a scraper that sends the bearer token")
public @interface MetricsConfiguration {
    String PID = "org.billinghost.metrics";

    @AttributeDefinition(name = "Bearer token (SHA-256)", required = false,
            description = "Hex SHA-256 of the token the scraper sends as 'Authorization: Bearer <token>' "
                    + "(printf %s TOKEN | sha256sum); empty: /metrics answers 404")
    String bearerTokenSha256() default "";
}
