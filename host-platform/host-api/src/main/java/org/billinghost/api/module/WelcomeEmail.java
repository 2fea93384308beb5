package org.billinghost.api.module;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by a {@link ServerModule} that contributes to the product welcome e-mail: when the host renders
 * the welcome message of a service of this module, it adds these variables under {@code module} (in a template:
 * {@code ${module.activationUrl}}). Called by the host's mail worker, outside any transaction, after the
 * service was provisioned; it must not call remote services (answer from what is stored) and must not throw.
 *
 * @since 1.3
 */
@ConsumerType
public interface WelcomeEmail {

    /** The longest value the host accepts; longer ones are cut. */
    int MAX_VALUE_LENGTH = 2000;

    /** Names (letters and digits, starting with a letter) to plain-text values; the host escapes them for HTML. */
    Map<String, String> welcomeVariables(CommandParams params);
}
