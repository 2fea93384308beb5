package org.billinghost.jetpack.internal.client;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = PartnerApiConfiguration.PID, name = "Jetpack Partner API client",
        description = "Where the Jetpack server module and addon reach the Jetpack Partner API, and how long they wait.")
public @interface PartnerApiConfiguration {
    String PID = "jetpack.partner.api";

    @AttributeDefinition(name = "Base URL", description = "The Partner API's base URL; demo mode points it at the sandbox.")
    String baseUrl() default "https://public-api.wordpress.com";

    @AttributeDefinition(name = "Status API version", description = "The version in the status call's path"
            + " (rest/v1.3/jpphp/SITE/status): 1.2 and 1.3 answer flat fields, 1.4 nests them under 'blog'; both are read.")
    String statusApiVersion() default ClientSettings.DEFAULT_STATUS_VERSION;

    @AttributeDefinition(name = "Connect time-out (ms)", min = "1")
    int connectTimeoutMillis() default 10_000;

    @AttributeDefinition(name = "Read time-out (ms)", description = "Longest silence while waiting for an answer.", min = "1")
    int readTimeoutMillis() default 30_000;

    @AttributeDefinition(name = "Call time-out (ms)", description = "Longest time one HTTP call may take in total.", min = "1")
    int callTimeoutMillis() default 60_000;

    @AttributeDefinition(name = "Late answer margin (ms)", description = "How long after a call's time-out the"
            + " Licensing API may still carry it out; an unanswered license issue is not sent again before the call"
            + " time-out plus this margin have passed (the license is looked for first).", min = "0")
    long lateAnswerMarginMillis() default 60_000;
}
