package org.billinghost.jetpack.sandbox.internal.licensing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.billinghost.jetpack.sandbox.internal.Endpoint;

/** Which Licensing API endpoint a method and a path (relative to the base, trailing slash optional) name. */
final class LicensingRoutes {

    private static final Pattern ATTACHMENT = Pattern.compile("/license/([^/]+)/site");

    private LicensingRoutes() {
    }

    static Optional<LicensingSandbox.Route> route(String method, String path) {
        String bare = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        Matcher attachment = ATTACHMENT.matcher(bare);
        if (attachment.matches()) {
            return switch (method) {
                case "POST" -> found(Endpoint.LICENSE_ATTACH, attachment.group(1));
                case "DELETE" -> found(Endpoint.LICENSE_DETACH, attachment.group(1));
                default -> Optional.empty();
            };
        }
        Endpoint endpoint = switch (method + " " + bare) {
            case "GET /license" -> Endpoint.LICENSE_GET;
            case "POST /license" -> Endpoint.LICENSE_ISSUE;
            case "DELETE /license" -> Endpoint.LICENSE_REVOKE;
            case "GET /product-families" -> Endpoint.PRODUCT_FAMILIES;
            case "GET /partner/product-families" -> Endpoint.PARTNER_PRODUCT_FAMILIES;
            case "POST /site-connection" -> Endpoint.SITE_CONNECTION;
            case "GET /licenses" -> Endpoint.LICENSES;
            case "GET /licenses/counts" -> Endpoint.LICENSE_COUNTS;
            default -> null;
        };
        return endpoint == null ? Optional.empty() : found(endpoint, null);
    }

    private static Optional<LicensingSandbox.Route> found(Endpoint endpoint, String key) {
        return Optional.of(new LicensingSandbox.Route(endpoint, key));
    }
}
