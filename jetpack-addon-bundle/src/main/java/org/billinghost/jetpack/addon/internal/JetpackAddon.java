package org.billinghost.jetpack.addon.internal;

import java.time.Clock;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.log.FailureLog;
import org.billinghost.api.module.AddonMetadata;
import org.billinghost.api.module.AddonModule;
import org.billinghost.api.module.AddonPage;
import org.billinghost.api.module.AddonRequest;
import org.billinghost.api.module.AddonResult;
import org.billinghost.api.module.ModuleProperties;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.ModuleDatabase;
import org.billinghost.api.platform.ModuleTemplates;
import org.billinghost.jetpack.partner.LicenseLedger;
import org.billinghost.jetpack.partner.LicensingApi;
import org.billinghost.jetpack.partner.PartnerApi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Jetpack addon module: partner credentials, the product generator and manual provisioning. */
@Component(service = AddonModule.class, property = ModuleProperties.MODULE_NAME + "=" + JetpackAddon.NAME)
public final class JetpackAddon implements AddonModule {
    static final String NAME = "jetpack";
    /** 1.1.0: the Site URL field is a link checked by the host's parser (upgrade converts the fields of 1.0.0). */
    static final String VERSION = "1.1.0";
    private static final Logger LOG = LoggerFactory.getLogger(JetpackAddon.class);
    private static final FailureLog FAILURES = new FailureLog(LOG);

    private final PartnerApiAccess partnerApi = new PartnerApiAccess();
    private final ServiceSlot<LicenseLedger> ledger = new ServiceSlot<>();
    private final ServiceSlot<LicensingApi> licensing = new ServiceSlot<>();
    private final Catalog catalog;
    private final AdminPages pages;

    @Activate
    public JetpackAddon(@Reference Catalog catalog, @Reference ModuleDatabase database, @Reference ActivityLog activityLog,
                        @Reference ModuleTemplates templates) {
        this.catalog = catalog;
        this.pages = new AdminPages(catalog, new AddonStorage(database, Clock.systemUTC()), partnerApi, ledger,
                licensing, activityLog, templates);
    }

    /** Optional: the addon's pages still work (and say so) while the server bundle's service is away. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindPartnerApi")
    void bindPartnerApi(PartnerApi api) {
        partnerApi.set(api);
    }

    void unbindPartnerApi(PartnerApi api) {
        partnerApi.unset(api);
    }

    /** Optional as the Partner API: the Licenses page says so while the server bundle's ledger is away. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindLicenseLedger")
    void bindLicenseLedger(LicenseLedger service) {
        ledger.set(service);
    }

    void unbindLicenseLedger(LicenseLedger service) {
        ledger.unset(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindLicensingApi")
    void bindLicensingApi(LicensingApi service) {
        licensing.set(service);
    }

    void unbindLicensingApi(LicensingApi service) {
        licensing.unset(service);
    }

    @Override
    public AddonMetadata metadata() {
        return new AddonMetadata("Jetpack by Automattic",
                "Sell Jetpack plans as a Jetpack hosting partner: check your partner credentials, create one product"
                        + " per plan and provision plans by hand.",
                VERSION, "Automattic", AddonSettings.FIELDS);
    }

    @Override
    public AddonResult activateAddon() {
        return migrate("The Jetpack addon is active. Enter the partner client id and secret in its configuration,"
                + " then validate them on its page.");
    }

    @Override
    public AddonResult deactivateAddon() {
        return AddonResult.success("The Jetpack addon is deactivated. Its products and records are kept.");
    }

    @Override
    public AddonResult upgrade(String previousVersion) {
        return migrate("The Jetpack addon's data was migrated from version " + previousVersion + " to " + VERSION + ".");
    }

    @Override
    public AddonPage adminOutput(AddonRequest request) {
        return pages.render(request);
    }

    private AddonResult migrate(String successMessage) {
        try {
            // the addon's tables are the host's work (scripts in db/jetpack-addon); the catalog's fields are ours
            int siteUrlFields = SiteUrlFieldUpgrade.run(catalog);
            LOG.info("JETPACK MODULE: siteUrlFieldsConverted={}", siteUrlFields);
            return AddonResult.success(successMessage);
        } catch (BillingException e) {
            FAILURES.error(e, "JETPACK MODULE: data migration failed");
            return AddonResult.error(e.getMessage());
        }
    }
}
