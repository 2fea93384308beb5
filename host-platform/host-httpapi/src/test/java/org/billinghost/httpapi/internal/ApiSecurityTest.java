package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import org.billinghost.core.internal.security.AuthThrottleService;
import org.billinghost.core.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WHMCS's API IP restriction and access key; the tests call from 127.0.0.1. */
class ApiSecurityTest extends ApiTestSupport {

    private static final String KEY = "a long access key 7f3a";

    private final MutableClock clock = new MutableClock();
    private ApiServlet servlet;
    private Served served;

    /** The configuration as Configuration Admin would hand it over. */
    private static ApiSecurityConfiguration config(String[] allowedIps, String accessKeyHash) {
        return new ApiSecurityConfiguration() {
            @Override
            public String[] allowedIps() {
                return allowedIps;
            }

            @Override
            public String accessKeyHash() {
                return accessKeyHash;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return ApiSecurityConfiguration.class;
            }
        };
    }

    @BeforeEach
    void startApi() throws Exception {
        servlet = new ApiServlet(backend(core, core.apiCredentials(), new AuthThrottleService(clock)));
        served = serve(servlet);
    }

    @AfterEach
    void stopApi() throws Exception {
        served.close();
    }

    private Reply getClients(String... more) {
        String[] fields = new String[6 + more.length];
        System.arraycopy(new String[] {"identifier", IDENTIFIER, "secret", SECRET, "action", "GetClients"}, 0,
                fields, 0, 6);
        System.arraycopy(more, 0, fields, 6, more.length);
        return postForm(served.endpoint(), fields);
    }

    @Test
    void withoutAnAllowListEveryAddressMayCall() {
        servlet.modified(config(new String[0], ""));

        getClients().ok();
    }

    @Test
    void anAddressOutsideTheAllowListIsRefusedAsWhmcsDoes() {
        servlet.modified(config(new String[] {"192.0.2.0/24", "2001:db8::7"}, ""));

        getClients().refused(403, "Invalid IP 127.0.0.1");
    }

    @Test
    void addressesAndRangesInTheListMayCall() {
        servlet.modified(config(new String[] {"192.0.2.7, 127.0.0.0/8"}, ""));
        getClients().ok();

        servlet.modified(config(new String[] {"127.0.0.1"}, ""));
        getClients().ok();
    }

    @Test
    void theAccessKeyLetsACallInFromAnyAddress() {
        servlet.modified(config(new String[] {"192.0.2.7"}, ApiAccess.hash(KEY)));

        getClients("accesskey", KEY).ok();
        getClients("accesskey", "wrong").refused(403, "Authentication Failed");
        getClients().refused(403, "Invalid IP 127.0.0.1");
    }

    @Test
    void wrongAccessKeysAreThrottledPerAddress() {
        servlet.modified(config(new String[] {"192.0.2.7"}, ApiAccess.hash(KEY)));
        for (int i = 0; i < AuthThrottleService.MAX_FAILURES; i++) {
            getClients("accesskey", "guess " + i).refused(403, "Authentication Failed");
        }

        getClients("accesskey", KEY)
                .refused(403, "Authentication Failed: too many failed attempts; try again in 60 seconds");
        clock.advance(AuthThrottleService.LOCK);
        getClients("accesskey", KEY).ok();
    }

    @Test
    void wrongKeysFromOneAddressDoNotLockTheKeyForAnother() {
        ApiDispatcher dispatcher = new ApiDispatcher(backend(core, core.apiCredentials(), new AuthThrottleService(clock)),
                new ActionTable().add("Echo", null, (r, a) -> java.util.Map.of()));
        dispatcher.access(ApiAccess.of(new String[] {"192.0.2.7"}, ApiAccess.hash(KEY)));
        java.util.function.BiFunction<String, String, ApiDispatcher.Answer> call = (key, address) ->
                dispatcher.dispatch(ApiRequest.fromForm(java.util.Map.of("identifier", new String[] {IDENTIFIER},
                        "secret", new String[] {SECRET}, "action", new String[] {"Echo"},
                        "accesskey", new String[] {key})), address);
        for (int i = 0; i <= AuthThrottleService.MAX_FAILURES; i++) {
            call.apply("guess " + i, "198.51.100.9");
        }

        assertThat(call.apply(KEY, "198.51.100.9").body().get("message"))
                .isEqualTo("Authentication Failed: too many failed attempts; try again in 60 seconds");
        assertThat(call.apply(KEY, "203.0.113.5").body()).containsEntry("result", "success");
    }

    @Test
    void anAccessKeyIsRefusedByNameWhenNoneIsConfigured() {
        getClients("accesskey", KEY).refused(200, "Parameter accesskey is not accepted: no API access key is configured");
    }

    @Test
    void aMalformedConfigurationClosesTheApiButKeepsTheAccessKey() {
        servlet.modified(config(new String[] {"example.com"}, ApiAccess.hash(KEY)));

        getClients().refused(403, "Invalid IP 127.0.0.1");
        getClients("accesskey", KEY).ok();
    }

    @Test
    void addressRefusalsReachTheLogOnceAMinute() {
        servlet.modified(config(new String[] {"192.0.2.7"}, ""));
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 3; i++) {
                getClients().refused(403, "Invalid IP 127.0.0.1");
            }

            assertThat(log.linesWith("API authentication refused (address not in the API allow-list)")).hasSize(1);
        }
    }

    @Test
    void malformedEntriesAreRefusedNamingThem() {
        assertThatThrownBy(() -> ApiAccess.of(new String[] {"300.1.1.1"}, ""))
                .hasMessage("'300.1.1.1' is not an IP address or a range such as 192.0.2.0/24");
        assertThatThrownBy(() -> ApiAccess.of(new String[] {"10.0.0.0/33"}, ""))
                .hasMessage("'10.0.0.0/33' has a prefix length outside 0-32");
        assertThatThrownBy(() -> ApiAccess.of(new String[] {"localhost"}, ""))
                .hasMessage("'localhost' is not an IP address or a range such as 192.0.2.0/24");
        assertThatThrownBy(() -> ApiAccess.of(new String[0], "abc"))
                .hasMessage("The access key hash must be 64 hexadecimal digits (SHA-256)");
    }

    @Test
    void rangesMatchByTheirPrefixAndFamily() {
        ApiAccess access = ApiAccess.of(new String[] {"10.1.0.0/16", "2001:db8::/32"}, "");

        assertThat(access.allows("10.1.255.3")).isTrue();
        assertThat(access.allows("10.2.0.1")).isFalse();
        assertThat(access.allows("2001:db8:0:1::5")).isTrue();
        assertThat(access.allows("2001:db9::5")).isFalse();
        assertThat(access.allows("not an address")).isFalse();
        assertThat(ApiAccess.of(new String[] {"0.0.0.0/0"}, "").allows("203.0.113.9")).isTrue();
        assertThat(ApiAccess.of(new String[] {"0.0.0.0/0"}, "").allows("::1")).isFalse();
    }
}
