package org.billinghost.web.internal.admin;

import org.billinghost.api.billing.ModuleInfo;
import org.billinghost.api.module.AddonResult;
import org.billinghost.api.module.ConfigField;
import org.billinghost.api.module.FieldType;
import org.billinghost.web.internal.Confirmation;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Notice;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /admin/configaddonmods} (Setup > Addon Modules): list, activate, deactivate, configure. */
final class AddonModulesPage implements Page {
    static final String LINK = "/admin/configaddonmods";
    /** Form fields carry this prefix so that an addon's keys never clash with ours (token, action). */
    static final String FIELD_PREFIX = "f_";
    private final HostServices host;

    AddonModulesPage(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        if (ex.isPost()) {
            post(ex);
        } else if ("configure".equals(ex.param("action"))) {
            ModuleInfo addon = addon(ex.param("module"));
            ex.render("admin/addonconfig.ftlh", Exchange.model("addon", addon,
                    "roles", host.admins().roles().keySet().stream().sorted().toList()));
        } else {
            ex.render("admin/addonmodules.ftlh", Exchange.model("addons", host.modules().addons()));
        }
    }

    private void post(Exchange ex) throws IOException {
        String name = ex.param("module");
        ModuleInfo addon = addon(name);
        switch (ex.param("action")) {
            case "activate" -> answer(ex, "Activate", addon, host.modules().activate(name));
            case "deactivate" -> {
                if (!Confirmation.given(ex)) {
                    Confirmation.ask(ex, "Deactivate " + addon.displayName() + "? Its pages and what it shows"
                            + " customers go away until it is activated again.", LINK,
                            Map.of("module", name, "action", "deactivate"), "Yes, deactivate", LINK);
                    return;
                }
                answer(ex, "Deactivate", addon, host.modules().deactivate(name));
            }
            case "save" -> ex.actThenRedirect(LINK + "?action=configure&module=" + name, () -> {
                List<String> changed = host.modules().saveConfiguration(name, values(ex, addon.fields()),
                        ex.params("roles"), ex.admin().identity());
                return "Saved the configuration of " + addon.displayName() + "."
                        + (changed.isEmpty() ? " Nothing changed." : " Changed: " + String.join(", ", changed) + ".");
            });
            default -> throw PageException.badRequest("Unknown action.");
        }
    }

    /**
     * Activate and deactivate show the addon's own answer, error and info included, in words: "Activated X. Ready",
     * "Could not activate X: why", "Activate X: what the addon says".
     */
    private static void answer(Exchange ex, String what, ModuleInfo addon, AddonResult result) throws IOException {
        String said = result.description();
        String text = switch (result.status()) {
            case SUCCESS -> what + "d " + addon.displayName() + "." + (said.isEmpty() ? "" : " " + said);
            case ERROR -> "Could not " + what.toLowerCase(java.util.Locale.ROOT) + " " + addon.displayName()
                    + (said.isEmpty() ? "." : ": " + said);
            case INFO -> what + " " + addon.displayName() + (said.isEmpty() ? "." : ": " + said);
        };
        ex.flash(result.isError() ? Notice.error(text) : Notice.ok(text));
        ex.redirect(LINK);
    }

    private ModuleInfo addon(String name) {
        return host.modules().addon(name)
                .orElseThrow(() -> PageException.notFound("No addon module named '" + name + "' is installed."));
    }

    /** An unticked yes/no box is not sent, so it is saved as empty; an empty password keeps the stored one. */
    static Map<String, String> values(Exchange ex, List<ConfigField> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ConfigField f : fields) {
            String v = ex.param(FIELD_PREFIX + f.key());
            values.put(f.key(), f.type() == FieldType.YESNO && !v.isEmpty() ? "on" : v);
        }
        return values;
    }
}
