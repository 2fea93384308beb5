package org.billinghost.jetpack.sandbox.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(
        name = "Jetpack Partner API sandbox",
        description = "Emulates the Jetpack Partner API under /sandbox/wpcom and the Jetpack Licensing API under"
                + " /sandbox/wpcom/wpcom/v2/jetpack-licensing for demos and tests.")
public @interface SandboxConfiguration {

    /** Property {@code .partners}: the leading dot keeps the secrets out of the servlet's service properties. */
    @AttributeDefinition(
            name = "Partners",
            description = "Partners allowed to ask for tokens, each as id:secret.",
            type = AttributeType.PASSWORD)
    String[] _partners() default {"1001:demo-partner-secret"};

    /** Property {@code .licensingPartners}: the leading dot keeps the tokens out of the servlet's service properties. */
    @AttributeDefinition(
            name = "Licensing API partners",
            description = "Partners of the Licensing API, each as id:token:attach or id:token:noattach (may it attach"
                    + " licenses to sites), optionally followed by :slug,slug,... (the only products it may buy).",
            type = AttributeType.PASSWORD)
    String[] _licensingPartners() default {"1001:demo-licensing-token:attach"};

    @AttributeDefinition(
            name = "Token lifetime (seconds)",
            description = "After this many seconds a token answers 403 invalid_token; 0 = tokens never expire.",
            min = "0")
    long tokenLifetimeSeconds() default 0;

    @AttributeDefinition(
            name = "Error shape",
            description = "The body of the API's errors: error_code/error_message as the documentation shows,"
                    + " or error/message as the WordPress.com REST layer answers some failures.",
            options = {
                @Option(label = "error_code / error_message", value = "error_code"),
                @Option(label = "error / message", value = "error")
            })
    String errorShape() default "error_code";

    @AttributeDefinition(
            name = "Nested status",
            description = "Answer the status call in the nested shape of newer API versions ({\"blog\": {...},"
                    + " \"products\": [...]}) instead of the flat fields.")
    boolean nestedStatus() default false;
}
