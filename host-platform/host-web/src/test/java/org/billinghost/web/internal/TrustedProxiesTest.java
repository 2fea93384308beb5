package org.billinghost.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrustedProxiesTest {
    private final TrustedProxies proxies = new TrustedProxies(configured("10.0.0.1, 10.0.0.2", "::1"));

    @Test
    void theVisitorIsTheLastAddressThatIsNotATrustedProxy() {
        assertThat(proxies.clientAddress(request("10.0.0.1", Map.of("X-Forwarded-For", "6.6.6.6, 203.0.113.9"))))
                .isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress(request("10.0.0.1", Map.of("X-Forwarded-For", "203.0.113.9, 10.0.0.2"))))
                .isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress(request("0:0:0:0:0:0:0:1", Map.of("X-Forwarded-For", "2001:db8::7"))))
                .isEqualTo("2001:db8::7");
    }

    @Test
    void headersFromAnyoneElseOrNotNamingAnAddressAreIgnored() {
        assertThat(proxies.clientAddress(request("203.0.113.9", Map.of("X-Forwarded-For", "10.9.9.9"))))
                .isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress(request("10.0.0.1", Map.of("X-Forwarded-For", "evil\\r\\nhost"))))
                .isEqualTo("10.0.0.1");
        assertThat(proxies.clientAddress(request("10.0.0.1", Map.of()))).isEqualTo("10.0.0.1");
        assertThat(proxies.isSecure(request("203.0.113.9", Map.of("X-Forwarded-Proto", "https")))).isFalse();
        assertThat(proxies.isSecure(request("10.0.0.2", Map.of("X-Forwarded-Proto", " HTTPS ")))).isTrue();
        assertThat(proxies.isSecure(request("10.0.0.2", Map.of("X-Forwarded-Proto", "http")))).isFalse();
    }

    @Test
    void nothingIsTrustedByDefault() {
        TrustedProxies none = new TrustedProxies(configured());
        assertThat(none.isSecure(request("127.0.0.1", Map.of("X-Forwarded-Proto", "https")))).isFalse();
        assertThat(none.clientAddress(request("127.0.0.1", Map.of("X-Forwarded-For", "203.0.113.9"))))
                .isEqualTo("127.0.0.1");
    }

    /** The settings as Configuration Admin gives them: one comma-separated string from a .cfg file, or several. */
    private static WebConfiguration configured(String... values) {
        return new WebConfiguration() {
            @Override
            public String[] trustedProxies() {
                return values;
            }

            @Override
            public String publicAddress() {
                return "";
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return WebConfiguration.class;
            }
        };
    }

    private static HttpServletRequest request(String peer, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(TrustedProxiesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "isSecure" -> false;
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getHeaders" -> Collections.enumeration(headers.containsKey((String) args[0])
                            ? List.of(headers.get((String) args[0])) : List.of());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
