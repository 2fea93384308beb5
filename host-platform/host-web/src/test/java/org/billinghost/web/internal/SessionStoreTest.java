package org.billinghost.web.internal;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class SessionStoreTest {
    private final MutableClock clock = new MutableClock();
    private final SessionStore store = new SessionStore("TEST", "/", new TrustedProxies(List.of()), clock);
    private final List<String> setCookies = new ArrayList<>();

    @Test
    void aSessionIsFoundByItsCookieUntilItIdlesOut() {
        WebSession s = store.create(request(null), response(), "10.0.0.1");
        assertThat(setCookies).singleElement().satisfies(c -> assertThat(c).startsWith("TEST=" + s.id()));
        assertThat(store.find(request(s.id()))).isSameAs(s);
        clock.advanceSeconds(31 * 60);
        assertThat(store.find(request(s.id()))).isNull();
    }

    @Test
    void findingNoSessionCreatesNone() {
        assertThat(store.find(request(null))).isNull();
        assertThat(store.find(request("made-up"))).isNull();
        assertThat(store.size()).isZero();
        assertThat(setCookies).isEmpty();
    }

    @Test
    void rotationGivesANewIdAndTokenAndForgetsTheOldId() {
        WebSession s = store.create(request(null), response(), "10.0.0.1");
        String oldId = s.id();
        String oldToken = s.csrfToken();
        store.rotate(s, request(oldId), response());
        assertThat(s.id()).isNotEqualTo(oldId);
        assertThat(s.csrfToken()).isNotEqualTo(oldToken);
        assertThat(store.find(request(oldId))).isNull();
        assertThat(store.find(request(s.id()))).isSameAs(s);
    }

    @Test
    void aFloodOfAnonymousSessionsNeverEvictsALoggedInOne() {
        WebSession admin = loggedIn("10.0.0.1");
        // the admin's session is now the least recently used one
        clock.advanceSeconds(60);
        for (int i = 0; i < 60_000; i++) {
            store.create(request(null), response(), "10.1." + (i / 250) + "." + (i % 250));
        }
        assertThat(store.size()).isEqualTo(SessionStore.MAX_SESSIONS);
        assertThat(store.find(request(admin.id()))).isSameAs(admin);
    }

    @Test
    void aFullStoreDropsTheOldestAnonymousSessionFirst() {
        WebSession first = store.create(request(null), response(), "10.2.0.0");
        WebSession second = store.create(request(null), response(), "10.2.0.1");
        for (int i = 2; i < SessionStore.MAX_SESSIONS; i++) {
            store.create(request(null), response(), "10.3." + (i / 250) + "." + (i % 250));
        }
        WebSession newest = store.create(request(null), response(), "10.4.0.0");
        assertThat(store.size()).isEqualTo(SessionStore.MAX_SESSIONS);
        assertThat(store.find(request(first.id()))).isNull();
        assertThat(store.find(request(second.id()))).isSameAs(second);
        assertThat(store.find(request(newest.id()))).isSameAs(newest);
    }

    @Test
    void oneAddressKeepsAtMostItsBoundOfAnonymousSessions() {
        WebSession admin = loggedIn("10.0.0.1");
        WebSession first = store.create(request(null), response(), "10.0.0.1");
        WebSession last = first;
        for (int i = 0; i < 1_000; i++) {
            last = store.create(request(null), response(), "10.0.0.1");
        }
        assertThat(store.size()).isEqualTo(SessionStore.MAX_ANONYMOUS_PER_ADDRESS + 1);
        assertThat(store.find(request(first.id()))).isNull();
        assertThat(store.find(request(last.id()))).isSameAs(last);
        assertThat(store.find(request(admin.id()))).isSameAs(admin);
        assertThat(store.create(request(null), response(), "10.0.0.2")).isNotNull();
        assertThat(store.size()).isEqualTo(SessionStore.MAX_ANONYMOUS_PER_ADDRESS + 2);
    }

    @Test
    void aStoreFullOfLoggedInSessionsKeepsThemAndDoesNotKeepANewAnonymousOne() {
        WebSession oldest = loggedIn("10.5.0.0");
        for (int i = 1; i < SessionStore.MAX_SESSIONS; i++) {
            loggedIn("10.6." + (i / 250) + "." + (i % 250));
        }
        setCookies.clear();
        WebSession extra = store.create(request(null), response(), "10.7.0.0");
        assertThat(setCookies).isEmpty();
        assertThat(store.find(request(extra.id()))).isNull();
        assertThat(store.find(request(oldest.id()))).isSameAs(oldest);
        assertThat(store.size()).isEqualTo(SessionStore.MAX_SESSIONS);
    }

    @Test
    void aLoggedOutSessionIsForgotten() {
        WebSession s = loggedIn("10.0.0.1");
        s.adminId(7);
        store.invalidate(s);
        assertThat(store.find(request(s.id()))).isNull();
        assertThat(s.adminId()).isZero();
    }

    private WebSession loggedIn(String address) {
        WebSession s = store.create(request(null), response(), address);
        store.rotate(s, request(s.id()), response());
        return s;
    }

    private static HttpServletRequest request(String cookie) {
        return (HttpServletRequest) Proxy.newProxyInstance(SessionStoreTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getCookies" -> cookie == null ? null : new Cookie[] {new Cookie("TEST", cookie)};
                    case "isSecure" -> false;
                    case "getHeader" -> null;
                    case "getRemoteAddr" -> "10.0.0.1";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private HttpServletResponse response() {
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
