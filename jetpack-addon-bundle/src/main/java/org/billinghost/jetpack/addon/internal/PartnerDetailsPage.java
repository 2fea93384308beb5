package org.billinghost.jetpack.addon.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.billinghost.api.module.AddonPage;
import org.billinghost.api.module.AddonRequest;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.jetpack.addon.internal.Alert.Kind;
import org.billinghost.jetpack.partner.ApiOutcome;
import org.billinghost.jetpack.partner.PartnerApi;
import org.billinghost.jetpack.partner.PartnerCredentials;

/** The default page: the partner's details (secret masked) and the credentials check. */
final class PartnerDetailsPage {
    static final String MASK = "********";

    private final Layout layout;
    private final PartnerApiAccess api;
    private final ActivityLog activityLog;

    PartnerDetailsPage(Layout layout, PartnerApiAccess api, ActivityLog activityLog) {
        this.layout = layout;
        this.api = api;
        this.activityLog = activityLog;
    }

    AddonPage show(AddonRequest request) {
        return page(request, Alert.none());
    }

    /** Asks the API for a token with the saved credentials; changes nothing, so GET is accepted too. */
    AddonPage validate(AddonRequest request) {
        PartnerCredentials credentials = AddonSettings.credentials(request.config());
        if (!credentials.complete()) {
            return show(request);
        }
        Optional<PartnerApi> partnerApi = api.get();
        if (partnerApi.isEmpty()) {
            return page(request, List.of(PartnerApiAccess.unavailable()));
        }
        ApiOutcome outcome = partnerApi.get().validateCredentials(credentials);
        Map<String, Object> result;
        if (outcome.ok()) {
            result = Alert.of(Kind.SUCCESS, "The partner credentials are valid: the Jetpack Partner API issued a token.");
        } else {
            activityLog.log(PartnerApi.PREFIX + "partner credentials check failed for client id " + credentials.clientId()
                    + ": " + withoutPrefix(outcome.message()), 0);
            // only a refusal by the API says something about the credentials: a time-out, a 5xx or a wrong base URL
            // does not, and a link to change them would send the admin the wrong way
            result = outcome.refusedByApi()
                    ? Alert.withLink(Kind.DANGER, "The partner credentials are not valid. " + outcome.message(),
                            HostPaths.CONFIGURE_ADDON, "Fix the addon's configuration")
                    : Alert.of(outcome.transientFailure() ? Kind.WARNING : Kind.DANGER,
                            "The partner credentials could not be checked. " + outcome.message());
        }
        return page(request, List.of(result));
    }

    private AddonPage page(AddonRequest request, List<Map<String, Object>> results) {
        PartnerCredentials credentials = AddonSettings.credentials(request.config());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("Partner Client Id", credentials.clientId().isEmpty() ? "(not set)" : credentials.clientId());
        details.put("Partner Client Secret", credentials.clientSecret().isEmpty() ? "(not set)" : MASK);
        Map<String, Object> model = new HashMap<>();
        model.put("results", results);
        model.put("details", details);
        Layout.markNotConfigured(request, model);
        if (credentials.complete()) {
            model.put("validateAction", Layout.actionLink(request, Actions.VALIDATE));
        }
        return layout.page(request, Actions.PARTNER_DETAILS, "partner-details.ftlh", model);
    }

    static String withoutPrefix(String message) {
        return message.startsWith(PartnerApi.PREFIX) ? message.substring(PartnerApi.PREFIX.length()) : message;
    }
}
