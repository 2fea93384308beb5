package org.billinghost.jetpack.addon.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.billinghost.api.module.AddonPage;
import org.billinghost.api.module.AddonRequest;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.Product;
import org.billinghost.jetpack.addon.internal.Alert.Kind;
import org.billinghost.jetpack.partner.PartnerApi;
import org.billinghost.jetpack.partner.PartnerCredentials;

/**
 * After the partner credentials changed in the addon's configuration, offers to copy them into
 * the module settings (configoption1/2) of the Jetpack products. Nothing changes until an admin chooses.
 */
final class CredentialsBanner {
    private final Catalog catalog;
    private final CredentialsNotice notice;
    private final ActivityLog activityLog;

    CredentialsBanner(Catalog catalog, CredentialsNotice notice, ActivityLog activityLog) {
        this.catalog = catalog;
        this.notice = notice;
        this.activityLog = activityLog;
    }

    /**
     * The banner's data for {@code layout.ftlh}: its message and, when the credentials are complete,
     * the update and keep actions; empty when there is nothing to offer.
     */
    Optional<Map<String, Object>> model(AddonRequest request) {
        if (!notice.isPending()) {
            return Optional.empty();
        }
        PartnerCredentials credentials = AddonSettings.credentials(request.config());
        List<Product> stale = staleProducts(credentials);
        if (stale.isEmpty()) {
            notice.clear();
            return Optional.empty();
        }
        if (!credentials.complete()) {
            return Optional.of(Map.of("alert", Alert.of(Kind.WARNING, "The partner credentials changed and are now"
                    + " incomplete; the Jetpack products keep their module settings until both the client id and secret are set.")));
        }
        String names = String.join(", ", stale.stream().map(Product::name).toList());
        return Optional.of(Map.of(
                "alert", Alert.of(Kind.WARNING, "The partner credentials changed in the addon's configuration. These"
                        + " Jetpack products still use the previous ones: " + names + ". Update their module settings?"),
                "updateAction", Layout.actionLink(request, Actions.UPDATE_PRODUCT_CREDENTIALS),
                "keepAction", Layout.actionLink(request, Actions.KEEP_PRODUCT_CREDENTIALS)));
    }

    /** POST: copies the addon's credentials into every Jetpack product that differs. */
    AddonPage update(AddonRequest request, Layout layout) {
        PartnerCredentials credentials = AddonSettings.credentials(request.config());
        if (!request.isPost()) {
            return layout.message(request, Actions.PARTNER_DETAILS, mustPost());
        }
        if (!credentials.complete()) {
            return layout.message(request, Actions.PARTNER_DETAILS, Layout.notConfigured());
        }
        List<Long> ids = staleProducts(credentials).stream().map(Product::id).toList();
        // the id, the secret and the cleared notice change together or not at all
        notice.clearAfter(() -> {
            catalog.updateConfigOptions(ids, 1, credentials.clientId());
            catalog.updateConfigOptions(ids, 2, credentials.clientSecret());
        });
        if (!ids.isEmpty()) {
            activityLog.log(PartnerApi.PREFIX + "partner credentials copied to the Jetpack products " + ids
                    + " by admin " + request.admin().username(), 0);
        }
        return Layout.redirect(request, Actions.PARTNER_DETAILS, "credentials_updated");
    }

    /** POST: the admin keeps the products' settings as they are. */
    AddonPage keep(AddonRequest request, Layout layout) {
        if (!request.isPost()) {
            return layout.message(request, Actions.PARTNER_DETAILS, mustPost());
        }
        notice.clear();
        return Layout.redirect(request, Actions.PARTNER_DETAILS, "credentials_kept");
    }

    private List<Product> staleProducts(PartnerCredentials credentials) {
        return catalog.productsOfModule(JetpackProducts.MODULE).stream()
                .filter(p -> !option(p, 0).equals(credentials.clientId()) || !option(p, 1).equals(credentials.clientSecret()))
                .toList();
    }

    private static String option(Product product, int index) {
        return index < product.configOptions().size() ? product.configOptions().get(index).trim() : "";
    }

    static Map<String, Object> mustPost() {
        return Alert.of(Kind.DANGER, "This action needs the button of the addon's page (a POST form); nothing was changed.");
    }
}
