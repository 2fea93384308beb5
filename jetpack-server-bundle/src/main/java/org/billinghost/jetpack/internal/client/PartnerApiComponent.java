package org.billinghost.jetpack.internal.client;

import org.billinghost.api.platform.Metrics;
import org.billinghost.api.platform.ModuleLog;
import org.billinghost.jetpack.partner.ApiOutcome;
import org.billinghost.jetpack.partner.PartnerApi;
import org.billinghost.jetpack.partner.PartnerCredentials;
import org.billinghost.jetpack.partner.Plan;
import org.billinghost.jetpack.partner.ProvisionResult;
import org.billinghost.jetpack.partner.SiteStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the {@link PartnerApi} service, configured by PID {@value PartnerApiConfiguration#PID}.
 * A configuration change builds a new client (with an empty token cache, as tokens belong to a
 * base URL) and closes the old one; calls already running finish on the old client.
 */
@Component(service = PartnerApi.class, configurationPid = PartnerApiConfiguration.PID)
@Designate(ocd = PartnerApiConfiguration.class)
public final class PartnerApiComponent implements PartnerApi {
    private static final Logger LOG = LoggerFactory.getLogger(PartnerApiComponent.class);

    /** Optional: without the host's module log the client works and just does not record calls. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ModuleLog moduleLog;

    /** Optional as well: without the host's metrics the calls are not counted. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Metrics metrics;

    private volatile OkHttpPartnerApi client;

    @Activate
    public PartnerApiComponent(PartnerApiConfiguration config) {
        this.client = build(config);
    }

    @Modified
    void modified(PartnerApiConfiguration config) {
        OkHttpPartnerApi previous = client;
        client = build(config);
        previous.close();
    }

    @Deactivate
    void deactivate() {
        client.close();
    }

    private OkHttpPartnerApi build(PartnerApiConfiguration config) {
        ClientSettings settings = ClientSettings.of(config);
        if (settings.baseUrl() == null) {
            LOG.warn("Jetpack Partner API base URL is not a valid http(s) URL pid={} baseUrl={}",
                    PartnerApiConfiguration.PID, settings.rawBaseUrl());
        } else {
            LOG.info("Jetpack Partner API client configured baseUrl={} statusApiVersion={} connectTimeout={} readTimeout={}"
                    + " callTimeout={}", settings.baseUrl(), settings.rawStatusVersion(), settings.connectTimeout(),
                    settings.readTimeout(), settings.callTimeout());
        }
        return new OkHttpPartnerApi(settings, () -> moduleLog, () -> metrics);
    }

    @Override
    public ApiOutcome validateCredentials(PartnerCredentials credentials) {
        return client.validateCredentials(credentials);
    }

    @Override
    public ProvisionResult provision(PartnerCredentials credentials, Plan plan, String siteUrl, String localUser,
                                     boolean forceRegister) {
        return client.provision(credentials, plan, siteUrl, localUser, forceRegister);
    }

    @Override
    public ApiOutcome cancel(PartnerCredentials credentials, String siteUrl) {
        return client.cancel(credentials, siteUrl);
    }

    @Override
    public SiteStatus status(PartnerCredentials credentials, String siteUrl) {
        return client.status(credentials, siteUrl);
    }
}
