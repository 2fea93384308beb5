package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.CustomFieldType;
import org.billinghost.api.platform.NewCustomField;
import org.billinghost.api.platform.Product;
import org.junit.jupiter.api.Test;

/** AddOrder (with WHMCS's base64/PHP-serialised customfields), AcceptOrder, CancelOrder, GetOrders. */
class OrderApiTest extends ApiTestSupport {

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** What PHP's serialize() makes of array(id => value, ...) with string values. */
    private static String phpArray(Object... idsAndValues) {
        StringBuilder sb = new StringBuilder("a:" + idsAndValues.length / 2 + ":{");
        for (int i = 0; i < idsAndValues.length; i += 2) {
            String v = (String) idsAndValues[i + 1];
            sb.append("i:").append(idsAndValues[i]).append(";s:")
                    .append(v.getBytes(StandardCharsets.UTF_8).length).append(":\"").append(v).append("\";");
        }
        return sb.append('}').toString();
    }

    private static Product siteProduct(AutoSetup autoSetup) {
        return freeProduct(autoSetup, NewCustomField.text("Site URL", "", true, true),
                NewCustomField.text("Note", "", false, true));
    }

    private static long fieldId(Product p, String name) {
        return p.customFields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().id();
    }

    private static long orderCount(long clientId) {
        return call("GetOrders", "userid", String.valueOf(clientId)).ok().id("totalresults");
    }

    @Test
    void addOrderTakesWhmcsBase64PhpSerialisedCustomFieldsKeyedByFieldId() {
        long client = newClient();
        Product p = siteProduct(AutoSetup.MANUAL);
        String customFields = base64(phpArray(fieldId(p, "Site URL"), "https://café.example",
                fieldId(p, "Note"), "first"));

        Reply order = call("AddOrder", "clientid", String.valueOf(client), "pid[]", String.valueOf(p.id()),
                "domain[]", "cafe.example", "customfields[]", customFields, "paymentmethod", "mailin").ok();

        assertThat(order.id("orderid")).isPositive();
        assertThat(order.id("invoiceid")).isPositive();
        JsonNode service = service(Long.parseLong(order.json().path("serviceids").asText()));
        assertThat(service.path("domain").asText()).isEqualTo("cafe.example");
        assertThat(service.path("status").asText()).isEqualTo("Pending");
        assertThat(customFieldValue(service, "Site URL")).isEqualTo("https://café.example");
        assertThat(customFieldValue(service, "Note")).isEqualTo("first");
    }

    @Test
    void severalProductsTakeTheirCustomFieldsByIndexAndJsonObjectsKeyedByName() {
        long client = newClient();
        Product a = siteProduct(AutoSetup.MANUAL);
        Product b = siteProduct(AutoSetup.MANUAL);

        Reply order = call("AddOrder", "clientid", String.valueOf(client),
                "pid[0]", String.valueOf(a.id()), "pid[1]", String.valueOf(b.id()),
                "customfields[0]", base64(phpArray(fieldId(a, "Site URL"), "https://a.example")),
                "customfields[1]", "{\"Site URL\":\"https://b.example\"}").ok();

        String[] ids = order.json().path("serviceids").asText().split(",");
        assertThat(ids).hasSize(2);
        assertThat(customFieldValue(service(Long.parseLong(ids[0])), "Site URL")).isEqualTo("https://a.example");
        assertThat(customFieldValue(service(Long.parseLong(ids[1])), "Site URL")).isEqualTo("https://b.example");
        assertThat(order.json().path("productids").asText()).isEqualTo(a.id() + "," + b.id());
    }

