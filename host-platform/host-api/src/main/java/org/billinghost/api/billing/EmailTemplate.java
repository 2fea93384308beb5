package org.billinghost.api.billing;

/**
 * An e-mail template: FreeMarker sources of the subject, the plain-text part and the HTML part.
 *
 * @param customized an admin has edited it (false: the default the host ships)
 * @since 2.2
 */
public record EmailTemplate(String name, String label, String subject, String text, String html, boolean customized) {
    /** The name a message written by hand (API SendEmail with customtype) carries. */
    public static final String CUSTOM = "custom";
}
