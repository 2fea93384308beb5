package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.NewCustomField;
import org.billinghost.api.platform.Product;
import org.junit.jupiter.api.Test;

/** GetClientsProducts, UpdateClientProduct. */
class ServiceApiTest extends ApiTestSupport {

    private static long order(long client, Product p, String domain) {
        return Long.parseLong(call("AddOrder", "clientid", String.valueOf(client), "pid", String.valueOf(p.id()),
                "domain", domain).ok().json().path("serviceids").asText());
    }

    @Test
    void getClientsProductsListsAClientsServicesWithStatusAndFilters() {
        long client = newClient();
        Product a = freeProduct(AutoSetup.MANUAL);
        Product b = freeProduct(AutoSetup.MANUAL);
        long s1 = order(client, a, "one.example");
        long s2 = order(client, b, "two.example");
        order(newClient(), a, "other-client.example");

        JsonNode all = call("GetClientsProducts", "clientid", String.valueOf(client)).ok().json();
        assertThat(all.path("totalresults").asInt()).isEqualTo(2);
        assertThat(all.path("products").path("product")).extracting(p -> p.path("id").asLong()).containsExactly(s1, s2);
        JsonNode first = all.path("products").path("product").get(0);
        assertThat(first.path("status").asText()).isEqualTo("Pending");
        assertThat(first.path("pid").asLong()).isEqualTo(a.id());
        assertThat(first.path("name").asText()).isEqualTo(a.name());
        assertThat(first.path("clientid").asLong()).isEqualTo(client);
        assertThat(first.path("billingcycle").asText()).isEqualTo("Free Account");

        assertThat(call("GetClientsProducts", "clientid", String.valueOf(client), "pid", String.valueOf(b.id())).ok()
                .json().path("products").path("product")).extracting(p -> p.path("id").asLong()).containsExactly(s2);
        assertThat(call("GetClientsProducts", "clientid", String.valueOf(client), "domain", "ONE.example").ok()
                .json().path("products").path("product")).extracting(p -> p.path("id").asLong()).containsExactly(s1);
        assertThat(call("GetClientsProducts", "clientid", String.valueOf(client), "serviceid", String.valueOf(s2)).ok()
                .json().path("totalresults").asInt()).isEqualTo(1);
    }

    @Test
    void getClientsProductsRefusesUnknownAndMalformedIds() {
        call("GetClientsProducts", "clientid", "999999").refused(200, "Client ID Not Found");
        call("GetClientsProducts", "clientid", "-4").refused(200, "Parameter clientid must be a positive whole number");
        assertThat(call("GetClientsProducts", "serviceid", "999999").ok().json().path("totalresults").asInt()).isZero();
    }

    @Test
    void updateClientProductChangesDomainStatusAndCustomFields() {
        Product p = freeProduct(AutoSetup.MANUAL, NewCustomField.text("Site URL", "", false, true));
        long serviceId = order(newClient(), p, "old.example");
        long fieldId = p.customFields().get(0).id();
        String serialised = "a:1:{i:" + fieldId + ";s:20:\"https://new.example/\";}";

        call("UpdateClientProduct", "serviceid", String.valueOf(serviceId), "domain", "new.example",
                "status", "Active", "customfields",
                Base64.getEncoder().encodeToString(serialised.getBytes(StandardCharsets.UTF_8))).ok();

        JsonNode service = service(serviceId);
        assertThat(service.path("domain").asText()).isEqualTo("new.example");
        assertThat(service.path("status").asText()).isEqualTo("Active");
        assertThat(customFieldValue(service, "Site URL")).isEqualTo("https://new.example/");
    }

    @Test
    void updateClientProductRefusesBadInputAndChangesNothing() {
        Product p = freeProduct(AutoSetup.MANUAL, NewCustomField.text("Site URL", "", false, true));
        long serviceId = order(newClient(), p, "keep.example");
        String id = String.valueOf(serviceId);

        call("UpdateClientProduct", "serviceid", id, "domain", "x.example", "status", "Sleeping")
                .refused(200, "Unknown service status: Sleeping");
        call("UpdateClientProduct", "serviceid", id, "domain", "x.example", "customfields", "***")
                .refused(200, "customfields is not valid base64");
        call("UpdateClientProduct", "serviceid", "999999", "domain", "x.example").refused(200, "Service ID Not Found");
        call("UpdateClientProduct", "domain", "x.example").refused(200, "Missing required parameter: serviceid");
        call("UpdateClientProduct", "serviceid", id, "domain", "x.example", "suspendreason", "Abuse")
                .refused(200, "Parameter suspendreason is not supported by this host");
        call("UpdateClientProduct", "serviceid", id, "pid", "zero").refused(200, "Parameter pid must be a positive whole number");

        JsonNode service = service(serviceId);
        assertThat(service.path("domain").asText()).isEqualTo("keep.example");
        assertThat(service.path("status").asText()).isEqualTo("Pending");
    }
}
