package org.billinghost.core.internal.mail;

import org.billinghost.api.billing.MailServer;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Billing host e-mail (SMTP)",
        description = "The SMTP server the host sends its e-mail through (Setup > Mail in the admin area)")
public @interface MailConfiguration {
    String PID = "org.billinghost.core.mail";

    @AttributeDefinition(name = "SMTP host", description = "Empty: no server; messages wait (demo mode: they are stored)")
    String host() default "";

    @AttributeDefinition(name = "SMTP port", min = "1", max = "65535")
    int port() default 587;

    @AttributeDefinition(name = "Security", description = "NONE, STARTTLS (required) or SSL (SMTPS)")
    MailServer.Security security() default MailServer.Security.STARTTLS;

    @AttributeDefinition(name = "User name", description = "Empty: no authentication")
    String username() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(name = "From name")
    String fromName() default "Billing";

    @AttributeDefinition(name = "From address")
    String fromAddress() default "billing@localhost";

    @AttributeDefinition(name = "Time-out (seconds)", min = "1", max = "300", description = "For connecting and for "
            + "each answer of the server. A message whose host died while sending it is shown as 'May have been sent' "
            + "four time-outs later.")
    int timeoutSeconds() default MailSettings.DEFAULT_TIMEOUT_SECONDS;

    @AttributeDefinition(name = "First retry (seconds)", min = "1", max = "3600", description = "A message the server "
            + "did not take is tried again after this delay, doubling each time up to an hour.")
    int retrySeconds() default MailSettings.DEFAULT_RETRY_SECONDS;
}
