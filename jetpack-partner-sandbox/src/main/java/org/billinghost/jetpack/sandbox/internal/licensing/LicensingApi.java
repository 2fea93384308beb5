package org.billinghost.jetpack.sandbox.internal.licensing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.billinghost.jetpack.sandbox.internal.ApiAnswer;
import org.billinghost.jetpack.sandbox.internal.Endpoint;
import org.billinghost.jetpack.sandbox.internal.Site;
import org.billinghost.jetpack.sandbox.internal.SiteAddress;
import org.billinghost.jetpack.sandbox.internal.SiteRegistry;

/**
 * The Licensing API contract of {@code jetpack-licensing-api.md}: answers for already routed calls. The token is
 * checked first, then the presence of the parameters, the partner's right to the call, the license, the site and
 * the license's state; a refused call changes nothing.
 */
final class LicensingApi {

    static final int MAX_KEY_LENGTH = 128;
    static final int MAX_SLUG_LENGTH = 64;
    static final int MAX_LOCAL_USER_LENGTH = 100;

    private static final String BEARER = "Bearer ";
    private static final Pattern BLOG_ID = Pattern.compile("[0-9]{1,18}");
    private static final String IDENTIFIER_SEPARATOR = "::";

    record SiteConnection(@JsonProperty("code") String code, @JsonProperty("blog_id") Object blogId) {
    }

    private final LicensingPartners partners;
    private final LicenseStore licenses;
    private final SiteRegistry sites;
    private final Clock clock;

    LicensingApi(LicensingPartners partners, LicenseStore licenses, SiteRegistry sites, Clock clock) {
        this.partners = partners;
        this.licenses = licenses;
        this.sites = sites;
        this.clock = clock;
    }

    /** Reads the call's parameters once the token is checked, so a bad token answers 403 whatever the body. */
    interface ParameterReader {
        /** @throws LicensingError for an unreadable body */
        Parameters read() throws IOException;
    }

    /** @param key the {@code {key}} of {@code /license/{key}/site}, else null */
    ApiAnswer answer(Endpoint endpoint, String key, String authorization, ParameterReader reader) throws IOException {
        try {
            if (endpoint == Endpoint.PRODUCT_FAMILIES) {
                return ApiAnswer.json(200, Catalogue.publicFamilies());
            }
            LicensingPartner partner = partner(authorization);
            Parameters parameters = reader.read();
            return switch (endpoint) {
                case PARTNER_PRODUCT_FAMILIES -> ApiAnswer.json(200, Catalogue.partnerFamilies(partner::mayBuy));
                case LICENSE_ISSUE -> issue(partner, parameters);
                case LICENSE_GET -> license(owned(partner, parameters.required("license_key", MAX_KEY_LENGTH)));
                case LICENSE_REVOKE -> revoke(partner, parameters);
                case LICENSE_ATTACH -> attach(partner, key, parameters);
                case LICENSE_DETACH -> detach(partner, key, parameters);
                case SITE_CONNECTION -> connect(parameters);
                case LICENSES -> ApiAnswer.json(200, LicenseQuery.of(parameters).run(partnerLicenses(partner)));
                case LICENSE_COUNTS -> ApiAnswer.json(200, counts(partnerLicenses(partner)));
                default -> throw new IllegalArgumentException("not a Licensing API endpoint: " + endpoint);
            };
        } catch (LicensingError e) {
            return e.answer();
        }
    }

    /** A bad or missing token: 403 {@code invalid_token}, whatever the call. */
    private LicensingPartner partner(String authorization) {
        Optional<LicensingPartner> partner = authorization != null
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? partners.byToken(authorization.substring(BEARER.length()).trim())
                : Optional.empty();
        return partner.orElseThrow(() -> new LicensingError(403, "invalid_token",
                "A valid partner token must be sent (Authorization: Bearer <token>)."));
    }

    /** Not idempotent, as the real API: every call creates and bills a new license. */
    private ApiAnswer issue(LicensingPartner partner, Parameters parameters) {
        String slug = parameters.required("product", MAX_SLUG_LENGTH);
        LicensedProduct product = Catalogue.bySlug(slug).filter(partner::mayBuy).orElseThrow(() -> new LicensingError(400,
                "invalid_product", "The product is not in the catalogue or not one this partner may buy."));
        return license(licenses.issue(partner.id(), product, License.Origin.API, clock.instant()));
    }

    private ApiAnswer revoke(LicensingPartner partner, Parameters parameters) {
        License license = owned(partner, parameters.required("license_key", MAX_KEY_LENGTH));
        refuse(license.revoke(clock.instant()));
        licenses.count(LicenseStore.Counted.REVOKE);
        return license(license);
    }

