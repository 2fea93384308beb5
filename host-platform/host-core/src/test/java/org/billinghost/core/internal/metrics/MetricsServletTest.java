package org.billinghost.core.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsServletTest {
    private static final String TOKEN = "scraper-token";

    private final PrometheusMetrics metrics = new PrometheusMetrics();
    private final HttpClient http = HttpClient.newHttpClient();
    private Server jetty;

    @AfterEach
    void stop() throws Exception {
        if (jetty != null) {
            jetty.stop();
        }
        metrics.close();
    }

    @Test
    void theBearerOfTheTokenReadsTheMetricsInThePrometheusTextFormat() throws Exception {
        URI uri = serve(HexFormat.of().formatHex(MetricsServlet.sha256(TOKEN)));
        metrics.count("test.events", "kind", "a");

        HttpResponse<String> answer = get(uri, "Bearer " + TOKEN);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        assertThat(answer.body()).contains("test_events_total{kind=\"a\"} 1.0");
    }

    @Test
    void aMissingOrWrongTokenIsRefused() throws Exception {
        URI uri = serve(HexFormat.of().formatHex(MetricsServlet.sha256(TOKEN)));

        assertThat(get(uri, null).statusCode()).isEqualTo(401);
        assertThat(get(uri, "Bearer " + TOKEN + "x").statusCode()).isEqualTo(401);
        assertThat(get(uri, "Basic " + TOKEN).statusCode()).isEqualTo(401);
        assertThat(get(uri, "Bearer " + "x".repeat(MetricsServlet.MAX_AUTHORIZATION)).statusCode()).isEqualTo(401);
    }

    @Test
    void withoutATokenConfiguredThereIsNoEndpoint() throws Exception {
        assertThat(get(serve(""), "Bearer " + TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void aTokenDigestThatIsNotHexIsRefusedByName() {
        assertThatThrownBy(() -> new MetricsServlet(metrics, config(TOKEN)))
                .hasMessageContaining("bearerTokenSha256 must be 64 hex digits");
    }

    private URI serve(String digest) throws Exception {
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new MetricsServlet(metrics, config(digest))), MetricsServlet.PATH);
        jetty.setHandler(context);
        jetty.start();
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + MetricsServlet.PATH);
    }

    private HttpResponse<String> get(URI uri, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static MetricsConfiguration config(String digest) {
        return new MetricsConfiguration() {
            @Override
            public String bearerTokenSha256() {
                return digest;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return MetricsConfiguration.class;
            }
        };
    }
}
