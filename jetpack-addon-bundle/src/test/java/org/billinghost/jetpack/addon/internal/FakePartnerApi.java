package org.billinghost.jetpack.addon.internal;

import java.util.ArrayList;
import java.util.List;
import org.billinghost.jetpack.partner.ApiOutcome;
import org.billinghost.jetpack.partner.PartnerApi;
import org.billinghost.jetpack.partner.PartnerCredentials;
import org.billinghost.jetpack.partner.Plan;
import org.billinghost.jetpack.partner.ProvisionResult;
import org.billinghost.jetpack.partner.SiteStatus;

/** Answers what a test sets and records every call. */
final class FakePartnerApi implements PartnerApi {
    record ProvisionCall(PartnerCredentials credentials, Plan plan, String siteUrl, String localUser) {
    }

    final List<PartnerCredentials> validations = new ArrayList<>();
    final List<ProvisionCall> provisions = new ArrayList<>();
    final List<String> cancellations = new ArrayList<>();
    ApiOutcome cancellation = ApiOutcome.success("cancelled");
    ApiOutcome validation = ApiOutcome.success("token issued");
    ProvisionResult provisionResult = new ProvisionResult(ApiOutcome.success("provisioned"), "", "");

    @Override
    public ApiOutcome validateCredentials(PartnerCredentials credentials) {
        validations.add(credentials);
        return validation;
    }

    @Override
    public ProvisionResult provision(PartnerCredentials credentials, Plan plan, String siteUrl, String localUser,
                                     boolean forceRegister) {
        provisions.add(new ProvisionCall(credentials, plan, siteUrl, localUser));
        return provisionResult;
    }

    @Override
    public ApiOutcome cancel(PartnerCredentials credentials, String siteUrl) {
        cancellations.add(siteUrl);
        return cancellation;
    }

    @Override
    public SiteStatus status(PartnerCredentials credentials, String siteUrl) {
        throw new UnsupportedOperationException("the addon never asks for a status");
    }
}
