package org.billinghost.jetpack.addon.internal;

import static org.billinghost.jetpack.addon.internal.Markup.alert;
import static org.billinghost.jetpack.addon.internal.Markup.details;
import static org.billinghost.jetpack.addon.internal.Markup.heading;
import static org.billinghost.jetpack.addon.internal.Markup.link;
import static org.billinghost.jetpack.addon.internal.Markup.postForm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.billinghost.api.module.AddonPage;
import org.billinghost.api.module.AddonRequest;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.jetpack.addon.internal.Markup.Kind;
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
        return layout.page(request, Actions.PARTNER_DETAILS, body(request, ""));
    }

    /** Asks the API for a token with the saved credentials; changes nothing, so GET is accepted too. */
    AddonPage validate(AddonRequest request) {
        PartnerCredentials credentials = AddonSettings.credentials(request.config());
        if (!credentials.complete()) {
            return show(request);
        }
        Optional<PartnerApi> partnerApi = api.get();
        if (partnerApi.isEmpty()) {
            return layout.page(request, Actions.PARTNER_DETAILS, body(request, PartnerApiAccess.unavailable()));
        }
        ApiOutcome outcome = partnerApi.get().validateCredentials(credentials);
        String result;
        if (outcome.ok()) {
            result = alert(Kind.SUCCESS, "The partner credentials are valid: the Jetpack Partner API issued a token.", "");
        } else {
            activityLog.log(PartnerApi.PREFIX + "partner credentials check failed for client id " + credentials.clientId()
                    + ": " + withoutPrefix(outcome.message()), 0);
            result = alert(Kind.DANGER, "The partner credentials are not valid. " + outcome.message(),
                    link(HostPaths.CONFIGURE_ADDON, "Fix the addon's configuration"));
        }
        return layout.page(request, Actions.PARTNER_DETAILS, body(request, result));
    }

    private static String body(AddonRequest request, String resultHtml) {
        PartnerCredentials credentials = AddonSettings.credentials(request.config());
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("Partner Client Id", credentials.clientId().isEmpty() ? "(not set)" : credentials.clientId());
        entries.put("Partner Client Secret", credentials.clientSecret().isEmpty() ? "(not set)" : MASK);
        StringBuilder html = new StringBuilder(heading("Partner Details")).append(resultHtml);
        if (!credentials.complete()) {
            html.append(Layout.notConfigured());
        }
        html.append(details(entries));
        if (credentials.complete()) {
            html.append(postForm(Layout.actionLink(request, Actions.VALIDATE), request.csrfToken(), "",
                    "Validate Partner Credentials"));
        }
        return html.toString();
    }

    static String withoutPrefix(String message) {
        return message.startsWith(PartnerApi.PREFIX) ? message.substring(PartnerApi.PREFIX.length()) : message;
    }
}
