package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** GetCurrencies and WhmcsDetails. */
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
}
