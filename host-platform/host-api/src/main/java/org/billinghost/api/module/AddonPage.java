package org.billinghost.api.module;

import java.util.Objects;

/**
 * An addon's answer to an admin request: an HTML fragment the host places inside its admin
 * layout, or a redirect. The addon escapes what it prints ({@link Html#escape(String)}).
 */
public record AddonPage(String title, String html, String redirect) {
    public AddonPage {
        title = title == null ? "" : title;
        html = html == null ? "" : html;
    }

    public static AddonPage of(String title, String html) {
        return new AddonPage(title, Objects.requireNonNull(html), null);
    }

    /** Redirect (303) to a path inside the host, e.g. after a POST. */
    public static AddonPage redirect(String path) {
        return new AddonPage("", "", Objects.requireNonNull(path));
    }
}
