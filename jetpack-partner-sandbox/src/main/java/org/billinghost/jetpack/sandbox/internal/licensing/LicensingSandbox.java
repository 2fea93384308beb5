package org.billinghost.jetpack.sandbox.internal.licensing;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.billinghost.jetpack.sandbox.internal.ApiAnswer;
import org.billinghost.jetpack.sandbox.internal.Endpoint;
import org.billinghost.jetpack.sandbox.internal.ErrorShape;
import org.billinghost.jetpack.sandbox.internal.SiteRegistry;

/**
 * The Jetpack Licensing API emulation, as the sandbox servlet uses it: routing, answers, inspection and reset.
 * The servlet keeps what both APIs share (request counts, fault injection, writing answers). Thread-safe.
 */
public final class LicensingSandbox {

    /** Where the API lives under the sandbox's own base, as {@code /wpcom/v2/jetpack-licensing} under WordPress.com. */
    public static final String BASE = "/wpcom/v2/jetpack-licensing";
    public static final String REQUEST_ID_HEADER = "X-Jetpack-Request-Id";

    /** A routed call: its endpoint and, for attach and detach, the license key of its path. */
    public record Route(Endpoint endpoint, String key) {
    }

    private final LicensingPartners partners;
    private final LicenseStore licenses = new LicenseStore();
    private final LicensingApi api;
    private final LicensingInspection inspection;
    private final int maxBodyBytes;

    /**
     * @param partnerEntries {@code id:token:attach|noattach[:slug,slug]} entries
     * @param sites          the sites shared with the Partner API emulation (blog ids, connections)
     */
    public LicensingSandbox(String[] partnerEntries, SiteRegistry sites, Clock clock, int maxBodyBytes) {
        this.partners = LicensingPartners.parse(partnerEntries);
        this.api = new LicensingApi(partners, licenses, sites, clock);
        this.inspection = new LicensingInspection(partners, licenses, api, clock);
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Whether a path under the sandbox's base belongs to the Licensing API. */
    public static boolean serves(String path) {
        return path.equals(BASE) || path.startsWith(BASE + "/");
    }

    /** @param path a path for which {@link #serves} holds */
    public static Optional<Route> route(String method, String path) {
        return LicensingRoutes.route(method, path.substring(BASE.length()));
    }

    /** What WordPress's REST layer answers for a path or method it has no route for. */
    public static ApiAnswer noRoute() {
        return ErrorShape.LICENSING.answer(404, "rest_no_route", "No route was found matching the URL and request method.");
    }

    public ApiAnswer answer(Route route, HttpServletRequest request) throws IOException {
        return api.answer(route.endpoint(), route.key(), request.getHeader("Authorization"),
                () -> Parameters.read(request, maxBodyBytes));
    }

    /** Every Licensing API answer carries a request id, as the real one does (clients log it with failures). */
    public static ApiAnswer withRequestId(ApiAnswer answer) {
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        return answer.withHeader(REQUEST_ID_HEADER, HexFormat.of().formatHex(id));
    }

    /**
     * {@code /_sandbox/licenses...}.
     *
     * @param path the part after {@code /_sandbox/licenses}: empty, {@code /billing} or {@code /{key}}
     * @param body the request body (read for POST only)
     */
    public Optional<ApiAnswer> inspect(String method, String path, byte[] body) {
        if (path.isEmpty()) {
            return Optional.of(switch (method) {
                case "GET" -> inspection.list();
                case "POST" -> inspection.create(body);
                default -> ApiAnswer.methodNotAllowed("GET, POST");
            });
        }
        if (path.equals("/billing")) {
            return Optional.of("GET".equals(method) ? inspection.billing() : ApiAnswer.methodNotAllowed("GET"));
        }
        if (path.startsWith("/") && path.indexOf('/', 1) < 0) {
            return Optional.of("GET".equals(method) ? inspection.one(path.substring(1)) : ApiAnswer.methodNotAllowed("GET"));
        }
        return Optional.empty();
    }

    /** Forgets every license and call count. */
    public void reset() {
        licenses.clear();
    }

    public List<String> partnerIds() {
        return partners.all().stream().map(LicensingPartner::id).toList();
    }
}
