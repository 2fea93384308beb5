package org.billinghost.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Billing host web pages",
        description = "The admin area and the client area behind a reverse proxy")
public @interface WebConfiguration {
    String PID = "org.billinghost.web";

    @AttributeDefinition(name = "Trusted proxies", required = false,
            description = "IP addresses of the reverse proxies in front of this host (comma-separated). A request "
                    + "from one of them with X-Forwarded-Proto: https gets Secure cookies, and its X-Forwarded-For "
                    + "names the visitor's address (for the login lock and the session bound). Headers from any "
                    + "other address are ignored.")
    String[] trustedProxies() default {};

    @AttributeDefinition(name = "Public address", required = false,
            description = "The address visitors use to reach this host, e.g. https://billing.example.com; links "
                    + "sent by e-mail (password reset) start with it. Empty: the address the request was made to "
                    + "(its Host header), which is only safe when the server in front accepts only your host names.")
    String publicAddress() default "";
}
