package org.billinghost.api.platform;

/**
 * A module's template could not be rendered (missing, a syntax error, a missing value, a refused
 * built-in). The message is safe to show on a page; what went wrong is in the host's log.
 */
public final class ModuleTemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The message every such failure shows: no template text or engine message reaches a page. */
    public static final String MESSAGE = "The module's page could not be shown; the error is in the host's log.";

    private final String template;

    public ModuleTemplateException(String template) {
        super(MESSAGE);
        this.template = template;
    }

    /** The name of the template that failed, for the module's own log lines. */
    public String template() {
        return template;
    }
}
