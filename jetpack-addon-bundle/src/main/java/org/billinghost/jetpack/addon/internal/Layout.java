package org.billinghost.jetpack.addon.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.billinghost.api.module.AddonPage;
import org.billinghost.api.module.AddonRequest;
import org.billinghost.api.platform.ModuleTemplates;
import org.billinghost.jetpack.addon.internal.Alert.Kind;

/**
 * The frame of every addon page ({@code templates/layout.ftlh}): the addon's menu, the credentials
 * banner and a notice after a redirect, around the page template of the action.
 */
final class Layout {
    static final String TITLE = "Jetpack by Automattic";
    static final String NOTICE = "notice";

    /** Menu entries: action → label. */
    private static final List<Map.Entry<String, String>> MENU = List.of(
            Map.entry(Actions.PARTNER_DETAILS, "Partner Details"),
            Map.entry(Actions.MANAGE_PRODUCT, "Manage Jetpack Products"),
            Map.entry(Actions.PROVISION_FORM, "Provision Jetpack Plans"),
            Map.entry(Actions.CREATE_LICENSE_PRODUCTS_FORM, "Create license products"),
            Map.entry(Actions.LICENSES, "Licenses"));
    /** Fixed texts shown after a post/redirect/get, chosen by key (never echoing request text). */
    private static final Map<String, Map<String, Object>> NOTICES = Map.of(
            "products_created", Alert.of(Kind.SUCCESS,
                    "The Jetpack products were created, hidden. Set their prices, then show them on the order form."),
            "credentials_updated", Alert.of(Kind.SUCCESS,
                    "The Jetpack products now use the partner credentials of the addon's configuration."),
            "credentials_kept", Alert.of(Kind.INFO, "The Jetpack products keep their module settings."));

    private final CredentialsBanner banner;
    private final ModuleTemplates templates;

    Layout(CredentialsBanner banner, ModuleTemplates templates) {
        this.banner = banner;
        this.templates = templates;
    }

    /** The page template (e.g. {@code products.ftlh}) with its model, in the frame; {@code token} is added for forms. */
    AddonPage page(AddonRequest request, String currentAction, String template, Map<String, Object> model) {
        Map<String, Object> frame = new HashMap<>(model);
        List<Map<String, Object>> menu = new ArrayList<>();
        for (Map.Entry<String, String> entry : MENU) {
            menu.add(Map.of("href", actionLink(request, entry.getKey()), "label", entry.getValue(),
                    "active", entry.getKey().equals(currentAction)));
        }
        frame.put("menu", menu);
        frame.put("token", request.csrfToken());
        frame.put("page", template);
        banner.model(request).ifPresent(b -> frame.put("banner", b));
        Map<String, Object> notice = NOTICES.get(request.parameter(NOTICE));
        if (notice != null) {
            frame.put(NOTICE, notice);
        }
        return AddonPage.of(TITLE, templates.render("layout.ftlh", frame));
    }

    /** One message box in the frame, as the whole page. */
    AddonPage message(AddonRequest request, String currentAction, Map<String, Object> alert) {
        return page(request, currentAction, "messages.ftlh", Map.of("alerts", List.of(alert)));
    }

    /** Message boxes without the frame, for when the frame itself cannot be built (its banner reads storage). */
    AddonPage messages(List<Map<String, Object>> alerts) {
        return AddonPage.of(TITLE, templates.render("messages.ftlh", Map.of("alerts", alerts)));
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

    static Map<String, Object> notConfigured() {
        return Alert.withLink(Kind.WARNING, "The Jetpack addon is not configured: the partner client id and secret are both needed.",
                HostPaths.CONFIGURE_ADDON, "Configure the addon");
    }

    /** Adds {@link #notConfigured()} to a page model when the addon's credentials are incomplete. */
    static void markNotConfigured(AddonRequest request, Map<String, Object> model) {
        if (!AddonSettings.credentials(request.config()).complete()) {
            model.put("notConfigured", notConfigured());
        }
    }
}
