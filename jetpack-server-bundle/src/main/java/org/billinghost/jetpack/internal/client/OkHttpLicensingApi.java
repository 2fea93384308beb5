package org.billinghost.jetpack.internal.client;

import static org.billinghost.jetpack.internal.client.Outcomes.Operation.ATTACH;
import static org.billinghost.jetpack.internal.client.Outcomes.Operation.CATALOGUE;
import static org.billinghost.jetpack.internal.client.Outcomes.Operation.DETACH;
import static org.billinghost.jetpack.internal.client.Outcomes.Operation.ISSUE;
import static org.billinghost.jetpack.internal.client.Outcomes.Operation.LICENSE;
import static org.billinghost.jetpack.internal.client.Outcomes.Operation.LIST;
import static org.billinghost.jetpack.internal.client.Outcomes.Operation.REVOKE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.billinghost.api.platform.Metrics;
import org.billinghost.api.platform.ModuleLog;
import org.billinghost.jetpack.internal.client.Outcomes.Operation;
import org.billinghost.jetpack.partner.ApiOutcome;
import org.billinghost.jetpack.partner.License;
import org.billinghost.jetpack.partner.LicenseCatalogue;
import org.billinghost.jetpack.partner.LicensePage;
import org.billinghost.jetpack.partner.LicenseProduct;
import org.billinghost.jetpack.partner.LicenseQuery;
import org.billinghost.jetpack.partner.LicenseResult;
import org.billinghost.jetpack.partner.LicensingApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetpack Licensing API over OkHttp for one configuration ({@code <baseUrl>/wpcom/v2/jetpack-licensing}); closed
 * when the configuration changes. {@code POST /license} is sent once per call, never repeated here: a lost answer
 * may have issued (and billed) a license, which only the caller can look for.
 */
final class OkHttpLicensingApi implements LicensingApi, AutoCloseable {
    static final String MODULE = "jetpack_licensing";
    static final String API_PATH = "wpcom/v2/jetpack-licensing";
    /** How long the public catalogue is reused. */
    static final Duration CATALOGUE_TTL = Duration.ofMinutes(15);
    /** How long a failure to load it is reused, so that pages listing the module's settings do not wait each time. */
    static final Duration CATALOGUE_FAILURE_TTL = Duration.ofMinutes(1);
    /** A license key longer than this is not one (keys are a slug and 25 letters and digits). */
    static final int MAX_KEY_LENGTH = 200;
    static final int MAX_SLUG_LENGTH = 100;
    static final int MAX_SITE_LENGTH = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(OkHttpLicensingApi.class);
    private static final DateTimeFormatter API_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ClientSettings settings;
    private final PartnerHttp http;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();
    private volatile CachedCatalogue cached;

    private record CachedCatalogue(LicenseCatalogue catalogue, Instant loaded) {
    }

    OkHttpLicensingApi(ClientSettings settings, Supplier<ModuleLog> moduleLog, Clock clock) {
        this(settings, moduleLog, () -> null, clock);
    }

    OkHttpLicensingApi(ClientSettings settings, Supplier<ModuleLog> moduleLog, Supplier<Metrics> metrics, Clock clock) {
        this.settings = settings;
        this.http = new PartnerHttp(settings, moduleLog, metrics, MODULE, false);
        this.clock = clock;
    }

    private static <T> T guard(Operation op, Supplier<T> body, Function<ApiOutcome, T> onFailure) {
        return OkHttpPartnerApi.guard(op, body, onFailure);
    }

    @Override
    public LicenseResult issue(String token, String productSlug) {
        String slug = productSlug == null ? "" : productSlug.trim();
        return one(ISSUE, token, () -> slug.isEmpty() ? LicensingOutcomes.missing("product slug")
                        : slug.length() > MAX_SLUG_LENGTH ? LicensingOutcomes.tooLong("product slug", MAX_SLUG_LENGTH) : null,
                () -> http.send("issue", "POST", base().addPathSegment("license").addQueryParameter("product", slug).build(),
                        token, json("product", slug), List.of(token)));
    }

    @Override
    public LicenseResult license(String token, String key) {
        String k = trim(key);
        return one(LICENSE, token, () -> keyProblem(k),
                () -> http.get("license", base().addPathSegment("license").addQueryParameter("license_key", k).build(),
                        token, List.of(token)));
    }

