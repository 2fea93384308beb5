package org.billinghost.jetpack.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.billinghost.jetpack.sandbox.internal.AccessTokensTest.ManualClock;
import org.junit.jupiter.api.Test;

/** The servlet as Declarative Services builds it from its configuration. */
class SandboxComponentTest {

    private static SandboxConfiguration configuration(String[] partners, long tokenLifetimeSeconds) {
        return new SandboxConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SandboxConfiguration.class;
            }

            @Override
            public String[] _partners() {
                return partners;
            }

            @Override
            public String[] _licensingPartners() {
                return defaultOf("_licensingPartners");
            }

            @Override
            public long tokenLifetimeSeconds() {
                return tokenLifetimeSeconds;
            }

            @Override
            public String errorShape() {
                return "error_code";
            }

            @Override
            public boolean nestedStatus() {
                return false;
            }
        };
    }

    private static String[] defaultOf(String attribute) {
        try {
            return (String[]) SandboxConfiguration.class.getMethod(attribute).getDefaultValue();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDefaultConfigurationServesTheDemoPartner() throws Exception {
        try (SandboxHarness sandbox = new SandboxHarness(new SandboxServlet(configuration(defaultOf("_partners"), 0)))) {
            String token = sandbox.token("1001", "demo-partner-secret");

            assertThat(sandbox.provision(token, "example.com", "free").code()).isEqualTo(200);
            assertThat(sandbox.post("/oauth2/token", SandboxHarness.tokenForm("2002", "other-partner-secret"), null).code())
                    .isEqualTo(400);
        }
    }

    @Test
    void theDefaultConfigurationServesTheDemoLicensingTokenWhichMayAttach() throws Exception {
        try (SandboxHarness sandbox = new SandboxHarness(new SandboxServlet(configuration(defaultOf("_partners"), 0)))) {
            String base = "/wpcom/v2/jetpack-licensing";
            SandboxHarness.Reply issued = sandbox.post(base + "/license?product=jetpack-scan", Map.of(), "demo-licensing-token");
            String key = issued.json().get("license_key").asText();

            SandboxHarness.Reply attached = sandbox.call(sandbox.request(base + "/license/" + key + "/site",
                    "demo-licensing-token").post(RequestBody.create("{\"site\":\"example.com\"}",
                    MediaType.get("application/json"))).build());

            assertThat(attached.json().get("siteurl").asText()).isEqualTo("https://example.com");
        }
    }

    @Test
    void configuredPartnersReplaceTheDemoPartner() throws Exception {
        try (SandboxHarness sandbox = new SandboxHarness(new SandboxServlet(configuration(new String[] {"77:seven"}, 0)))) {
            assertThat(sandbox.token("77", "seven")).isNotBlank();
            assertThat(sandbox.post("/oauth2/token", SandboxHarness.tokenForm("1001", "demo-partner-secret"), null).code())
                    .isEqualTo(400);
        }
    }

    @Test
    void anExpiredTokenAnswersInvalidTokenAndANewOneWorks() throws Exception {
        ManualClock clock = new ManualClock();
        SandboxServlet servlet = new SandboxServlet(Partners.parse(SandboxHarness.PARTNERS), Duration.ofSeconds(30), clock,
                () -> 0.5, ErrorShape.ERROR_CODE, false, SandboxHarness.LICENSING_PARTNERS);
        try (SandboxHarness sandbox = new SandboxHarness(servlet)) {
            String token = sandbox.token();
            clock.advance(Duration.ofSeconds(31));

            SandboxHarness.Reply refused = sandbox.provision(token, "example.com", "free");

            assertThat(refused.code()).isEqualTo(403);
            assertThat(refused.json().get("error_code").asText()).isEqualTo("invalid_token");
            assertThat(sandbox.provision(sandbox.token(), "example.com", "free").code()).isEqualTo(200);
        }
    }
}
