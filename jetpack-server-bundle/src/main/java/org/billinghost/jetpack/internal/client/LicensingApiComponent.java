package org.billinghost.jetpack.internal.client;

import java.time.Clock;
import org.billinghost.api.platform.Metrics;
import org.billinghost.api.platform.ModuleLog;
import org.billinghost.jetpack.partner.LicenseCatalogue;
import org.billinghost.jetpack.partner.LicensePage;
import org.billinghost.jetpack.partner.LicenseQuery;
import org.billinghost.jetpack.partner.LicenseResult;
import org.billinghost.jetpack.partner.LicensingApi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Registers the {@link LicensingApi} service. It shares the Partner API's configuration (PID
 * {@value PartnerApiConfiguration#PID}: base URL and time-outs; {@link PartnerApiComponent} describes it); a change
 * builds a new client and closes the old one.
 */
@Component(service = LicensingApi.class, configurationPid = PartnerApiConfiguration.PID)
public final class LicensingApiComponent implements LicensingApi {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ModuleLog moduleLog;

    /** Optional as well: without the host's metrics the calls are not counted. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Metrics metrics;

    private volatile OkHttpLicensingApi client;

    @Activate
    public LicensingApiComponent(PartnerApiConfiguration config) {
        this.client = build(config);
    }

    @Modified
    void modified(PartnerApiConfiguration config) {
        OkHttpLicensingApi previous = client;
        client = build(config);
        previous.close();
    }

    @Deactivate
    void deactivate() {
        client.close();
    }

    private OkHttpLicensingApi build(PartnerApiConfiguration config) {
        return new OkHttpLicensingApi(ClientSettings.of(config), () -> moduleLog, () -> metrics, Clock.systemUTC());
    }

    @Override
    public LicenseResult issue(String token, String productSlug) {
        return client.issue(token, productSlug);
    }

    @Override
    public LicenseResult license(String token, String key) {
        return client.license(token, key);
    }

    @Override
    public LicenseResult revoke(String token, String key) {
        return client.revoke(token, key);
    }

    @Override
    public LicenseResult attach(String token, String key, String site) {
        return client.attach(token, key, site);
    }

    @Override
    public LicenseResult detach(String token, String key) {
        return client.detach(token, key);
    }

    @Override
    public LicensePage licenses(String token, LicenseQuery query) {
        return client.licenses(token, query);
    }

    @Override
    public LicenseCatalogue catalogue() {
        return client.catalogue();
    }

    @Override
    public LicenseCatalogue partnerCatalogue(String token) {
        return client.partnerCatalogue(token);
    }
}