    @Test
    void jsonBodiesMayGiveOneProductsCustomFieldsAsAnObject() {
        long client = newClient();
        Product p = siteProduct(AutoSetup.MANUAL);

        Reply order = post("application/json", "{\"identifier\":\"demo-api\",\"secret\":\"demo-api-secret\","
                + "\"action\":\"AddOrder\",\"clientid\":" + client + ",\"pid\":" + p.id()
                + ",\"customfields\":{\"" + fieldId(p, "Site URL") + "\":\"https://json.example\"}}").ok();

        assertThat(customFieldValue(service(Long.parseLong(order.json().path("serviceids").asText())), "Site URL"))
                .isEqualTo("https://json.example");

        Reply two = post("application/json", "{\"identifier\":\"demo-api\",\"secret\":\"demo-api-secret\","
                + "\"action\":\"AddOrder\",\"clientid\":" + client + ",\"pid\":[" + p.id() + "," + p.id()
                + "],\"customfields\":[{\"Site URL\":\"https://one.example\"},\""
                + base64(phpArray(fieldId(p, "Site URL"), "https://two.example")) + "\"]}").ok();
        String[] ids = two.json().path("serviceids").asText().split(",");
        assertThat(customFieldValue(service(Long.parseLong(ids[0])), "Site URL")).isEqualTo("https://one.example");
        assertThat(customFieldValue(service(Long.parseLong(ids[1])), "Site URL")).isEqualTo("https://two.example");
        post("application/json", "{\"identifier\":\"demo-api\",\"secret\":\"demo-api-secret\","
                + "\"action\":\"AddOrder\",\"clientid\":" + client + ",\"pid\":[" + p.id() + "," + p.id()
                + "],\"customfields\":{\"Site URL\":\"https://x.example\"}}")
                .refused(200, "customfields must be a list with one entry per pid");
    }

    @Test
    void malformedCustomFieldsAreRefusedPreciselyAndNothingIsStored() {
        long client = newClient();
        Product p = siteProduct(AutoSetup.ORDER);
        String pid = String.valueOf(p.id());
        String c = String.valueOf(client);

        call("AddOrder", "clientid", c, "pid[]", pid, "customfields[]", "not*base64!")
                .refused(200, "customfields[0] is not valid base64");
        call("AddOrder", "clientid", c, "pid[]", pid, "customfields[]", base64("a:1:{i:1;s:50:\"short\";}"))
                .refused(200, "customfields[0] is not a valid PHP-serialised array: String length 50");
        call("AddOrder", "clientid", c, "pid[]", pid, "customfields[]", base64("O:8:\"stdClass\":0:{}"))
                .refused(200, "Serialised objects are not accepted");
        call("AddOrder", "clientid", c, "pid[]", pid, "customfields[]", base64("a:1:{i:1;a:0:{}}"))
                .refused(200, "customfields[0][1] must be a string or a number");
        call("AddOrder", "clientid", c, "pid[]", pid, "customfields[]", "{\"Site URL\":")
                .refused(200, "customfields[0] is not a valid JSON object");
        call("AddOrder", "clientid", c, "pid[]", pid, "customfields[0]", base64(phpArray(1, "x")),
                "customfields[1]", base64(phpArray(1, "y")))
                .refused(200, "customfields has 2 entries but pid only 1");

        assertThat(orderCount(client)).isZero();
        assertThat(core.runDueJobs()).as("no Create job was queued").isZero();
    }

    @Test
    void customFieldValidationOfTheCoreIsAnsweredAsAnError() {
        long client = newClient();
        Product p = freeProduct(AutoSetup.MANUAL, NewCustomField.text("Site URL", "", true, true)
                .withValidation("https://.+"));
        String pid = String.valueOf(p.id());
        long fid = fieldId(p, "Site URL");

        Reply missing = call("AddOrder", "clientid", String.valueOf(client), "pid[]", pid);
        assertThat(missing.status()).isEqualTo(200);
        assertThat(missing.message()).contains("Site URL");
        Reply invalid = call("AddOrder", "clientid", String.valueOf(client), "pid[]", pid,
                "customfields[]", base64(phpArray(fid, "ftp://x")));
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.message()).contains("Site URL");
        Reply unknownField = call("AddOrder", "clientid", String.valueOf(client), "pid[]", pid,
                "customfields[]", base64(phpArray(fid, "https://ok.example", 987654, "x")));
        assertThat(unknownField.result()).isEqualTo("error");
        assertThat(unknownField.status()).isEqualTo(200);

