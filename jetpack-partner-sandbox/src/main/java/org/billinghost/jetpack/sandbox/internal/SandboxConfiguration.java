package org.billinghost.jetpack.sandbox.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Jetpack Partner API sandbox",
        description = "Emulates the Jetpack Partner API under /sandbox/wpcom for demos and tests.")
public @interface SandboxConfiguration {

    /** Property {@code .partners}: the leading dot keeps the secrets out of the servlet's service properties. */
    @AttributeDefinition(
            name = "Partners",
            description = "Partners allowed to ask for tokens, each as id:secret.",
            type = AttributeType.PASSWORD)
    String[] _partners() default {"1001:demo-partner-secret"};

    @AttributeDefinition(
            name = "Token lifetime (seconds)",
            description = "After this many seconds a token answers 403 invalid_token; 0 = tokens never expire.",
            min = "0")
    long tokenLifetimeSeconds() default 0;
}
