package org.billinghost.jetpack.addon.internal;

import static org.billinghost.jetpack.addon.internal.Markup.alert;
import static org.billinghost.jetpack.addon.internal.Markup.link;

import java.util.List;
import java.util.Map;
import org.billinghost.api.module.AddonPage;
import org.billinghost.api.module.AddonRequest;
import org.billinghost.jetpack.addon.internal.Markup.Kind;

/** The frame of every addon page: the addon's menu, the credentials banner and a notice after a redirect. */
final class Layout {
    static final String TITLE = "Jetpack by Automattic";
    static final String NOTICE = "notice";

    /** Menu entries: action → label. */
    private static final List<Map.Entry<String, String>> MENU = List.of(
            Map.entry(Actions.PARTNER_DETAILS, "Partner Details"),
            Map.entry(Actions.MANAGE_PRODUCT, "Manage Jetpack Products"),
            Map.entry(Actions.PROVISION_FORM, "Provision Jetpack Plans"));
    /** Fixed texts shown after a post/redirect/get, chosen by key (never echoing request text). */
    private static final Map<String, Notice> NOTICES = Map.of(
            "products_created", new Notice(Kind.SUCCESS,
                    "The Jetpack products were created, hidden. Set their prices, then show them on the order form."),
            "credentials_updated", new Notice(Kind.SUCCESS,
                    "The Jetpack products now use the partner credentials of the addon's configuration."),
            "credentials_kept", new Notice(Kind.INFO, "The Jetpack products keep their module settings."));

    private record Notice(Kind kind, String text) {
    }

    private final CredentialsBanner banner;

    Layout(CredentialsBanner banner) {
        this.banner = banner;
    }

    AddonPage page(AddonRequest request, String currentAction, String body) {
        StringBuilder html = new StringBuilder("<ul class=\"nav nav-tabs jetpack-menu\">");
        for (Map.Entry<String, String> entry : MENU) {
            html.append(entry.getKey().equals(currentAction) ? "<li class=\"active\">" : "<li>")
                    .append(link(actionLink(request, entry.getKey()), entry.getValue())).append("</li>");
        }
        html.append("</ul>\n").append(banner.html(request));
        Notice notice = NOTICES.get(request.parameter(NOTICE));
        if (notice != null) {
            html.append(alert(notice.kind(), notice.text(), ""));
        }
        return AddonPage.of(TITLE, html.append(body).toString());
    }

    static String actionLink(AddonRequest request, String action) {
        String base = request.moduleLink();
        if (action.isEmpty()) {
            return base;
        }
        return base + (base.contains("?") ? "&" : "?") + "action=" + action;
    }

    /** Where to send the browser after a successful POST, with a notice key from {@link #NOTICES}. */
    static AddonPage redirect(AddonRequest request, String action, String noticeKey) {
        String target = actionLink(request, action);
        return AddonPage.redirect(target + (target.contains("?") ? "&" : "?") + NOTICE + "=" + noticeKey);
    }

    static String notConfigured() {
        return alert(Kind.WARNING, "The Jetpack addon is not configured: the partner client id and secret are both needed.",
                link(HostPaths.CONFIGURE_ADDON, "Configure the addon"));
    }
}
