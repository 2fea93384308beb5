package org.billinghost.jetpack.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.time.Duration;
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

    @Test
    void theDefaultConfigurationServesTheDemoPartner() throws Exception {
        String[] defaults = (String[]) SandboxConfiguration.class.getMethod("_partners").getDefaultValue();
        try (SandboxHarness sandbox = new SandboxHarness(new SandboxServlet(configuration(defaults, 0)))) {
            String token = sandbox.token("1001", "demo-partner-secret");

            assertThat(sandbox.provision(token, "example.com", "free").code()).isEqualTo(200);
            assertThat(sandbox.post("/oauth2/token", SandboxHarness.tokenForm("2002", "other-partner-secret"), null).code())
                    .isEqualTo(400);
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
                () -> 0.5, ErrorShape.ERROR_CODE, false);
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