    private ApiAnswer attach(LicensingPartner partner, String key, Parameters parameters) {
        String site = parameters.required("site", SiteAddress.MAX_LENGTH);
        if (!BLOG_ID.matcher(site).matches()) {
            parsed("site", site); // a malformed site is a bad parameter, refused before the partner's rights
        }
        mayAttach(partner);
        License license = owned(partner, key);
        refuse(attach(license, site(site)));
        licenses.count(LicenseStore.Counted.ATTACH);
        return license(license);
    }

    /**
     * The site that a blog id, a URL ({@code https://example.com/sub/}) or an identifier names; an address seen for
     * the first time becomes a site with a new blog id, as any existing WordPress site has one.
     */
    Site site(String value) {
        if (BLOG_ID.matcher(value).matches()) {
            return sites.find(value).orElseThrow(() -> unknownSite("No site has the blog id " + value + "."));
        }
        return sites.getOrCreate(existing(parsed("site", value)));
    }

    License.Change attach(License license, Site site) {
        return license.attach(site.blogId(), "https://" + site.address().url(), clock.instant());
    }

    private ApiAnswer detach(LicensingPartner partner, String key, Parameters parameters) {
        boolean email = "1".equals(parameters.oneOf("cancellation_email", List.of("0", "1"), "1"));
        mayAttach(partner);
        License license = owned(partner, key);
        refuse(license.detach(email));
        licenses.count(LicenseStore.Counted.DETACH);
        return license(license);
    }

    /**
     * {@code success} for a site seen for the first time, {@code previously_connected} (with the blog id as a string,
     * as the spec warns it may come) for a known site not connected yet, {@code already_connected} otherwise.
     */
    private ApiAnswer connect(Parameters parameters) {
        String url = parameters.required("url", SiteAddress.MAX_LENGTH);
        parameters.required("local_user", MAX_LOCAL_USER_LENGTH);
        SiteAddress address = existing(parsed("url", url));
        boolean known = sites.find(address.identifier()).isPresent();
        Site site = sites.getOrCreate(address);
        if (site.connect()) {
            return ApiAnswer.json(200, new SiteConnection("already_connected", site.blogId()));
        }
        return ApiAnswer.json(200, known ? new SiteConnection("previously_connected", Long.toString(site.blogId()))
                : new SiteConnection("success", site.blogId()));
    }

    /** A URL or an identifier ({@code example.com::sub}). */
    private static SiteAddress parsed(String name, String value) {
        Optional<SiteAddress> address = value.contains(IDENTIFIER_SEPARATOR)
                ? SiteAddress.fromIdentifier(value)
                : SiteAddress.fromSiteUrl(value);
        return address.orElseThrow(() -> LicensingError.invalid(name, "a site URL or host::path"
                + ("site".equals(name) ? ", or a blog id" : "")));
    }

    /** Hosts under {@code .invalid} do not resolve: no site can exist there. */
    private static SiteAddress existing(SiteAddress address) {
        if (!address.resolves()) {
            throw unknownSite("The site " + address.url() + " does not exist (its domain does not resolve).");
        }
        return address;
    }

    private static LicensingError unknownSite(String message) {
        return new LicensingError(400, "unknown_site", message);
    }

    private static void mayAttach(LicensingPartner partner) {
        if (!partner.mayAttach()) {
            throw new LicensingError(403, "not_allowlisted", "This partner is not allowed to attach or detach licenses.");
        }
    }

    /** Unknown keys (over-long ones included) 404; another partner's 403. */
    private License owned(LicensingPartner partner, String key) {
        License license = (key == null || key.length() > MAX_KEY_LENGTH ? Optional.<License>empty() : licenses.find(key))
                .orElseThrow(() -> new LicensingError(404, "license_not_found", "No license has this key."));
        if (!license.partnerId().equals(partner.id())) {
            throw new LicensingError(403, "forbidden", "The license belongs to another partner.");
        }
        return license;
    }

    private static void refuse(License.Change change) {
        switch (change) {
            case REVOKED -> throw new LicensingError(400, "license_revoked", "The license is revoked.");
            case ALREADY_ATTACHED -> throw new LicensingError(400, "license_already_attached",
                    "The license is attached to a site already; detach it first.");
            case NOT_ATTACHED -> throw new LicensingError(400, "license_not_attached", "The license is not attached.");
            case ALREADY_REVOKED -> throw new LicensingError(400, "license_already_revoked", "The license is revoked already.");
            case DONE -> {
                // nothing to refuse
            }
        }
    }

    private List<LicenseSnapshot> partnerLicenses(LicensingPartner partner) {
        return licenses.snapshots().stream().filter(l -> l.partnerId().equals(partner.id())).toList();
    }

    /** {@code {attached, detached, revoked, not_revoked}}. */
    static Map<String, Long> counts(List<LicenseSnapshot> licenses) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String filter : List.of("attached", "detached", "revoked", "not_revoked")) {
            counts.put(filter, licenses.stream().filter(l -> LicenseQuery.inFilter(filter, l)).count());
        }
        return counts;
    }

    private static ApiAnswer license(License license) {
        return ApiAnswer.json(200, license.snapshot().apiView());
    }
}
