package org.billinghost.httpapi.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Billing host HTTP API security",
        description = "Which addresses may call /includes/api.php, and the access key that lets a call in from any"
                + " address (WHMCS's API IP restriction and access key)")
public @interface ApiSecurityConfiguration {
    String PID = "org.billinghost.httpapi.security";

    @AttributeDefinition(name = "Allowed addresses", required = false, description = "IP addresses (192.0.2.7,"
            + " 2001:db8::7) or ranges (192.0.2.0/24) that may call the API; none: every address may, as in WHMCS")
    String[] allowedIps() default {};

    @AttributeDefinition(name = "Access key hash", required = false, description = "SHA-256 of the access key, in"
            + " hexadecimal: a call whose accesskey parameter has this hash is let in from any address. Set it on"
            + " the admin page API Credentials, which stores only the hash; empty: no access key")
    String accessKeyHash() default "";
}
