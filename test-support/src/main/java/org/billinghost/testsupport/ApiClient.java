package org.billinghost.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Calls the host's WHMCS-compatible API ({@code /includes/api.php}) with form-encoded fields. */
public final class ApiClient {
    public static final String DEMO_IDENTIFIER = "demo-api";
    public static final String DEMO_SECRET = "demo-api-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final String identifier;
    private final String secret;
    private final HttpClient http = Http.client(null);

    public ApiClient(String baseUrl, String identifier, String secret) {
        this.url = baseUrl + "includes/api.php";
        this.identifier = identifier;
        this.secret = secret;
    }

    /** With the demo credentials. */
    public static ApiClient demo(HostProcess host) {
        return new ApiClient(host.baseUrl(), DEMO_IDENTIFIER, DEMO_SECRET);
    }

    /** Calls {@code action}; answers the JSON of a success, throws {@link ApiException} for an error. */
    public JsonNode call(String action, Map<String, ?> params) {
        return answer(Http.postForm(http, url, withCredentials(action, params)));
    }

    /** As {@link #call}, with the parameters sent as a JSON object body (lists and objects as JSON). */
    public JsonNode callJson(String action, Map<String, ?> params) {
        String body;
        try {
            body = JSON.writeValueAsString(withCredentials(action, params));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return answer(Http.send(http, Http.request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()));
    }

    private Map<String, Object> withCredentials(String action, Map<String, ?> params) {
        Map<String, Object> fields = new LinkedHashMap<>(params);
        fields.put("action", action);
        fields.put("identifier", identifier);
        fields.put("secret", secret);
        fields.put("responsetype", "json");
        return fields;
    }

    private static JsonNode answer(HttpResponse<String> response) {
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (Exception e) {
            throw new ApiException(response.statusCode(), "not JSON (HTTP " + response.statusCode() + "): " + response.body());
        }
        if (!"success".equals(body.path("result").asText())) {
            throw new ApiException(response.statusCode(), body.path("message").asText(response.body()));
        }
        return body;
    }

    /** Adds a client with the password {@link #passwordOf}{@code (email)} and answers its id. */
    public long addClient(String firstName, String lastName, String email) {
        return call("AddClient", Map.of("firstname", firstName, "lastname", lastName, "email", email,
                "address1", "1 Main Street", "city", "Springfield", "state", "State", "postcode", "12345",
                "country", "US", "phonenumber", "5550100", "password2", passwordOf(email))).path("clientid").asLong();
    }

    /** The password {@link #addClient} gives the client of {@code email}. */
    public static String passwordOf(String email) {
        return "secret-" + email;
    }

    /** Places a one-product order; custom fields keyed by field name (sent as a JSON-free WHMCS base64 PHP array). */
    public JsonNode addOrder(long clientId, long productId, Map<String, String> customFieldsByIdOrName) {
        return addOrder(clientId, productId, customFieldsByIdOrName, "");
    }

    /**
     * As {@link #addOrder(long, long, Map)} with an {@code idempotencykey} (none when empty): a retry with
     * the same key is answered with the first order.
     */
    public JsonNode addOrder(long clientId, long productId, Map<String, String> customFieldsByIdOrName,
                             String idempotencyKey) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("clientid", clientId);
        params.put("pid[0]", productId);
        params.put("paymentmethod", "banktransfer");
        if (!customFieldsByIdOrName.isEmpty()) {
            params.put("customfields[0]", phpSerialisedBase64(customFieldsByIdOrName));
        }
        if (!idempotencyKey.isEmpty()) {
            params.put("idempotencykey", idempotencyKey);
        }
        return call("AddOrder", params);
    }

    /** WHMCS's {@code base64_encode(serialize(array(...)))} for string keys and values. */
    public static String phpSerialisedBase64(Map<String, String> values) {
        StringBuilder php = new StringBuilder("a:").append(values.size()).append(":{");
        values.forEach((k, v) -> php.append(phpString(k)).append(phpString(v)));
        php.append('}');
        return Base64.getEncoder().encodeToString(php.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String phpString(String s) {
        return "s:" + s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + ":\"" + s + "\";";
    }

    /** The status of a service, as GetClientsProducts shows it. */
    public String serviceStatus(long serviceId) {
        return service(serviceId).path("status").asText();
    }

    /** One service's entry of GetClientsProducts. */
    public JsonNode service(long serviceId) {
        JsonNode products = call("GetClientsProducts", Map.of("serviceid", serviceId)).path("products").path("product");
        if (!products.isArray() || products.isEmpty()) {
            throw new ApiException(404, "no service " + serviceId);
        }
        return products.get(0);
    }

    /** A custom field's value of a service, by field name; empty when not set. */
    public String customField(long serviceId, String name) {
        for (JsonNode field : service(serviceId).path("customfields").path("customfield")) {
            if (name.equals(field.path("name").asText())) {
                return field.path("value").asText();
            }
        }
        return "";
    }
}
