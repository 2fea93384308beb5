package org.billinghost.itests.support;

import java.util.Map;

import org.billinghost.testsupport.ApiClient;
import org.billinghost.testsupport.ApiException;

import com.fasterxml.jackson.databind.JsonNode;

/** API questions the process-level tests ask repeatedly, on top of the lead's {@link ApiClient}. */
public final class HostApi {
    private final ApiClient api;

    public HostApi(ApiClient api) {
        this.api = api;
    }

    public ApiClient client() {
        return api;
    }

    /** Whether a module of this type ({@code server} or {@code addon}) is registered by a running bundle. */
    public boolean moduleAvailable(String type, String name) {
        try {
            JsonNode answer = api.call("GetModuleConfigurationParameters", Map.of("moduleType", type, "moduleName", name));
            return answer.path("available").asBoolean(true);
        } catch (ApiException e) {
            return false;
        }
    }

    /** Adds a free product of the demo group (id 1, "Jetpack") served by {@code module}; answers its id. */
    public long addProduct(String name, String module, String autoSetup, Map<String, String> configOptions) {
        Map<String, Object> params = new java.util.LinkedHashMap<>(Map.of("gid", 1, "name", name, "module", module,
                "autosetup", autoSetup, "paytype", "free", "type", "other"));
        params.putAll(configOptions);
        return api.call("AddProduct", params).path("pid").asLong();
    }

    /** The product's entry of GetProducts. */
    public JsonNode product(long productId) {
        JsonNode products = api.call("GetProducts", Map.of("pid", productId)).path("products").path("product");
        if (!products.isArray() || products.size() != 1) {
            throw new AssertionError("product " + productId + " not found: " + products);
        }
        return products.get(0);
    }

    /** Places a one-product order and answers the id of its only service. */
    public long orderOne(long clientId, long productId) {
        JsonNode order = api.addOrder(clientId, productId, Map.of());
        return Long.parseLong(order.path("serviceids").asText());
    }

    /** Whether the activity log has an entry whose description contains {@code text}. */
    public boolean activityContains(String text) {
        JsonNode entries = api.call("GetActivityLog", Map.of("description", text, "limitnum", 50))
                .path("activity").path("entry");
        for (JsonNode entry : entries) {
            if (entry.path("description").asText().contains(text)) {
                return true;
            }
        }
        return false;
    }
}
