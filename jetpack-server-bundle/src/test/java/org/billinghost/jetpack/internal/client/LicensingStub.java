package org.billinghost.jetpack.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;

/**
 * A Licensing API with state for MockWebServer: licenses are issued, attached, detached and revoked as the contract
 * says, so tests can count what a partner would be billed for. Faults: an issue whose answer is lost after the
 * license was made ({@link #loseIssues}), a scripted answer instead of the real one ({@link #on}).
 */
public final class LicensingStub extends Dispatcher {
    public static final String TOKEN = "partner-token-123";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** slug → [product id, name, family name, family slug, monthly cost] */
    private static final Map<String, Object[]> PRODUCTS = new LinkedHashMap<>();

    static {
        PRODUCTS.put("jetpack-backup-daily", new Object[] {2100, "Jetpack Backup (Daily)", "Jetpack Backup", "jetpack-backup", "4.95"});
        PRODUCTS.put("jetpack-scan", new Object[] {2106, "Jetpack Scan Daily", "Jetpack Scan", "jetpack-scan", "4.50"});
        PRODUCTS.put("jetpack-complete", new Object[] {2014, "Jetpack Complete", "Jetpack Packs", "jetpack-packs", "24.95"});
    }

    /** A license as the stub keeps it. */
    public static final class Entry {
        public final long id;
        public final String key;
        public final String slug;
        public final Instant issuedAt;
        public volatile String site = "";
        public volatile Instant attachedAt;
        public volatile Instant revokedAt;

        Entry(long id, String key, String slug, Instant issuedAt) {
            this.id = id;
            this.key = key;
            this.slug = slug;
            this.issuedAt = issuedAt;
        }
    }

    private final Map<String, Entry> licenses = new LinkedHashMap<>();
    private final Map<String, Deque<MockResponse>> scripted = new LinkedHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger lostIssues = new AtomicInteger();
    private final AtomicInteger slowIssues = new AtomicInteger();
    private long nextId = 1000;
    private volatile boolean allowAttach = true;
    private double lostChance;
    private double lateChance;
    private java.util.Random random = new java.util.Random(0);

    /** Queues answers for an endpoint instead of the real behaviour (no state change): see {@link #endpoint}. */
    public synchronized LicensingStub on(String endpoint, MockResponse... responses) {
        scripted.computeIfAbsent(endpoint, e -> new ArrayDeque<>()).addAll(List.of(responses));
        return this;
    }

    /** The next {@code n} issues make the license, then drop the connection before answering. */
    public LicensingStub loseIssues(int n) {
        lostIssues.set(n);
        return this;
    }

    /** The next {@code n} issues make the license, then answer after the client's read time-out. */
    public LicensingStub slowIssues(int n) {
        slowIssues.set(n);
        return this;
    }

    /**
     * From now on, each issue makes the license and then, with these chances, loses the answer or answers after the
     * client's read time-out (a seeded draw: the same run every time).
     */
    public LicensingStub issueFaults(double lost, double late, long seed) {
        this.lostChance = lost;
        this.lateChance = late;
        this.random = new java.util.Random(seed);
        return this;
    }

    /** Attaching is refused with 403 not_allowlisted. */
    public LicensingStub refuseAttach() {
        allowAttach = false;
        return this;
    }

    /** A license made at the API directly (by hand, or by a call whose answer was lost). */
    public synchronized Entry issueDirectly(String slug, Instant issuedAt) {
        long id = nextId++;
        Entry entry = new Entry(id, slug + "_" + String.format("%025d", id), slug, issuedAt);
        licenses.put(entry.key, entry);
        return entry;
    }

    public synchronized List<Entry> unrevoked() {
        return licenses.values().stream().filter(e -> e.revokedAt == null).toList();
    }

    public synchronized Entry get(String key) {
        return licenses.get(key);
    }

    public int count(String endpoint) {
        return (int) requests.stream().filter(r -> endpoint(r).equals(endpoint)).count();
    }

