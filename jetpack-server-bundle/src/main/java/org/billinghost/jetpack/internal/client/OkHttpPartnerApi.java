package org.billinghost.jetpack.internal.client;

import static org.billinghost.jetpack.internal.client.Outcomes.Operation.CANCEL;
import static org.billinghost.jetpack.internal.client.Outcomes.Operation.PROVISION;
import static org.billinghost.jetpack.internal.client.Outcomes.Operation.STATUS;
import static org.billinghost.jetpack.internal.client.Outcomes.Operation.TOKEN;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.billinghost.api.platform.ModuleLog;
import org.billinghost.api.platform.WebAddress;
import org.billinghost.jetpack.internal.client.Outcomes.Operation;
import org.billinghost.jetpack.internal.client.TokenCache.Token;
import org.billinghost.jetpack.partner.ApiOutcome;
import org.billinghost.jetpack.partner.PartnerApi;
import org.billinghost.jetpack.partner.PartnerCredentials;
import org.billinghost.jetpack.partner.Plan;
import org.billinghost.jetpack.partner.ProvisionResult;
import org.billinghost.jetpack.partner.SiteStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Partner API over OkHttp for one configuration; closed when the configuration changes. */
final class OkHttpPartnerApi implements PartnerApi, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OkHttpPartnerApi.class);
    private static final String API_PATH = "rest/v1.3/jpphp";

    private final ClientSettings settings;
    private final PartnerHttp http;
    private final TokenCache tokens = new TokenCache();

    OkHttpPartnerApi(ClientSettings settings, Supplier<ModuleLog> moduleLog) {
        this.settings = settings;
        this.http = new PartnerHttp(settings, moduleLog);
    }

    @Override
    public ApiOutcome validateCredentials(PartnerCredentials credentials) {
        return guard(TOKEN, () -> {
            ApiOutcome invalid = checkSetUp(credentials);
            if (invalid != null) {
                return invalid;
            }
            Token token = fetchToken(credentials);
            tokens.put(credentials, token);
            return token.ok()
                    ? ApiOutcome.success("The partner credentials are valid: the Jetpack Partner API issued an access token.")
                    : token.failure();
        }, failure -> failure);
    }

    @Override
    public ProvisionResult provision(PartnerCredentials credentials, Plan plan, String siteUrl, String localUser) {
        String site = SiteUrls.clean(siteUrl);
        return guard(PROVISION, () -> {
            ApiOutcome invalid = checkSetUp(credentials);
            if (invalid == null) {
                invalid = plan == null ? Outcomes.missing("Plan") : siteProblem(site);
            }
            if (invalid == null && (localUser == null || localUser.isBlank())) {
                invalid = Outcomes.missing("Local User");
            }
            if (invalid != null) {
                return failed(invalid);
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("plan", plan.slug());
            fields.put("siteurl", site);
            fields.put("local_user", localUser.trim());
            fields.put("force_register", "true");
            HttpUrl url = settings.baseUrl().newBuilder().addPathSegments(API_PATH + "/provision").build();
            Attempt attempt = authorized(credentials, PROVISION,
                    token -> http.post("provision", url, token, fields, List.of(credentials.clientSecret(), token)));
            if (attempt.failure() != null) {
                return failed(attempt.failure());
            }
            Reply reply = attempt.reply();
            if (!reply.successful()) {
                return failed(Outcomes.refused(PROVISION, reply));
            }
            if (!reply.flag("success")) {
                return failed(Outcomes.unexpectedAnswer(PROVISION, reply));
            }
            String nextUrl = reply.text("next_url");
            String details = nextUrl.isEmpty() ? waitingMessage(site) : "URL to Activate Jetpack: " + nextUrl;
            LOG.info("Jetpack plan provisioned plan={} site={} waiting={}", plan.slug(), site, nextUrl.isEmpty());
            return new ProvisionResult(ApiOutcome.success(details), nextUrl, details);
        }, OkHttpPartnerApi::failed);
    }

    @Override
    public ApiOutcome cancel(PartnerCredentials credentials, String siteUrl) {
        String site = SiteUrls.clean(siteUrl);
        return guard(CANCEL, () -> {
            ApiOutcome invalid = checkSetUp(credentials);
            if (invalid == null) {
                invalid = siteProblem(site);
            }
            if (invalid != null) {
                return invalid;
            }
            HttpUrl url = siteUrl(site, "partner-cancel");
            Attempt attempt = authorized(credentials, CANCEL, token -> http.post("partner-cancel", url, token,
                    Map.of(), List.of(credentials.clientSecret(), token)));
            if (attempt.failure() != null) {
                return attempt.failure();
            }
            Reply reply = attempt.reply();
            if (reply.status() == 404) {
                return Outcomes.cancelNotFound(site);
            }
            if (!reply.successful()) {
                return Outcomes.refused(CANCEL, reply);
            }
            if (reply.json().path("success").isBoolean() && !reply.flag("success")) {
                return Outcomes.alreadyCancelled(site);
            }
            if (!reply.flag("success")) {
                return Outcomes.unexpectedAnswer(CANCEL, reply);
            }
            LOG.info("Jetpack plan cancelled site={}", site);
            return ApiOutcome.success("The Jetpack plan of " + site + " was cancelled.");
        }, failure -> failure);
    }

    @Override
    public SiteStatus status(PartnerCredentials credentials, String siteUrl) {
        String site = SiteUrls.clean(siteUrl);
        return guard(STATUS, () -> {
            ApiOutcome invalid = checkSetUp(credentials);
            if (invalid == null) {
                invalid = siteProblem(site);
            }
            if (invalid != null) {
                return unknownStatus(invalid);
            }
            HttpUrl url = siteUrl(site, "status");
            Attempt attempt = authorized(credentials, STATUS,
                    token -> http.get("status", url, token, List.of(credentials.clientSecret(), token)));
            if (attempt.failure() != null) {
                return unknownStatus(attempt.failure());
            }
            Reply reply = attempt.reply();
            if (!reply.successful()) {
                return unknownStatus(Outcomes.refused(STATUS, reply));
            }
            String plan = reply.text("plan");
            return new SiteStatus(ApiOutcome.success("Jetpack status of " + site + ": plan "
                    + (plan.isEmpty() ? "none" : plan) + "."), plan, reply.flag("is_partner_plan"),
                    reply.flag("is_provisioned_by_calling_partner"), reply.flag("is_connected"),
                    reply.flag("has_pending_plan"));
        }, OkHttpPartnerApi::unknownStatus);
    }

    /** The details text when the site's domain does not resolve yet. */
    static String waitingMessage(String site) {
        return "The domain " + site + " did not resolve, so the Jetpack plan is waiting for " + site
                + ". Once the domain's DNS resolves, connect the site from the Jetpack banner (\"Set Up Jetpack\")"
                + " in the site's WordPress dashboard to activate the plan.";
    }

    /** Why the site URL cannot be sent (missing, or not a web address: too long, no host name...), or null. */
    private static ApiOutcome siteProblem(String site) {
        return site.isEmpty() ? Outcomes.missing("Site URL")
                : WebAddress.problem(site).map(Outcomes::invalidSiteUrl).orElse(null);
    }

    private ApiOutcome checkSetUp(PartnerCredentials credentials) {
        if (settings.baseUrl() == null) {
            return Outcomes.invalidBaseUrl(settings.rawBaseUrl());
        }
        return credentials == null || !credentials.complete() ? Outcomes.missingCredentials() : null;
    }

    private HttpUrl siteUrl(String site, String action) {
        return settings.baseUrl().newBuilder().addPathSegments(API_PATH)
                .addPathSegment(SiteUrls.identifier(site)).addPathSegment(action).build();
    }

    /** A call's reply, or why there is no usable one. */
    private record Attempt(Reply reply, ApiOutcome failure) {
    }

    /**
     * Sends with the cached token; when the API refuses that token, renews it once and sends again.
     * Every reply the operations treat alike (trouble, 5xx, ...) comes back as a failure.
     */
    private Attempt authorized(PartnerCredentials credentials, Operation op, Function<String, Reply> send) {
        Token token = tokens.get(credentials, this::fetchToken);
        if (!token.ok()) {
            return new Attempt(null, token.failure());
        }
        Reply reply = send.apply(token.value());
        if (tokenRefused(reply)) {
            LOG.info("Jetpack access token refused, renewing it clientId={} status={}", credentials.clientId(), reply.status());
            tokens.invalidate(credentials, token.value());
            token = tokens.get(credentials, this::fetchToken);
            if (!token.ok()) {
                return new Attempt(null, token.failure());
            }
            reply = send.apply(token.value());
            if (tokenRefused(reply)) {
                return new Attempt(null, Outcomes.tokenRefusedTwice(op, reply));
            }
        }
        ApiOutcome common = Outcomes.common(op, reply, settings.rawBaseUrl());
        return new Attempt(common == null ? reply : null, common);
    }

    /** 401, or 403 naming a token problem (403 invalid_scope is a permission problem, not a stale token). */
    private static boolean tokenRefused(Reply reply) {
        return reply.answered() && (reply.status() == 401
                || reply.status() == 403 && reply.errorCode().toLowerCase(Locale.ROOT).contains("token"));
    }

    private Token fetchToken(PartnerCredentials credentials) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("client_id", credentials.clientId());
        fields.put("client_secret", credentials.clientSecret());
        fields.put("grant_type", "client_credentials");
        fields.put("scope", "jetpack-partner");
        HttpUrl url = settings.baseUrl().newBuilder().addPathSegments("oauth2/token").build();
        Reply reply = http.post("token", url, null, fields, List.of(credentials.clientSecret()));
        ApiOutcome common = Outcomes.common(TOKEN, reply, settings.rawBaseUrl());
        if (common != null) {
            return Token.failed(common);
        }
        if (!reply.successful()) {
            return Token.failed(Outcomes.tokenRefused(reply));
        }
        String accessToken = reply.text("access_token");
        return accessToken.isEmpty() ? Token.failed(Outcomes.unexpectedAnswer(TOKEN, reply)) : Token.of(accessToken);
    }

    /** Runs an operation so that no exception escapes: a bug becomes a permanent failure, logged here. */
    private static <T> T guard(Operation op, Supplier<T> body, Function<ApiOutcome, T> onFailure) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            LOG.error("Unexpected error while {}", op.doing, e);
            return onFailure.apply(ApiOutcome.failure(Outcomes.unexpected(op.doing), false));
        }
    }

    private static ProvisionResult failed(ApiOutcome outcome) {
        return new ProvisionResult(outcome, "", "");
    }

    private static SiteStatus unknownStatus(ApiOutcome outcome) {
        return new SiteStatus(outcome, "", false, false, false, false);
    }

    @Override
    public void close() {
        http.close();
    }
}