        assertThat(orderCount(client)).isZero();
    }

    @Test
    void adminOnlyDropdownStartsWithItsFirstOptionAndTheApiMayChooseAnother() {
        long client = newClient();
        Product p = freeProduct(AutoSetup.MANUAL,
                NewCustomField.adminOnly("Plan", CustomFieldType.DROPDOWN, "", List.of("basic", "pro")));

        Reply preset = call("AddOrder", "clientid", String.valueOf(client), "pid", String.valueOf(p.id())).ok();
        Reply chosen = call("AddOrder", "clientid", String.valueOf(client), "pid", String.valueOf(p.id()),
                "customfields", base64(phpArray(fieldId(p, "Plan"), "pro"))).ok();

        assertThat(customFieldValue(service(Long.parseLong(preset.json().path("serviceids").asText())), "Plan"))
                .isEqualTo("basic");
        assertThat(customFieldValue(service(Long.parseLong(chosen.json().path("serviceids").asText())), "Plan"))
                .isEqualTo("pro");
    }

    @Test
    void badOrderInputIsRefused() {
        long client = newClient();
        Product p = siteProduct(AutoSetup.MANUAL);
        String c = String.valueOf(client);

        call("AddOrder", "pid[]", String.valueOf(p.id())).refused(200, "Missing required parameter: clientid");
        call("AddOrder", "clientid", c).refused(200, "Missing required parameter: pid");
        call("AddOrder", "clientid", c, "pid[]", "abc").refused(200, "Parameter pid[0] must be a positive whole number");
        call("AddOrder", "clientid", "999999", "pid[]", String.valueOf(p.id())).refused(200, "Client ID Not Found");
        Reply unknownProduct = call("AddOrder", "clientid", c, "pid[]", "999999");
        assertThat(unknownProduct.result()).isEqualTo("error");
        assertThat(unknownProduct.status()).isEqualTo(200);
        call("AddOrder", "clientid", c, "pid[]", String.valueOf(p.id()), "qty[]", "0")
                .refused(200, "qty[0] must be a whole number from 1 to 100");
        call("AddOrder", "clientid", c, "pid[]", String.valueOf(p.id()), "domain[]", "a.example", "domain[]", "b.example")
                .refused(200, "domain has 2 entries but pid only 1");

        assertThat(orderCount(client)).isZero();
    }

    /** AddOrder by the demo credential with {@code lines} lines of product {@code pid}. */
    private static Reply orderOfLines(long client, long pid, int lines) {
        List<String> fields = new ArrayList<>(List.of("clientid", String.valueOf(client)));
        for (int i = 0; i < lines; i++) {
            fields.addAll(List.of("pid[]", String.valueOf(pid)));
        }
        return call("AddOrder", fields.toArray(String[]::new));
    }

    private static long serviceCount(long clientId) {
        return call("GetClientsProducts", "clientid", String.valueOf(clientId)).ok().id("totalresults");
    }

    @Test
    void theNumberOfOrderLinesIsBoundedBeforeAnyWork() {
        long client = newClient();
        Product p = freeProduct(AutoSetup.MANUAL);
        String pids = String.join(",", Collections.nCopies(10_000, String.valueOf(p.id())));
        String quantities = String.join(",", Collections.nCopies(10_000, "100"));
        String domains = String.join(",", Collections.nCopies(10_000, "\"a.example\""));
        String body = "{\"identifier\":\"demo-api\",\"secret\":\"demo-api-secret\",\"action\":\"AddOrder\","
                + "\"clientid\":" + client + ",\"pid\":[" + pids + "],\"qty\":[" + quantities + "],\"domain\":["
                + domains + "]}";
        assertThat(body.length()).isGreaterThan(80_000);

        assertThat(orderOfLines(client, p.id(), 101).refused(200, "").message())
                .isEqualTo("An order has at most 100 lines; pid has 101 entries");
        assertThat(post("application/json", body).refused(200, "").message())
                .isEqualTo("An order has at most 100 lines; pid has 10000 entries");
        assertThat(orderCount(client)).isZero();
        assertThat(serviceCount(client)).isZero();

        orderOfLines(client, p.id(), 100).ok();
        assertThat(serviceCount(client)).isEqualTo(100);
    }

    private static Reply orderWithKey(long client, Product p, String idempotencyKey) {
        return call("AddOrder", "clientid", String.valueOf(client), "pid", String.valueOf(p.id()),
                "idempotencykey", idempotencyKey);
    }

    @Test
    void idempotencyKeysLongerThan64CharactersAreRefused() {
        long client = newClient();

        Reply reply = orderWithKey(client, freeProduct(AutoSetup.MANUAL), "k".repeat(65));

        assertThat(reply.refused(200, "").message())
                .isEqualTo("Parameter idempotencykey must be at most 64 characters, got 65");
        assertThat(orderCount(client)).isZero();
    }

    @Test
    void aRetriedAddOrderWithTheSameIdempotencyKeyAnswersTheFirstOrder() {
        long client = newClient();
        Product p = freeProduct(AutoSetup.MANUAL);

        Reply first = orderWithKey(client, p, "k".repeat(64)).ok();
        Reply retried = orderWithKey(client, p, "k".repeat(64)).ok();

        assertThat(retried.id("orderid")).isEqualTo(first.id("orderid"));
        assertThat(orderCount(client)).isEqualTo(1);
        assertThat(serviceCount(client)).isEqualTo(1);
    }

    @Test
    void autoSetupOrderRunsCreateAndTheServiceBecomesActive() {
        long client = newClient();
        Product p = freeProduct(AutoSetup.ORDER);

        Reply order = call("AddOrder", "clientid", String.valueOf(client), "pid[]", String.valueOf(p.id()),
                "domain[]", "auto.example").ok();
        core.runDueJobs();

        assertThat(service(Long.parseLong(order.json().path("serviceids").asText())).path("status").asText())
                .isEqualTo("Active");
    }

    @Test
    void acceptOrderRunsCreateForAutoSetupOnAndMarksTheOrderActive() {
        long client = newClient();
        Product p = freeProduct(AutoSetup.ACCEPT);
        Reply order = call("AddOrder", "clientid", String.valueOf(client), "pid[]", String.valueOf(p.id())).ok();
        long serviceId = Long.parseLong(order.json().path("serviceids").asText());
        core.runDueJobs();
        assertThat(service(serviceId).path("status").asText()).isEqualTo("Pending");

        call("AcceptOrder", "orderid", String.valueOf(order.id("orderid"))).ok();
        core.runDueJobs();

        assertThat(service(serviceId).path("status").asText()).isEqualTo("Active");
        JsonNode listed = call("GetOrders", "id", String.valueOf(order.id("orderid"))).ok().json()
                .path("orders").path("order").get(0);
        assertThat(listed.path("status").asText()).isEqualTo("Active");
        assertThat(listed.path("lineitems").path("lineitem").get(0).path("relid").asLong()).isEqualTo(serviceId);
        call("AcceptOrder", "orderid", "999999").refused(200, "");
        call("AcceptOrder").refused(200, "Missing required parameter: orderid");
    }

    @Test
    void cancelOrderCancelsAndGetOrdersFiltersByStatusAndClient() {
        long client = newClient();
        Product p = freeProduct(AutoSetup.MANUAL);
        long kept = call("AddOrder", "clientid", String.valueOf(client), "pid", String.valueOf(p.id())).ok().id("orderid");
        long cancelled = call("AddOrder", "clientid", String.valueOf(client), "pid", String.valueOf(p.id())).ok()
                .id("orderid");

        call("CancelOrder", "orderid", String.valueOf(cancelled)).ok();

        JsonNode onlyCancelled = call("GetOrders", "userid", String.valueOf(client), "status", "Cancelled").ok().json();
        assertThat(onlyCancelled.path("orders").path("order")).extracting(o -> o.path("id").asLong())
                .containsExactly(cancelled);
        JsonNode pending = call("GetOrders", "userid", String.valueOf(client), "status", "pending").ok().json();
        assertThat(pending.path("orders").path("order")).extracting(o -> o.path("id").asLong()).containsExactly(kept);
        call("GetOrders", "status", "Lost").refused(200, "Unknown order status: Lost");
        call("CancelOrder", "orderid", "999999").refused(200, "");
        call("GetOrders", "id", "999999").ok();
    }

    @Test
    void whmcsParametersThisHostDoesNotApplyAreRefusedByName() {
        long client = newClient();
        String c = String.valueOf(client);
        String pid = String.valueOf(freeProduct(AutoSetup.MANUAL).id());

        call("AddOrder", "clientid", c, "pid", pid, "promocode", "SAVE10").refused(200, "promocode is not supported");
        call("AddOrder", "clientid", c, "pid", pid, "noinvoice", "true")
                .refused(200, "Parameter noinvoice=true is not supported by this host: every order with a price is invoiced");
        call("GetOrders", "userid", c, "requestor_id", "1").refused(200, "Parameter requestor_id is not supported");
        assertThat(orderCount(client)).isZero();

        call("AddOrder", "clientid", c, "pid", pid, "noinvoice", "false", "noemail", "false", "promocode", "").ok();
        assertThat(orderCount(client)).isEqualTo(1);
    }
}
