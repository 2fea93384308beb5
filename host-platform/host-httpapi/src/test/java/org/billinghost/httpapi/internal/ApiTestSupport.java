package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;
import org.billinghost.api.billing.ApiCredentials;
import org.billinghost.api.billing.AuthThrottle;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.NewCustomField;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductType;
import org.billinghost.core.testkit.CoreAssembly;
import org.billinghost.testmodules.internal.TestAddonModule;
import org.billinghost.testmodules.internal.TestServerModule;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs {@link ApiServlet} in an embedded Jetty on a free port, backed by the real host core on a
 * fresh in-memory H2 database (demo seeding: credential {@code demo-api}/{@code demo-api-secret}),
 * and calls it over HTTP with the JDK client. One core and one server per test class.
 */
abstract class ApiTestSupport {

    static final String IDENTIFIER = "demo-api";
    static final String SECRET = "demo-api-secret";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger UNIQUE = new AtomicInteger();

    static CoreAssembly core;
    static TestServerModule serverModule;
    static Server jetty;
    static URI endpoint;
    static HttpClient http;

    /** An answer: HTTP status and JSON body. */
    record Reply(int status, JsonNode json, String body) {
        String result() {
            return json.path("result").asText();
        }

        String message() {
            return json.path("message").asText();
        }

        long id(String field) {
            return json.path(field).asLong();
        }

        Reply ok() {
            assertThat(result()).as("answer %s", body).isEqualTo("success");
            assertThat(status).as("status of %s", body).isEqualTo(200);
            return this;
        }

        Reply refused(int expectedStatus, String messagePart) {
            assertThat(result()).as("answer %s", body).isEqualTo("error");
            assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
            assertThat(message()).contains(messagePart);
            assertThat(body).doesNotContain("Exception").doesNotContain("\tat ");
            return this;
        }
    }

    /** A servlet running in a Jetty of its own. */
    record Served(Server jetty, URI endpoint) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            jetty.stop();
        }
    }

    @BeforeAll
    static void startServer() throws Exception {
        core = CoreAssembly.h2().seedDemo();
        serverModule = new TestServerModule();
        core.addServerModule(TestServerModule.NAME, serverModule);
        // the HTTP API configures addons but never renders their pages
        core.addAddon(TestAddonModule.NAME, new TestAddonModule((template, model) -> ""));
        Served served = serve(new ApiServlet(backend(core)));
        jetty = served.jetty();
        endpoint = served.endpoint();
        http = HttpClient.newHttpClient();
    }

    /** Runs {@code servlet} in an embedded Jetty on a free port of the loopback interface. */
    static Served serve(ApiServlet servlet) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        ServletHolder holder = new ServletHolder(servlet);
        // what the whiteboard does for @HttpWhiteboardServletMultipart
        holder.getRegistration().setMultipartConfig(new MultipartConfigElement(null, ApiServlet.MAX_BODY_BYTES,
                ApiServlet.MAX_BODY_BYTES, 0));
        context.addServlet(holder, ApiServlet.PATH);
        server.setHandler(context);
        server.start();
        return new Served(server, URI.create("http://127.0.0.1:" + connector.getLocalPort() + ApiServlet.PATH));
    }

    /** The API's view of a core assembly. */
    static ApiBackend backend(CoreAssembly core) {
        return backend(core, core.apiCredentials(), core.authThrottle());
    }

    /** The API's view of a core assembly, with other credentials and throttle. */
    static ApiBackend backend(CoreAssembly core, ApiCredentials credentials, AuthThrottle throttle) {
        return new ApiBackend(credentials, throttle, core.admins(), core.clients(), core.catalog(), core.orders(),
                core.invoices(), core.services(), core.moduleCommands(), core.moduleQueue(), core.modules(),
                core.activityLog(), core.upgrades(), core.automation(),
                core.cancellationRequests(), core.emails(), core.metrics());
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (jetty != null) {
            jetty.stop();
        }
        if (core != null) {
            core.close();
        }
    }

    /** Calls an action with the demo credential; {@code fields} alternate names and values. */
    static Reply call(String action, String... fields) {
        List<String> all = new ArrayList<>(List.of("identifier", IDENTIFIER, "secret", SECRET, "action", action,
                "responsetype", "json"));
        all.addAll(List.of(fields));
        return postForm(all.toArray(String[]::new));
    }

    static Reply postForm(String... fields) {
        return postForm(endpoint, fields);
    }

    static Reply postForm(URI to, String... fields) {
        return send(formPost(to, fields));
    }

    /** A form POST to {@code to}; {@code fields} alternate names and values. */
    static HttpRequest formPost(URI to, String... fields) {
        StringJoiner form = new StringJoiner("&");
        for (int i = 0; i < fields.length; i += 2) {
            form.add(URLEncoder.encode(fields[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return HttpRequest.newBuilder(to).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
    }

    static Reply post(String contentType, String body) {
        return send(HttpRequest.newBuilder(endpoint).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static Reply send(HttpRequest request) {
        return reply(sendRaw(request));
    }

    static HttpResponse<String> sendRaw(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer, which must be JSON. */
    static Reply reply(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        try {
            return new Reply(response.statusCode(), JSON.readTree(response.body()), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String unique(String prefix) {
        return prefix + UNIQUE.incrementAndGet();
    }

    /** A client added through the API. */
    static long newClient() {
        return call("AddClient", "firstname", "Ada", "lastname", "Lovelace", "email", unique("ada") + "@example.com",
                "address1", "1 Main St", "city", "London", "state", "London", "postcode", "N1", "country", "GB",
                "phonenumber", "+44 20 1234 5678").ok().id("clientid");
    }

    static long group() {
        return core.catalog().createGroup(unique("Group "), false).id();
    }

    /** A product of the test module with the given behaviour (success, fail, transient). */
    static Product product(AutoSetup autoSetup, String behaviour, PayType payType, BigDecimal price,
                           NewCustomField... fields) {
        return core.catalog().addProduct(new NewProduct(group(), unique("Product "), "", ProductType.OTHER, false,
                payType, price, TestServerModule.NAME, List.of(behaviour, "Label", "apikey-value"), autoSetup,
                List.of(fields)));
    }

    static Product freeProduct(AutoSetup autoSetup, NewCustomField... fields) {
        return product(autoSetup, "success", PayType.FREE, BigDecimal.ZERO, fields);
    }

    static JsonNode service(long serviceId) {
        JsonNode products = call("GetClientsProducts", "serviceid", String.valueOf(serviceId)).ok()
                .json().path("products").path("product");
        assertThat(products).hasSize(1);
        return products.get(0);
    }

    static String customFieldValue(JsonNode service, String name) {
        for (JsonNode f : service.path("customfields").path("customfield")) {
            if (f.path("name").asText().equals(name)) {
                return f.path("value").asText();
            }
        }
        return null;
    }
}