    public List<RecordedRequest> requests(String endpoint) {
        return requests.stream().filter(r -> endpoint(r).equals(endpoint)).toList();
    }

    /** {@code issue}, {@code license}, {@code revoke}, {@code attach}, {@code detach}, {@code licenses}, {@code families}, {@code partner-families}. */
    public static String endpoint(RecordedRequest request) {
        List<String> path = request.getUrl().pathSegments();
        int base = path.indexOf("jetpack-licensing");
        List<String> rest = path.subList(base + 1, path.size());
        String method = request.getMethod();
        if (rest.size() == 3 && rest.get(2).equals("site")) {
            return method.equals("POST") ? "attach" : "detach";
        }
        return switch (String.join("/", rest)) {
            case "license" -> switch (method) {
                case "POST" -> "issue";
                case "DELETE" -> "revoke";
                default -> "license";
            };
            case "licenses" -> "licenses";
            case "product-families" -> "families";
            case "partner/product-families" -> "partner-families";
            default -> "unknown";
        };
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        String endpoint = endpoint(request);
        Deque<MockResponse> queue = scripted.get(endpoint);
        if (queue != null && !queue.isEmpty()) {
            return queue.poll();
        }
        if (!endpoint.equals("families") && !("Bearer " + TOKEN).equals(request.getHeaders().get("Authorization"))) {
            return error(403, "invalid_token", "The token is not valid.");
        }
        HttpUrl url = request.getUrl();
        try {
            return switch (endpoint) {
                case "issue" -> issue(request);
                case "license" -> withLicense(url.queryParameter("license_key"), e -> answer(e));
                case "revoke" -> withLicense(url.queryParameter("license_key"), e -> {
                    if (e.revokedAt != null) {
                        return error(400, "license_already_revoked", "The license is already revoked.");
                    }
                    e.revokedAt = now();
                    e.attachedAt = null;
                    return answer(e);
                });
                case "attach" -> withLicense(url.pathSegments().get(url.pathSegments().size() - 2), e -> attach(e, request));
                case "detach" -> withLicense(url.pathSegments().get(url.pathSegments().size() - 2), e -> {
                    if (e.attachedAt == null) {
                        return error(400, "license_not_attached", "The license is not attached.");
                    }
                    e.attachedAt = null;
                    e.site = "";
                    return answer(e);
                });
                case "licenses" -> list(url);
                case "families", "partner-families" -> families(endpoint.equals("partner-families"));
                default -> error(404, "rest_no_route", "No route.");
            };
        } catch (IOException e) {
            return error(400, "bad_request", "Unreadable body.");
        }
    }

    private MockResponse issue(RecordedRequest request) throws IOException {
        String slug = request.getUrl().queryParameter("product");
        if (slug == null) {
            slug = JSON.readTree(request.getBody().utf8()).path("product").asText();
        }
        if (!PRODUCTS.containsKey(slug)) {
            return error(400, "invalid_product", "The product is not valid.");
        }
        Entry entry = issueDirectly(slug, now());
        double draw = random.nextDouble();
        if (lostIssues.getAndUpdate(n -> Math.max(0, n - 1)) > 0 || draw < lostChance) {
            return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
        }
        if (slowIssues.getAndUpdate(n -> Math.max(0, n - 1)) > 0 || draw < lostChance + lateChance) {
            return new MockResponse.Builder(answer(entry))
                    .headersDelay(TestClients.READ_TIMEOUT_MILLIS * 4L, TimeUnit.MILLISECONDS).build();
        }
        return answer(entry);
    }