    @Override
    public LicenseResult revoke(String token, String key) {
        String k = trim(key);
        return one(REVOKE, token, () -> keyProblem(k),
                () -> http.send("revoke", "DELETE", base().addPathSegment("license").addQueryParameter("license_key", k)
                        .build(), token, null, List.of(token)));
    }

    @Override
    public LicenseResult attach(String token, String key, String site) {
        String k = trim(key);
        String s = trim(site);
        return one(ATTACH, token, () -> keyProblem(k) != null ? keyProblem(k) : s.isEmpty() ? LicensingOutcomes.missing("site")
                        : s.length() > MAX_SITE_LENGTH ? LicensingOutcomes.tooLong("site", MAX_SITE_LENGTH) : null,
                () -> http.send("attach", "POST", base().addPathSegment("license").addPathSegment(k).addPathSegment("site")
                        .build(), token, json("site", s), List.of(token)));
    }

    @Override
    public LicenseResult detach(String token, String key) {
        String k = trim(key);
        return one(DETACH, token, () -> keyProblem(k),
                () -> http.send("detach", "DELETE", base().addPathSegment("license").addPathSegment(k).addPathSegment("site")
                        .addQueryParameter("cancellation_email", "0").build(), token, null, List.of(token)));
    }

    @Override
    public LicensePage licenses(String token, LicenseQuery query) {
        return guard(LIST, () -> {
            ApiOutcome invalid = setUpProblem(token);
            if (invalid != null) {
                return LicensePage.failed(invalid);
            }
            HttpUrl.Builder url = base().addPathSegment("licenses")
                    .addQueryParameter("page", Integer.toString(query.page()))
                    .addQueryParameter("per_page", Integer.toString(query.perPage()))
                    .addQueryParameter("sort_field", query.sortField())
                    .addQueryParameter("sort_direction", query.descending() ? "desc" : "asc");
            if (!query.filter().isEmpty()) {
                url.addQueryParameter("filter", query.filter());
            }
            if (!query.search().isEmpty()) {
                url.addQueryParameter("search", query.search());
            }
            Reply reply = http.get("licenses", url.build(), token, List.of(token));
            ApiOutcome failure = failure(LIST, reply);
            if (failure != null) {
                return LicensePage.failed(failure);
            }
            JsonNode items = reply.json().path("items");
            if (!items.isArray()) {
                return LicensePage.failed(Outcomes.unexpectedAnswer(LIST, reply));
            }
            List<License> licenses = new ArrayList<>();
            items.forEach(item -> licenses.add(license(item)));
            JsonNode body = reply.json();
            return new LicensePage(ApiOutcome.success("Licenses, page " + query.page() + "."), licenses,
                    body.path("current_page").asInt(query.page()), body.path("total_pages").asInt(1),
                    body.path("total_items").asInt(licenses.size()));
        }, LicensePage::failed);
    }

    @Override
    public LicenseCatalogue catalogue() {
        CachedCatalogue current = cached;
        if (current != null && current.loaded().plus(current.catalogue().outcome().ok() ? CATALOGUE_TTL
                : CATALOGUE_FAILURE_TTL).isAfter(clock.instant())) {
            return current.catalogue();
        }
        LicenseCatalogue loaded = loadCatalogue("product-families", null);
        cached = new CachedCatalogue(loaded, clock.instant());
        return loaded;
    }

    @Override
    public LicenseCatalogue partnerCatalogue(String token) {
        ApiOutcome invalid = setUpProblem(token);
        return invalid != null ? new LicenseCatalogue(invalid, List.of()) : loadCatalogue("partner-product-families", token);
    }

