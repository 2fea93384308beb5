package org.billinghost.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets up the Jetpack products the way an administrator does: activates and configures the
 * Jetpack addon through the API, presses the addon's Create button in the admin area, and
 * optionally switches the products' auto-setup through the product edit form.
 */
public final class JetpackCatalog {
    public static final List<String> PLANS = List.of("Free", "Personal", "Premium", "Professional");
    /** The Partner API sandbox's demo partner, whom a demo host's Jetpack modules talk to. */
    public static final String DEMO_PARTNER_ID = "1001";
    public static final String DEMO_PARTNER_SECRET = "demo-partner-secret";
    private final Map<String, Long> productIds;

    private final long groupId;

    private JetpackCatalog(long groupId, Map<String, Long> productIds) {
        this.groupId = groupId;
        this.productIds = productIds;
    }

    /**
     * @param autoSetup {@code order}, {@code payment} (what the addon creates), {@code on} or empty
     */
    public static JetpackCatalog install(HostProcess host, ApiClient api, AdminSession admin, String partnerId,
                                         String partnerSecret, String autoSetup) {
        api.call("ActivateModule", Map.of("moduleType", "addon", "moduleName", "jetpack",
                "parameters[partner_client_id]", partnerId, "parameters[partner_client_secret]", partnerSecret));
        long groupId = groupId(admin, "Jetpack");
        HttpResponse<String> created = admin.post("admin/addonmodules?module=jetpack&action=add_product",
                Map.of("product_group_id", String.valueOf(groupId)));
        if (created.statusCode() >= 400) {
            throw new IllegalStateException("creating the Jetpack products failed (HTTP " + created.statusCode() + ")");
        }
        Map<String, Long> ids = new LinkedHashMap<>();
        for (JsonNode p : api.call("GetProducts", Map.of("gid", groupId)).path("products").path("product")) {
            for (String plan : PLANS) {
                if (p.path("name").asText().equals("Jetpack - " + plan + " Plan")) {
                    ids.put(plan, p.path("pid").asLong());
                }
            }
        }
        if (ids.size() != PLANS.size()) {
            throw new IllegalStateException("expected the 4 Jetpack products, found " + ids.keySet());
        }
        JetpackCatalog catalog = new JetpackCatalog(groupId, ids);
        if (!"payment".equals(autoSetup)) {
            for (String plan : PLANS) {
                catalog.saveProduct(admin, plan, partnerId, "", autoSetup);
            }
        }
        return catalog;
    }

    /** {@link #install} on a demo host: its API credential, its admin (admin/admin) and the sandbox's demo partner. */
    public static JetpackCatalog installDemo(HostProcess host, String autoSetup) {
        return install(host, ApiClient.demo(host), AdminSession.login(host, "admin", "admin"), DEMO_PARTNER_ID,
                DEMO_PARTNER_SECRET, autoSetup);
    }

    /** The id of the product group with that name (demo mode creates {@code Jetpack}), from the addon's group picker. */
    public static long groupId(AdminSession admin, String name) {
        String page = admin.get("admin/addonmodules?module=jetpack&action=manage_product").body();
        Matcher m = Pattern.compile("<option value=\"(\\d+)\"[^>]*>" + Pattern.quote(name) + "</option>").matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no product group named " + name + " in the Jetpack addon's group picker");
        }
        return Long.parseLong(m.group(1));
    }

    /**
     * Saves a product's module settings and auto-setup through the product edit form, as an admin does;
     * an empty {@code partnerSecret} keeps the stored one.
     */
    public void saveProduct(AdminSession admin, String plan, String partnerId, String partnerSecret, String autoSetup) {
        saveProduct(admin, plan, partnerId, partnerSecret, autoSetup, "");
    }

    /** As above, with the module's third setting, "On suspension" (empty: the default, keep the plan). */
    public void saveProduct(AdminSession admin, String plan, String partnerId, String partnerSecret, String autoSetup,
                            String onSuspension) {
        long productId = productId(plan);
        admin.get("admin/configproducts?action=product&id=" + productId);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("do", "saveproduct");
        form.put("id", String.valueOf(productId));
        form.put("gid", String.valueOf(groupId));
        form.put("name", "Jetpack - " + plan + " Plan");
        form.put("type", "OTHER");
        form.put("hidden", "on");
        form.put("paytype", "FREE");
        form.put("module", "jetpack");
        form.put("shownmodule", "jetpack");
        form.put("configoption1", partnerId);
        form.put("configoption2", partnerSecret);
        form.put("configoption3", onSuspension);
        form.put("autosetup", autoSetup);
        HttpResponse<String> saved = admin.post("admin/configproducts", form);
        if (saved.statusCode() != 303 && saved.statusCode() != 302) {
            throw new IllegalStateException("saving product " + productId + " failed (HTTP " + saved.statusCode() + ")");
        }
    }

    /** The product group the Jetpack products were created in. */
    public long productGroupId() {
        return groupId;
    }

    public long productId(String plan) {
        Long id = productIds.get(plan);
        if (id == null) {
            throw new IllegalArgumentException("no Jetpack product for plan " + plan);
        }
        return id;
    }
}
