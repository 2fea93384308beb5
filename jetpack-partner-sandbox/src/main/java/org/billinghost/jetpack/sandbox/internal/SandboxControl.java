package org.billinghost.jetpack.sandbox.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.billinghost.jetpack.sandbox.internal.licensing.LicensingSandbox;

/** The sandbox's own endpoints under {@code /_sandbox}: inspection, fault injection and reset. */
final class SandboxControl {

    private static final String SITES_PREFIX = "/sites/";
    private static final String LICENSES = "/licenses";
    /** {@code POST /sites/{site}/connect}: what the customer's following the activation link does. */
    private static final String CONNECT_SUFFIX = "/connect";
    private static final ObjectReader FAULT_READER = ApiAnswer.JSON.readerFor(FaultSpec.class);

    /** Reads the request body on demand, so only the calls that take a body read it. */
    interface Body {
        byte[] read() throws IOException;
    }

    private final RequestStats stats;
    private final SiteRegistry sites;
    private final AccessTokens tokens;
    private final FaultInjector faults;
    private final LicensingSandbox licensing;

    SandboxControl(RequestStats stats, SiteRegistry sites, AccessTokens tokens, FaultInjector faults,
                   LicensingSandbox licensing) {
        this.stats = stats;
        this.sites = sites;
        this.tokens = tokens;
        this.faults = faults;
        this.licensing = licensing;
    }

    /** @param path the part after {@code /_sandbox}, e.g. {@code /stats} */
    ApiAnswer handle(String method, String path, Body body) throws IOException {
        switch (path) {
            case "/stats":
                return only("GET", method, () -> ApiAnswer.json(200, stats.snapshot()));
            case "/sites":
                return only("GET", method, () -> ApiAnswer.json(200,
                        Map.of("sites", sites.all().stream().map(Site::view).toList())));
            case "/faults":
                if ("POST".equals(method)) {
                    return addFaults(body.read());
                }
                if ("DELETE".equals(method)) {
                    faults.clear();
                    return faultList(List.of());
                }
                return "GET".equals(method) ? faultList(faults.list()) : ApiAnswer.methodNotAllowed("GET, POST, DELETE");
            case "/tokens/revoke":
                return only("POST", method, () -> {
                    tokens.revokeAll();
                    return ApiAnswer.json(200, Map.of("revoked", true));
                });
            case "/reset":
                return only("POST", method, () -> {
                    reset();
                    return ApiAnswer.json(200, Map.of("reset", true));
                });
            default:
                if (path.equals(LICENSES) || path.startsWith(LICENSES + "/")) {
                    Optional<ApiAnswer> answer = licensing.inspect(method, path.substring(LICENSES.length()),
                            "POST".equals(method) ? body.read() : new byte[0]);
                    if (answer.isPresent()) {
                        return answer.get();
                    }
                }
                if (path.startsWith(SITES_PREFIX) && path.endsWith(CONNECT_SUFFIX)) {
                    String site = path.substring(SITES_PREFIX.length(), path.length() - CONNECT_SUFFIX.length());
                    return only("POST", method, () -> sites.find(site).map(found -> {
                        found.connect();
                        return ApiAnswer.json(200, found.view());
                    }).orElseGet(SandboxControl::unknownSite));
                }
                if (path.startsWith(SITES_PREFIX)) {
                    return only("GET", method, () -> sites.find(path.substring(SITES_PREFIX.length()))
                            .map(site -> ApiAnswer.json(200, site.view()))
                            .orElseGet(SandboxControl::unknownSite));
                }
                return ApiAnswer.error(404, "unknown_endpoint", "No sandbox endpoint at /_sandbox" + path + ".");
        }
    }

    /** Forgets sites, licenses, tokens, counts and faults. */
    void reset() {
        faults.clear();
        licensing.reset();
        sites.clear();
        tokens.revokeAll();
        stats.clear();
    }

    private ApiAnswer addFaults(byte[] json) {
        try {
            JsonNode tree = ApiAnswer.JSON.readTree(json);
            if (tree == null || !(tree.isObject() || tree.isArray())) {
                return invalidFault("The body must be a JSON object or an array of objects.");
            }
            List<FaultSpec> specs = new ArrayList<>();
            for (JsonNode node : tree.isArray() ? tree : List.of(tree)) {
                specs.add(FAULT_READER.readValue(node));
            }
            return faultList(faults.add(specs));
        } catch (UnrecognizedPropertyException e) {
            return invalidFault("Unknown field '" + e.getPropertyName() + "'; known fields: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ".");
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "a field" : "field '" + e.getPath().get(e.getPath().size() - 1).getFieldName() + "'";
            return invalidFault("The value of " + field + " has the wrong type.");
        } catch (JsonProcessingException e) {
            return invalidFault("The body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return invalidFault("The body could not be read.");
        } catch (IllegalArgumentException e) {
            return invalidFault(e.getMessage());
        }
    }

    private static ApiAnswer unknownSite() {
        return ApiAnswer.error(404, "unknown_blog", "The sandbox has not seen this site.");
    }

    private static ApiAnswer invalidFault(String message) {
        return ApiAnswer.error(400, "invalid_fault", message);
    }

    private static ApiAnswer faultList(List<FaultView> views) {
        return ApiAnswer.json(200, Map.of("faults", views));
    }

    private static ApiAnswer only(String allowed, String method, Supplier<ApiAnswer> call) {
        return allowed.equals(method) ? call.get() : ApiAnswer.methodNotAllowed(allowed);
    }
}