    private LicenseCatalogue loadCatalogue(String action, String token) {
        return guard(CATALOGUE, () -> {
            if (settings.baseUrl() == null) {
                return new LicenseCatalogue(Outcomes.invalidBaseUrl(settings.rawBaseUrl()), List.of());
            }
            HttpUrl.Builder url = base();
            if (token != null) {
                url.addPathSegment("partner");
            }
            Reply reply = http.get(action, url.addPathSegment("product-families").build(), token,
                    token == null ? List.of() : List.of(token));
            // the answer is a JSON array, which the common checks take for an unknown shape
            ApiOutcome failure = reply.successful() && reply.otherJson() ? null : Outcomes.common(CATALOGUE, reply,
                    settings.rawBaseUrl());
            if (failure == null && !reply.successful()) {
                failure = LicensingOutcomes.refused(CATALOGUE, reply);
            }
            if (failure != null) {
                return new LicenseCatalogue(failure, List.of());
            }
            JsonNode families = parseArray(reply.body());
            if (families == null) {
                return new LicenseCatalogue(Outcomes.unexpectedAnswer(CATALOGUE, reply), List.of());
            }
            List<LicenseProduct> products = new ArrayList<>();
            for (JsonNode family : families) {
                for (JsonNode product : family.path("products")) {
                    String slug = Reply.string(product, "slug");
                    if (!slug.isEmpty()) {
                        products.add(new LicenseProduct(Reply.string(family, "name"), Reply.string(family, "slug"),
                                product.path("product_id").asLong(0), Reply.string(product, "name"), slug,
                                Reply.string(product, "currency"), amount(product.get("amount")),
                                Reply.string(product, "price_interval")));
                    }
                }
            }
            return new LicenseCatalogue(ApiOutcome.success("The Jetpack catalogue has " + products.size() + " products."),
                    products);
        }, failure -> new LicenseCatalogue(failure, List.of()));
    }

    private JsonNode parseArray(String body) {
        try {
            JsonNode node = mapper.readTree(body);
            return node != null && node.isArray() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static BigDecimal amount(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return new BigDecimal(node.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A call about one license: checks, sends, and reads the License of a 200 answer. */
    private LicenseResult one(Operation op, String token, Supplier<ApiOutcome> inputProblem, Supplier<Reply> send) {
        return guard(op, () -> {
            ApiOutcome invalid = setUpProblem(token);
            if (invalid == null) {
                invalid = inputProblem.get();
            }
            if (invalid != null) {
                return LicenseResult.failed(invalid);
            }
            Reply reply = send.get();
            ApiOutcome failure = failure(op, reply);
            if (failure != null) {
                return LicenseResult.failed(failure);
            }
            License license = license(reply.json());
            if (license.key().isEmpty()) {
                return LicenseResult.failed(Outcomes.unexpectedAnswer(op, reply));
            }
            return new LicenseResult(ApiOutcome.success("License " + license.key() + ": done " + op.doing + "."), license);
        }, LicenseResult::failed);
    }

    /** Why the reply is no success (trouble, 5xx, 429, refusal...), or null. */
    private ApiOutcome failure(Operation op, Reply reply) {
        ApiOutcome common = Outcomes.common(op, reply, settings.rawBaseUrl());
        if (common != null) {
            if (!reply.requestId().isEmpty()) {
                LOG.info("Jetpack Licensing API failure op={} requestId={}", op, reply.requestId());
            }
            return common;
        }
        return reply.successful() ? null : LicensingOutcomes.refused(op, reply);
    }

    private License license(JsonNode node) {
        return new License(text(node, "license_id"), Reply.string(node, "license_key"), text(node, "product"),
                node.path("product_id").asLong(0), time(node, "issued_at"), time(node, "attached_at"),
                time(node, "revoked_at"), node.path("blog_id").asLong(0), text(node, "siteurl"));
    }

    /** A string or a number as text; empty for null, a container or absence. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? "" : value.asText().trim();
    }

    /** {@code "2020-09-08 16:14:58"} (UTC, as the API answers) or ISO-8601; null when absent or unreadable. */
    static Instant time(JsonNode node, String field) {
        String value = text(node, field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value, API_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notApiForm) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException unreadable) {
                    return null;
                }
            }
        }
    }

    private String json(String field, String value) {
        ObjectNode body = mapper.createObjectNode().put(field, value);
        return body.toString();
    }

    private HttpUrl.Builder base() {
        return settings.baseUrl().newBuilder().addPathSegments(API_PATH);
    }

    private ApiOutcome setUpProblem(String token) {
        if (settings.baseUrl() == null) {
            return Outcomes.invalidBaseUrl(settings.rawBaseUrl());
        }
        return token == null || token.isBlank() ? LicensingOutcomes.missingToken() : null;
    }

    private static ApiOutcome keyProblem(String key) {
        return key.isEmpty() ? LicensingOutcomes.missing("license key")
                : key.length() > MAX_KEY_LENGTH ? LicensingOutcomes.tooLong("license key", MAX_KEY_LENGTH) : null;
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    @Override
    public void close() {
        http.close();
    }
}
