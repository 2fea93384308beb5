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
import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.HttpUrl;
import org.billinghost.api.platform.Metrics;
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
        this(settings, moduleLog, () -> null);
    }

    OkHttpPartnerApi(ClientSettings settings, Supplier<ModuleLog> moduleLog, Supplier<Metrics> metrics) {
        this.settings = settings;
        this.http = new PartnerHttp(settings, moduleLog, metrics);
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
    public ProvisionResult provision(PartnerCredentials credentials, Plan plan, String siteUrl, String localUser,
                                     boolean forceRegister) {
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
            Attempt attempt = sendProvision(credentials, plan, site, localUser.trim(), forceRegister);
            if (!forceRegister && attempt.failure() == null && "method_not_found".equals(attempt.reply().errorCode())) {
                // the documented remedy: the remote site lacks the method until it is registered again
                LOG.info("Jetpack provision answered method_not_found, sending it again with force_register site={}", site);
                attempt = sendProvision(credentials, plan, site, localUser.trim(), true);
            }
            if (attempt.failure() != null) {
                return failed(attempt.failure());
            }
            Reply reply = attempt.reply();
            if (!reply.successful()) {
                return failed(Outcomes.refused(PROVISION, reply));
            }
            if (!reply.flag("success")) {
                return failed(reply.errorCode().isEmpty() ? Outcomes.unexpectedAnswer(PROVISION, reply)
                        : Outcomes.unsuccessful(PROVISION, reply));
            }
            String nextUrl = Reply.string(reply.json(), "next_url");
            // absent: the older reading, the plan waits for the site
            boolean authRequired = reply.json().path("auth_required").asBoolean(true);
            String details = !nextUrl.isEmpty() ? "URL to Activate Jetpack: " + nextUrl
                    : authRequired ? waitingMessage(site) : activeMessage(plan, site);
            LOG.info("Jetpack plan provisioned plan={} site={} link={} authRequired={}", plan.slug(), site,
                    !nextUrl.isEmpty(), authRequired);
            return new ProvisionResult(ApiOutcome.success(details), nextUrl, details, authRequired);
        }, OkHttpPartnerApi::failed);
    }

    private Attempt sendProvision(PartnerCredentials credentials, Plan plan, String site, String localUser,
                                  boolean forceRegister) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("plan", plan.slug());
        fields.put("siteurl", site);
        fields.put("local_user", localUser);
        if (forceRegister) {
            fields.put("force_register", "true");
        }
        HttpUrl url = settings.baseUrl().newBuilder().addPathSegments(API_PATH + "/provision").build();
        return authorized(credentials, PROVISION,
                token -> http.post("provision", url, token, fields, List.of(credentials.clientSecret(), token)));
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
            HttpUrl url = siteUrl(API_PATH, site, "partner-cancel");
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
                // the docs' {"success": false} means nothing was left to cancel; with an error code it is a refusal
                return reply.errorCode().isEmpty() ? Outcomes.alreadyCancelled(site) : Outcomes.unsuccessful(CANCEL, reply);
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
            if (settings.statusVersion() == null) {
                return unknownStatus(Outcomes.invalidStatusVersion(settings.rawStatusVersion()));
            }
            HttpUrl url = siteUrl("rest/v" + settings.statusVersion() + "/jpphp", site, "status");
            Attempt attempt = authorized(credentials, STATUS,
                    token -> http.get("status", url, token, List.of(credentials.clientSecret(), token)));
            if (attempt.failure() != null) {
                return unknownStatus(attempt.failure());
            }
            Reply reply = attempt.reply();
            if (!reply.successful()) {
                return unknownStatus(Outcomes.refused(STATUS, reply));
            }
            // newer versions nest the site's facts under "blog"; older ones answer them flat
            JsonNode blog = reply.json().path("blog").isObject() ? reply.json().get("blog") : reply.json();
            String plan = planSlug(blog);
            return new SiteStatus(ApiOutcome.success("Jetpack status of " + site + ": plan "
                    + (plan.isEmpty() ? "none" : plan) + "."), plan, flag(blog, "is_partner_plan"),
                    flag(blog, "is_provisioned_by_calling_partner"), flag(blog, "is_connected"),
                    flag(blog, "has_pending_plan"), Math.max(0, blog.path("blog_id").asLong(0)));
        }, OkHttpPartnerApi::unknownStatus);
    }

    /** The plan's slug: a string, or an object with {@code product_slug} (the nested shape). */
    private static String planSlug(JsonNode blog) {
        JsonNode plan = blog.path("plan");
        return plan.isObject() ? Reply.string(plan, "product_slug") : Reply.string(blog, "plan");
    }

    private static boolean flag(JsonNode node, String field) {
        return node.path(field).asBoolean(false);
    }

    /** The details text when the site's domain does not resolve yet. */
    static String waitingMessage(String site) {
        return "The domain " + site + " did not resolve, so the Jetpack plan is waiting for " + site
                + ". Once the domain's DNS resolves, connect the site from the Jetpack banner (\"Set Up Jetpack\")"
                + " in the site's WordPress dashboard to activate the plan.";
    }

    /** The details text when the plan is active on a site that was already connected. */
    static String activeMessage(Plan plan, String site) {
        return "The Jetpack " + plan.label() + " plan is active on " + site
                + ", which is already connected to Jetpack: there is nothing more to do.";
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

    private HttpUrl siteUrl(String apiPath, String site, String action) {
        return settings.baseUrl().newBuilder().addPathSegments(apiPath)
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

    /**
     * 401, or any refusal whose error code names the token ({@code invalid_token}, ...), whatever its status:
     * the API has answered it with 400, 401 and 403. A 403 {@code invalid_scope} is a permission problem.
     */
    private static boolean tokenRefused(Reply reply) {
        return reply.answered() && (reply.status() == 401
                || reply.status() >= 400 && reply.errorCode().toLowerCase(Locale.ROOT).contains("token"));
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
    static <T> T guard(Operation op, Supplier<T> body, Function<ApiOutcome, T> onFailure) {
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
