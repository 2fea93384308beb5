package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** AddClient, UpdateClient, GetClients, GetClientsDetails, ValidateLogin. */
class ClientApiTest extends ApiTestSupport {

    @Test
    void addedClientIsReadBackByIdAndByEmailWithoutItsPassword() {
        String email = unique("grace") + "@example.com";
        long id = call("AddClient", "firstname", "Grace", "lastname", "Hopper", "email", email,
                "companyname", "Navy", "address1", "1 Pier", "city", "Arlington", "state", "VA", "postcode", "22201",
                "country", "US", "phonenumber", "+1 555 0100", "password2", "a secret password 9").ok().id("clientid");

        Reply byId = call("GetClientsDetails", "clientid", String.valueOf(id)).ok();
        assertThat(byId.json().path("client").path("email").asText()).isEqualTo(email);
        assertThat(byId.json().path("fullname").asText()).isEqualTo("Grace Hopper");
        assertThat(byId.json().path("companyname").asText()).isEqualTo("Navy");
        assertThat(byId.body()).doesNotContain("a secret password 9");
        Reply byEmail = call("GetClientsDetails", "email", email).ok();
        assertThat(byEmail.id("id")).isEqualTo(id);
    }

    @Test
    void addClientRefusesMissingFieldsAndDuplicateEmailsAndStoresNothing() {
        String email = unique("dup") + "@example.com";
        call("AddClient", "firstname", "A", "lastname", "B").refused(200, "Missing required parameter: email");
        call("AddClient", "firstname", "A", "lastname", "B", "email", email, "address1", "x", "city", "y",
                "state", "z", "postcode", "1", "country", "DE", "phonenumber", "1").ok();
        long before = call("GetClients", "search", email).ok().id("totalresults");

        Reply duplicate = call("AddClient", "firstname", "C", "lastname", "D", "email", email, "address1", "x",
                "city", "y", "state", "z", "postcode", "1", "country", "DE", "phonenumber", "1");

        assertThat(duplicate.result()).isEqualTo("error");
        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(call("GetClients", "search", email).ok().id("totalresults")).isEqualTo(before).isEqualTo(1);
    }

    @Test
    void getClientsSearchesAndPages() {
        String marker = unique("Zebra");
        for (int i = 0; i < 3; i++) {
            call("AddClient", "firstname", marker, "lastname", "N" + i, "email", unique("z") + "@example.com",
                    "address1", "x", "city", "y", "state", "z", "postcode", "1", "country", "DE", "phonenumber", "1")
                    .ok();
        }

        Reply page = call("GetClients", "search", marker, "limitstart", "1", "limitnum", "1").ok();

        assertThat(page.id("totalresults")).isEqualTo(3);
        assertThat(page.id("startnumber")).isEqualTo(1);
        assertThat(page.id("numreturned")).isEqualTo(1);
        JsonNode clients = page.json().path("clients").path("client");
        assertThat(clients).hasSize(1);
        assertThat(clients.get(0).path("firstname").asText()).isEqualTo(marker);
        assertThat(clients.get(0).path("lastname").asText()).isEqualTo("N1");
    }

    @Test
    void badPagingAndUnknownOrMalformedIdsAreRefused() {
        call("GetClients", "limitnum", "0").refused(200, "Parameter limitnum must be between 1 and 1000");
        call("GetClients", "limitstart", "x").refused(200, "Parameter limitstart must be a whole number");
        call("GetClientsDetails", "clientid", "999999").refused(200, "Client Not Found");
        call("GetClientsDetails", "clientid", "abc").refused(200, "Parameter clientid must be a positive whole number");
        call("GetClientsDetails", "email", "nobody@example.com").refused(200, "Client Not Found");
        call("GetClientsDetails").refused(200, "Missing required parameter: clientid or email");
        call("GetClientsDetails", "email", "nobody@example.com", "stats", "true")
                .refused(200, "Parameter stats=true is not supported by this host: it answers no client statistics");
        call("GetClients", "status", "Active").refused(200, "Parameter status is not supported by this host");
        String email = unique("flat") + "@example.com";
        call("AddClient", "firstname", "A", "lastname", "B", "email", email, "address2", "Flat 2")
                .refused(200, "Parameter address2 is not supported by this host");
        call("GetClientsDetails", "email", email).refused(200, "Client Not Found");
    }

