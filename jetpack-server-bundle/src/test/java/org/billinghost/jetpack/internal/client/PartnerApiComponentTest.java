package org.billinghost.jetpack.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.lang.annotation.Annotation;
import mockwebserver3.MockWebServer;
import org.billinghost.jetpack.partner.PartnerCredentials;
import org.billinghost.jetpack.partner.Plan;
import org.junit.jupiter.api.Test;

class PartnerApiComponentTest {
    private static final PartnerCredentials CREDENTIALS = new PartnerCredentials("1001", "secret");

    @Test
    void aConfigurationChangeSwitchesToANewClient() throws Exception {
        PartnerStub firstStub = new PartnerStub();
        PartnerStub secondStub = new PartnerStub();
        try (MockWebServer first = new MockWebServer(); MockWebServer second = new MockWebServer()) {
            first.setDispatcher(firstStub);
            second.setDispatcher(secondStub);
            first.start();
            second.start();
            PartnerApiComponent component = new PartnerApiComponent(config(first.url("/").toString()));

            assertThat(component.provision(CREDENTIALS, Plan.FREE, "example.com", "admin").outcome().ok()).isTrue();
            component.modified(config(second.url("/wpcom").toString()));
            assertThat(component.provision(CREDENTIALS, Plan.FREE, "example.com", "admin").outcome().ok()).isTrue();
            component.deactivate();

            assertThat(firstStub.count("provision")).isEqualTo(1);
            assertThat(secondStub.count("token")).as("tokens belong to a base URL").isEqualTo(1);
            assertThat(secondStub.requests("provision").get(0).getUrl().encodedPath())
                    .isEqualTo("/wpcom/rest/v1.3/jpphp/provision");
        }
    }

    @Test
    void clientsThatNeverCalledCloseCleanly() {
        // the HTTP client is made at the first call: these two never make one
        PartnerApiComponent component = new PartnerApiComponent(config("http://127.0.0.1:9/"));

        assertThatCode(() -> {
            component.modified(config("http://127.0.0.1:9/wpcom"));
            component.deactivate();
        }).doesNotThrowAnyException();
    }

    @Test
    void anInvalidBaseUrlDoesNotStopActivation() {
        PartnerApiComponent component = new PartnerApiComponent(config("ftp://nowhere"));

        assertThat(component.cancel(CREDENTIALS, "example.com").message()).contains("jetpack.partner.api");
        component.deactivate();
    }

    private static PartnerApiConfiguration config(String baseUrl) {
        return new PartnerApiConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PartnerApiConfiguration.class;
            }

            @Override
            public String baseUrl() {
                return baseUrl;
            }

            @Override
            public String statusApiVersion() {
                return ClientSettings.DEFAULT_STATUS_VERSION;
            }

            @Override
            public int connectTimeoutMillis() {
                return 1000;
            }

            @Override
            public int readTimeoutMillis() {
                return 2000;
            }

            @Override
            public int callTimeoutMillis() {
                return 5000;
            }

            @Override
            public long lateAnswerMarginMillis() {
                return 60_000;
            }
        };
    }
}
