package org.billinghost.jetpack.sandbox.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The Partner API contract: answers for already parsed calls. Thread-safe; holds no lock of its own. */
final class PartnerApiEmulator {

    static final String GRANT_TYPE = "client_credentials";
    static final String SCOPE = "jetpack-partner";
    static final String AUTHORIZE_URL = "https://jetpack.wordpress.com/jetpack.authorize/1/";

    private static final String BEARER = "Bearer ";

    /** {@code next_url} only when there is a link, as the docs show it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProvisionAnswer(
            @JsonProperty("success") boolean success,
            @JsonProperty("auth_required") boolean authRequired,
            @JsonProperty("next_url") String nextUrl) {
    }

    record CancelAnswer(@JsonProperty("success") boolean success) {
    }

    private final Partners partners;
    private final AccessTokens tokens;
    private final SiteRegistry sites;
    private final ErrorShape errors;
    private final boolean nestedStatus;

    PartnerApiEmulator(Partners partners, AccessTokens tokens, SiteRegistry sites, ErrorShape errors,
                       boolean nestedStatus) {
        this.partners = partners;
        this.tokens = tokens;
        this.sites = sites;
        this.errors = errors;
        this.nestedStatus = nestedStatus;
    }

    ApiAnswer token(Map<String, String> form) {
        if (!partners.authenticate(form.get("client_id"), form.get("client_secret"))) {
            return ApiAnswer.oauthError(400, "invalid_client", "Unknown client_id or wrong client_secret.");
        }
        if (!GRANT_TYPE.equals(form.get("grant_type"))) {
            return ApiAnswer.oauthError(400, "unsupported_grant_type", "grant_type must be " + GRANT_TYPE + ".");
        }
        if (!SCOPE.equals(form.get("scope"))) {
            return ApiAnswer.oauthError(400, "invalid_scope", "scope must be " + SCOPE + ".");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.issue(form.get("client_id")));
        body.put("token_type", "bearer");
        body.put("blog_id", 0);
        body.put("blog_url", 0);
        body.put("scope", SCOPE);
        return ApiAnswer.json(200, body);
    }

    ApiAnswer provision(String authorization, Map<String, String> form) {
        return authenticated(authorization, partner -> {
            String siteurl = form.getOrDefault("siteurl", "");
            if (siteurl.isBlank()) {
                return errors.answer(400, "invalid_siteurl", "siteurl is missing.");
            }
            Optional<SiteAddress> address = SiteAddress.fromSiteUrl(siteurl);
            if (address.isEmpty()) {
                return errors.answer(400, "invalid_siteurl", "siteurl is not a site address (host and optional path).");
            }
            String localUser = form.getOrDefault("local_user", "");
            if (localUser.isBlank()) {
                return errors.answer(400, "invalid_local_user", "local_user is missing.");
            }
            Optional<Product> product = Product.bySlug(form.get("plan"));
            if (product.isEmpty()) {
                return errors.answer(400, "invalid_plan", "plan is not a Jetpack plan or product.");
            }
            Optional<Site> known = sites.find(address.get().identifier());
            boolean connected = known.isPresent() && known.get().connected();
            boolean forceRegister = forceRegister(form.get("force_register"));
            // a site not connected yet runs no Jetpack, so registering it needs force_register, as on a bare WordPress
            if (!connected && !forceRegister) {
                return errors.answer(400, "method_not_found",
                        "The remote site does not have the method jetpack.remoteRegister; retry with force_register=true.");
            }
            Site site = known.orElseGet(() -> sites.getOrCreate(address.get()));
            return switch (site.provision(partner, product.get(), localUser, forceRegister)) {
                // an already connected site gets the plan at once: no link, nothing for the customer to do
                case DONE -> ApiAnswer.json(200, connected ? new ProvisionAnswer(true, false, null)
                        : new ProvisionAnswer(true, true, nextUrl(site, product.get())));
                case DOWNGRADE -> errors.answer(400, "plan_downgrade_disallowed",
                        "The site already has a higher plan; a downgrade is not allowed.");
                case OTHER_PARTNER -> incorrectPartner();
            };
        });
    }

    ApiAnswer cancel(String authorization, String siteIdentifier, Map<String, String> form) {
        return authenticated(authorization, partner -> withSite(siteIdentifier, site -> {
            String plan = form.getOrDefault("plan", "");
            boolean all = "true".equalsIgnoreCase(form.get("cancel-all")) || plan.isEmpty();
            Optional<Product> only = all ? Optional.empty() : Product.bySlug(plan);
            if (!all && only.isEmpty()) {
                return errors.answer(400, "not_jps_plan", "plan is not a Jetpack partner plan or product.");
            }
            return switch (site.cancel(partner, only)) {
                case DONE -> ApiAnswer.json(200, new CancelAnswer(true));
                case NOTHING_TO_CANCEL -> ApiAnswer.json(200, new CancelAnswer(false));
                case OTHER_PARTNER -> incorrectPartner();
            };
        }));
    }

    ApiAnswer status(String authorization, String siteIdentifier) {
        return authenticated(authorization, partner -> withSite(siteIdentifier, site -> {
            SiteStatus status = site.status(partner);
            return ApiAnswer.json(200, nestedStatus ? status.nested() : status);
        }));
    }

    /** The docs' {@code true}; PHP clients send {@code 1}. */
    private static boolean forceRegister(String value) {
        return "true".equalsIgnoreCase(value) || "1".equals(value);
    }

    ApiAnswer upgradePaths(String authorization, String blogId) {
        return authenticated(authorization,
                partner -> withSite(blogId, site -> ApiAnswer.json(200, site.upgradePaths())));
    }

    /** Unknown and expired tokens answer 403 {@code invalid_token}: the signal for clients to get a new one. */
    private ApiAnswer authenticated(String authorization, Function<String, ApiAnswer> call) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return errors.answer(403, "unauthorized", "An active access token must be used (Authorization: Bearer).");
        }
        return tokens.partnerOf(authorization.substring(BEARER.length()).trim())
                .map(call)
                .orElseGet(() -> errors.answer(403, "invalid_token", "The OAuth2 token is invalid or has expired."));
    }

    /** A malformed identifier is the caller's mistake (400); a well-formed one never provisioned is 403 invalid_blog. */
    private ApiAnswer withSite(String identifier, Function<Site, ApiAnswer> call) {
        Optional<Site> site = sites.find(identifier);
        if (site.isPresent()) {
            return call.apply(site.get());
        }
        if (SiteAddress.fromIdentifier(identifier).isEmpty()) {
            return errors.answer(400, "invalid_input", "The site is not a site identifier (host::path) or blog id.");
        }
        return errors.answer(403, "invalid_blog", "Unknown blog.");
    }

    private ApiAnswer incorrectPartner() {
        return errors.answer(403, "incorrect_partner_key", "The site's plan was provisioned by another partner.");
    }

    /** Empty when the site's domain does not resolve: the plan then waits until the site connects. */
    private static String nextUrl(Site site, Product product) {
        if (!site.address().resolves()) {
            return "";
        }
        return AUTHORIZE_URL + "?site=" + URLEncoder.encode(site.address().url(), StandardCharsets.UTF_8)
                + "&blog_id=" + site.blogId() + "&plan=" + product.slug();
    }
}
