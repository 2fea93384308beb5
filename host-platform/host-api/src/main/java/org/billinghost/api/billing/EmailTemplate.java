package org.billinghost.api.billing;

/**
 * An e-mail template: FreeMarker sources of the subject, the plain-text part and the HTML part.
 *
 * @param customized an admin has edited it (false: the default the host ships; always true for an added one)
 * @param id         (since 2.2) the id of a product welcome template an admin added, which a product's
 *                   {@code welcomeEmail} names; 0 for the host's own templates
 * @since 2.2
 */
public record EmailTemplate(String name, String label, String subject, String text, String html, boolean customized,
                            long id) {
    /** The name a message written by hand (API SendEmail with customtype) carries. */
    public static final String CUSTOM = "custom";

    /** One of the host's own templates. */
    public EmailTemplate(String name, String label, String subject, String text, String html, boolean customized) {
        this(name, label, subject, text, html, customized, 0);
    }

    /** An admin added it (a product welcome template): it can be deleted, it has no default to go back to. */
    public boolean added() {
        return id > 0;
    }
}