    private MockResponse attach(Entry e, RecordedRequest request) {
        if (!allowAttach) {
            return error(403, "not_allowlisted", "This partner may not attach licenses.");
        }
        if (e.revokedAt != null) {
            return error(400, "license_revoked", "The license is revoked.");
        }
        if (e.attachedAt != null) {
            return error(400, "license_already_attached", "The license is already attached.");
        }
        String site;
        try {
            site = JSON.readTree(request.getBody().utf8()).path("site").asText();
        } catch (IOException unreadable) {
            return error(400, "bad_request", "Unreadable body.");
        }
        if (site.isBlank() || site.startsWith("unknown")) {
            return error(400, "invalid_site", "The site is not known.");
        }
        e.site = "https://" + site.replace("::", "/") + "/";
        e.attachedAt = now();
        return answer(e);
    }

    private MockResponse list(HttpUrl url) {
        String filter = url.queryParameter("filter");
        boolean desc = "desc".equals(url.queryParameter("sort_direction"));
        int page = Integer.parseInt(url.queryParameter("page"));
        int perPage = Integer.parseInt(url.queryParameter("per_page"));
        List<Entry> matching = new ArrayList<>(licenses.values().stream().filter(e -> switch (filter == null ? "" : filter) {
            case "detached" -> e.revokedAt == null && e.attachedAt == null;
            case "attached" -> e.revokedAt == null && e.attachedAt != null;
            case "revoked" -> e.revokedAt != null;
            case "not_revoked" -> e.revokedAt == null;
            default -> true;
        }).toList());
        Comparator<Entry> order = Comparator.comparing((Entry e) -> e.issuedAt).thenComparingLong(e -> e.id);
        matching.sort(desc ? order.reversed() : order);
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        matching.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(e -> items.add(node(e)));
        body.put("current_page", page).put("items_per_page", perPage).put("total_items", matching.size())
                .put("total_pages", Math.max(1, (matching.size() + perPage - 1) / perPage));
        return json(200, body.toString());
    }

    private static MockResponse families(boolean partner) {
        Map<String, ArrayNode> byFamily = new LinkedHashMap<>();
        ArrayNode families = JSON.createArrayNode();
        PRODUCTS.forEach((slug, p) -> {
            ArrayNode products = byFamily.computeIfAbsent((String) p[3], f -> {
                ObjectNode family = families.addObject().put("name", (String) p[2]).put("slug", f);
                return family.putArray("products");
            });
            ObjectNode product = products.addObject().put("product_id", (Integer) p[0]).put("name", (String) p[1])
                    .put("slug", slug);
            if (partner) {
                product.put("currency", "usd").put("amount", Double.parseDouble((String) p[4])).put("price_interval", "month");
            }
        });
        return json(200, families.toString());
    }

    private MockResponse withLicense(String key, java.util.function.Function<Entry, MockResponse> action) {
        Entry entry = key == null ? null : licenses.get(key);
        return entry == null ? error(404, "license_not_found", "The license was not found.") : action.apply(entry);
    }

    private static MockResponse answer(Entry e) {
        return json(200, node(e).toString());
    }

    private static JsonNode node(Entry e) {
        ObjectNode node = JSON.createObjectNode().put("license_id", e.id).put("license_key", e.key)
                .put("product_id", (Integer) PRODUCTS.get(e.slug)[0]).put("product", (String) PRODUCTS.get(e.slug)[1])
                .put("issued_at", TIME.format(LocalDateTime.ofInstant(e.issuedAt, ZoneOffset.UTC)));
        node.put("attached_at", e.attachedAt == null ? null : TIME.format(LocalDateTime.ofInstant(e.attachedAt, ZoneOffset.UTC)));
        node.put("revoked_at", e.revokedAt == null ? null : TIME.format(LocalDateTime.ofInstant(e.revokedAt, ZoneOffset.UTC)));
        node.put("siteurl", e.site);
        node.put("blog_id", e.attachedAt == null ? 0 : 77);
        return node;
    }

    public static MockResponse error(int status, String code, String message) {
        return new MockResponse.Builder(json(status, JSON.createObjectNode().put("code", code).put("message", message)
                .toString())).setHeader("X-Jetpack-Request-Id", "req-" + code).build();
    }

    public static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
                .setHeader("X-Jetpack-Request-Id", "req-ok").body(body).build();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
}
