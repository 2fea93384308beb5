package org.billinghost.jetpack.addon.internal;

import java.util.List;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.module.AddonPage;
import org.billinghost.api.module.AddonRequest;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.DatabaseException;
import org.billinghost.api.platform.ModuleTemplates;
import org.billinghost.jetpack.addon.internal.Alert.Kind;
import org.billinghost.jetpack.partner.LicenseLedger;
import org.billinghost.jetpack.partner.LicensingApi;
import org.billinghost.jetpack.partner.PartnerApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes a request of the addon's page to the action it names. */
final class AdminPages {
    private static final Logger LOG = LoggerFactory.getLogger(AdminPages.class);

    private final Layout layout;
    private final PartnerDetailsPage partnerDetails;
    private final ProductsPage products;
    private final ProvisionPage provision;
    private final LicensesPage licenses;
    private final LicenseProductsPage licenseProducts;
    private final CredentialsBanner banner;

    AdminPages(Catalog catalog, AddonStorage storage, PartnerApiAccess api, ServiceSlot<LicenseLedger> ledger,
               ServiceSlot<LicensingApi> licensing, ActivityLog activityLog, ModuleTemplates templates) {
        this.banner = new CredentialsBanner(catalog, storage.notice(), activityLog);
        this.layout = new Layout(banner, templates);
        this.partnerDetails = new PartnerDetailsPage(layout, api, activityLog);
        this.products = new ProductsPage(layout, catalog, storage.records(),
                new ProductGenerator(catalog, storage.records(), storage.claims()), activityLog);
        this.provision = new ProvisionPage(layout, api, activityLog, storage.manualPlans());
        this.licenses = new LicensesPage(layout, ledger, activityLog);
        this.licenseProducts = new LicenseProductsPage(layout, catalog, licensing, activityLog);
    }

    AddonPage render(AddonRequest request) {
        String action = request.parameter("action").trim();
        try {
            return switch (action) {
                case Actions.PARTNER_DETAILS -> partnerDetails.show(request);
                case Actions.VALIDATE -> partnerDetails.validate(request);
                case Actions.MANAGE_PRODUCT -> products.show(request);
                case Actions.ADD_PRODUCT -> products.add(request);
                case Actions.PROVISION_FORM -> provision.show(request);
                case Actions.PROVISION -> provision.provision(request);
                case Actions.CANCEL_MANUAL_PLAN -> provision.cancel(request);
                case Actions.LICENSES -> licenses.show(request);
                case Actions.CREATE_LICENSE_PRODUCTS_FORM -> licenseProducts.show(request);
                case Actions.CREATE_LICENSE_PRODUCTS -> licenseProducts.create(request);
                case Actions.REVOKE_LICENSE -> licenses.revoke(request);
                case Actions.ASSIGN_LICENSE -> licenses.assign(request);
                case Actions.UPDATE_PRODUCT_CREDENTIALS -> banner.update(request, layout);
                case Actions.KEEP_PRODUCT_CREDENTIALS -> banner.keep(request, layout);
                default -> layout.message(request, action, Alert.of(Kind.DANGER, "Unknown action '" + action
                        + "' of the Jetpack addon; nothing was done. Pick a page from the menu above."));
            };
        } catch (BillingException e) {
            // a page, not a stack trace; the banner is left out as it reads the same storage
            LOG.warn("JETPACK MODULE: action={} failed: {}", action, e.getMessage());
            String message = e.getMessage().startsWith(PartnerApi.PREFIX) ? e.getMessage() : PartnerApi.PREFIX + e.getMessage();
            return layout.messages(List.of(Alert.of(Kind.DANGER, message)));
        } catch (DatabaseException e) {
            LOG.warn("JETPACK MODULE: action={} failed: {}", action, e.getMessage());
            return layout.messages(List.of(Alert.of(Kind.DANGER, PartnerApi.PREFIX + "the addon's tables could not be"
                    + " used; nothing was changed. The host's log names the statement.")));
        }
    }
}
