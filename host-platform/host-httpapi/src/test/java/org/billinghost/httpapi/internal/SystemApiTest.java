package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.billinghost.httpapi.internal.actions.SystemActions;
import org.junit.jupiter.api.Test;

/** GetCurrencies, WhmcsDetails and GetPaymentMethods. */
class SystemApiTest extends ApiTestSupport {

    @Test
    void getCurrenciesAnswersTheHostsCurrencyAsWhmcsDefaultOne() {
        Reply reply = call("GetCurrencies").ok();

        assertThat(reply.id("totalresults")).isEqualTo(1);
        JsonNode currency = reply.json().path("currencies").path("currency").get(0);
        assertThat(currency.path("id").asInt()).isEqualTo(1);
        assertThat(currency.path("code").asText()).isEqualTo("USD");
        assertThat(currency.path("prefix").asText()).isEqualTo("$");
        assertThat(currency.path("suffix").asText()).isEqualTo(" USD");
        assertThat(currency.path("rate").asText()).isEqualTo("1.00000");
    }

    @Test
    void whmcsDetailsAnswersTheApiVersion() {
        Reply reply = call("WhmcsDetails").ok();

        assertThat(reply.json().path("whmcs").path("version").asText()).isEqualTo("0.0.0");
        assertThat(reply.json().path("whmcs").path("canonicalversion").asText()).isEqualTo("0.0.0");
    }

    @Test
    void getPaymentMethodsOutsideDemoModeAnswersNoActivatedGateway() {
        Reply reply = call("GetPaymentMethods").ok();

        assertThat(reply.id("totalresults")).isZero();
        assertThat(reply.json().path("paymentmethods").path("paymentmethod").size()).isZero();
    }

    @Test
    void getPaymentMethodsInDemoModeAnswersTheDemoGateway() throws Exception {
        ApiBackend backend = backend(core);
        try (Served demo = serve(new ApiServlet(backend, ApiJson.mapper(),
                ApiServlet.actions(backend, ApiJson.mapper(), true)))) {
            Reply reply = postForm(demo.endpoint(), "identifier", IDENTIFIER, "secret", SECRET,
                    "action", "GetPaymentMethods").ok();

            assertThat(reply.id("totalresults")).isEqualTo(1);
            JsonNode method = reply.json().path("paymentmethods").path("paymentmethod").get(0);
            assertThat(method.path("module").asText()).isEqualTo(SystemActions.DEMO_GATEWAY);
            assertThat(method.path("displayname").asText()).isEqualTo("Demo gateway");
        }
    }
}
