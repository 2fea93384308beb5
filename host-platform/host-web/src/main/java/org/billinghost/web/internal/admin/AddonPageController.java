package org.billinghost.web.internal.admin;

import org.billinghost.api.billing.ModuleInfo;
import org.billinghost.api.billing.Modules;
import org.billinghost.api.module.AddonPage;
import org.billinghost.api.module.AddonRequest;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;

import java.io.IOException;
import java.util.Map;

/**
 * {@code /admin/addonmodules?module=NAME}: the addon's own page inside the admin layout. The
 * addon escapes its HTML itself (trusted module code), so it is placed as it is; it only ever sees
 * POST parameters that passed the CSRF check.
 */
final class AddonPageController implements Page {
    /** The addon pages' path: the link handed to an addon is built here, not by the host. */
    private static final String LINK = "/admin/addonmodules";

    private final Modules modules;

    AddonPageController(Modules modules) {
        this.modules = modules;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        String name = ex.param("module");
        ModuleInfo addon = modules.addon(name)
                .orElseThrow(() -> PageException.notFound("No addon module named '" + name + "' is installed."));
        if (!addon.available()) {
            throw new PageException(503, "The addon '" + name + "' is not available: its bundle is not installed or not active.");
        }
        if (!addon.active()) {
            throw new PageException(409, "The addon '" + addon.displayName() + "' is not active. An administrator can "
                    + "activate it under Addon Modules.");
        }
        if (!addon.accessRoles().contains(ex.admin().role())) {
            throw PageException.forbidden("Your role (" + ex.admin().role() + ") may not open the "
                    + addon.displayName() + " page. Its access control lists the roles that may.");
        }
        // the addon's version and settings are filled in by the host, not here
        AddonRequest request = new AddonRequest(LINK + "?module=" + name, "", Map.of(), ex.parameters(),
                ex.isPost() ? "POST" : "GET", ex.admin().identity(), ex.session().csrfToken());
        AddonPage page = modules.adminOutput(name, request);
        if (page.redirect() != null) {
            ex.redirect(page.redirect());
            return;
        }
        // a sidebar the addon lacks or fails to render (logged by the host) is simply left out
        String sidebar = modules.adminSidebar(name, request).orElse(null);
        ex.render("admin/addonpage.ftlh", Exchange.model("addon", addon,
                "title", page.title().isEmpty() ? addon.displayName() : page.title(), "html", page.html(),
                "sidebar", sidebar));
    }
}