    @Test
    void validateLoginAnswersTheClientsIdAndNeverAHash() {
        String email = unique("login") + "@example.com";
        long id = call("AddClient", "firstname", "Ada", "lastname", "L", "email", email, "password2",
                "correct horse battery").ok().id("clientid");

        Reply valid = call("ValidateLogin", "email", email, "password2", "correct horse battery").ok();

        assertThat(valid.id("userid")).isEqualTo(id);
        assertThat(valid.json().has("passwordhash")).isFalse();
        assertThat(valid.json().path("twoFactorEnabled").asBoolean(true)).isFalse();
        call("ValidateLogin", "email", email, "password2", "wrong horse").refused(200, "Email or Password Invalid");
        call("ValidateLogin", "email", unique("nobody") + "@example.com", "password2", "x")
                .refused(200, "Email or Password Invalid");
        call("ValidateLogin", "email", email).refused(200, "Missing required parameter: password2");
        call("ValidateLogin", "email", email, "password2", "p".repeat(1001))
                .refused(200, "Parameters email and password2 have at most 1000 characters");
    }

    @Test
    void validateLoginIsThrottledPerEmail() {
        String email = unique("guessed") + "@example.com";
        call("AddClient", "firstname", "Ada", "lastname", "L", "email", email, "password2", "correct horse battery")
                .ok();
        for (int i = 0; i < 5; i++) {
            call("ValidateLogin", "email", email, "password2", "guess " + i).refused(200, "Email or Password Invalid");
        }

        call("ValidateLogin", "email", email, "password2", "correct horse battery")
                .refused(200, "Too many failed logins for this e-mail address; try again in 60 seconds");
    }

    @Test
    void updateClientChangesWhatIsSentAndKeepsTheRest() {
        String email = unique("upd") + "@example.com";
        long id = call("AddClient", "firstname", "Ada", "lastname", "L", "email", email, "companyname", "Engines",
                "city", "London", "password2", "first password 1").ok().id("clientid");

        assertThat(call("UpdateClient", "clientemail", email, "lastname", "Lovelace", "companyname", "",
                "password2", "second password 2").ok().id("clientid")).isEqualTo(id);

        JsonNode client = call("GetClientsDetails", "clientid", String.valueOf(id)).ok().json().path("client");
        assertThat(client.path("firstname").asText()).isEqualTo("Ada");
        assertThat(client.path("lastname").asText()).isEqualTo("Lovelace");
        assertThat(client.path("companyname").asText()).isEmpty();
        assertThat(client.path("city").asText()).isEqualTo("London");
        call("ValidateLogin", "email", email, "password2", "second password 2").ok();
    }

    @Test
    void updateClientRefusesWhatItCannotApplyAndChangesNothing() {
        String email = unique("keep") + "@example.com";
        long id = call("AddClient", "firstname", "Ada", "lastname", "L", "email", email).ok().id("clientid");
        String taken = unique("taken") + "@example.com";
        call("AddClient", "firstname", "B", "lastname", "C", "email", taken).ok();

        call("UpdateClient", "clientid", String.valueOf(id), "lastname", "X", "status", "Closed")
                .refused(200, "Parameter status is not supported by this host");
        call("UpdateClient", "clientid", String.valueOf(id), "lastname", "X", "email", taken)
                .refused(200, "already exists");
        call("UpdateClient", "clientid", String.valueOf(id), "firstname", "").refused(200, "first name is required");
        call("UpdateClient", "clientid", "999999", "lastname", "X").refused(200, "Client ID Not Found: 999999");
        call("UpdateClient", "lastname", "X").refused(200, "Missing required parameter: clientid or clientemail");

        assertThat(call("GetClientsDetails", "clientid", String.valueOf(id)).ok().json().path("lastname").asText())
                .isEqualTo("L");
    }
}
