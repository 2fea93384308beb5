package org.billinghost.web.internal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class SessionStoreTest {
    private final MutableClock clock = new MutableClock();
    private final SessionStore store = new SessionStore("TEST", "/", clock);

    @Test
    void aSessionIsFoundByItsCookieUntilItIdlesOut() throws IOException {
        List<String> setCookies = new ArrayList<>();
        WebSession s = store.resolve(request(null), response(setCookies));
        assertThat(setCookies).singleElement().satisfies(c -> assertThat(c).startsWith("TEST=" + s.id()));
        assertThat(store.resolve(request(s.id()), response(setCookies))).isSameAs(s);
        clock.advanceSeconds(31 * 60);
        assertThat(store.resolve(request(s.id()), response(setCookies))).isNotSameAs(s);
    }

    @Test
    void rotationGivesANewIdAndTokenAndForgetsTheOldId() {
        List<String> setCookies = new ArrayList<>();
        WebSession s = store.resolve(request(null), response(setCookies));
        String oldId = s.id();
        String oldToken = s.csrfToken();
        store.rotate(s, request(oldId), response(setCookies));
        assertThat(s.id()).isNotEqualTo(oldId);
        assertThat(s.csrfToken()).isNotEqualTo(oldToken);
        assertThat(store.resolve(request(oldId), response(setCookies))).isNotSameAs(s);
        assertThat(store.resolve(request(s.id()), response(setCookies))).isSameAs(s);
    }

    @Test
    void theStoreNeverHoldsMoreThanItsLimit() {
        List<String> ignored = new ArrayList<>();
        WebSession first = store.resolve(request(null), response(ignored));
        clock.advanceSeconds(1);
        for (int i = 0; i < SessionStore.MAX_SESSIONS + 10; i++) {
            store.resolve(request(null), response(ignored));
        }
        assertThat(store.size()).isLessThanOrEqualTo(SessionStore.MAX_SESSIONS);
        assertThat(store.resolve(request(first.id()), response(ignored))).isNotSameAs(first);
    }

    private static HttpServletRequest request(String cookie) {
        return (HttpServletRequest) Proxy.newProxyInstance(SessionStoreTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getCookies" -> cookie == null ? null : new Cookie[] {new Cookie("TEST", cookie)};
                    case "isSecure" -> false;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HttpServletResponse response(List<String> setCookies) {
        return (HttpServletResponse) Proxy.newProxyInstance(SessionStoreTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    if (method.getName().equals("addHeader") && "Set-Cookie".equals(args[0])) {
                        setCookies.add((String) args[1]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
