package org.billinghost.web.internal;

import org.billinghost.core.testkit.CoreAssembly;
import org.billinghost.core.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class SessionStoreTest {
    private final CoreAssembly core = CoreAssembly.h2();
    private final SessionTable table = new SessionTable(core.moduleDatabase());
    private final MutableClock clock = new MutableClock();
    private final SessionStore store = store(SessionStore.ADMIN);
    private final List<String> setCookies = new ArrayList<>();

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void anAnonymousSessionIsFoundByItsCookieUntilItIdlesOut() {
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
        assertThat(rows()).isZero();
    }

    @Test
    void loginGivesANewIdAndTokenAndForgetsTheAnonymousSession() {
        WebSession anonymous = store.create(request(null), response(), "10.0.0.1");
        WebSession s = store.logIn(anonymous, 7, request(anonymous.id()), response());
        assertThat(s.id()).isNotEqualTo(anonymous.id());
        assertThat(s.csrfToken()).isNotEqualTo(anonymous.csrfToken());
        assertThat(setCookies.get(1)).startsWith("TEST=" + s.id() + ";");
        assertThat(store.find(request(anonymous.id()))).isNull();
        assertThat(store.find(request(s.id())).adminId()).isEqualTo(7);
        assertThat(store.size()).isZero();
    }

    @Test
    void theDatabaseHoldsOnlyTheHashOfTheSessionId() throws SQLException {
        WebSession s = store.logIn(null, 7, request(null), response());
        assertThat(column("id_hash")).isEqualTo(SessionStore.hash(s.id()));
        assertThat(store.find(request(SessionStore.hash(s.id())))).isNull();
    }

    @Test
    void aLoggedInSessionIsAcceptedByAnotherHostOnTheDatabaseWithItsTokenAndMessage() {
        WebSession s = store.logIn(null, 7, request(null), response());
        store.flash(s, Notice.ok("Saved."));
        SessionStore otherHost = store(SessionStore.ADMIN);
        WebSession there = otherHost.find(request(s.id()));
        assertThat(there.adminId()).isEqualTo(7);
        assertThat(there.csrfMatches(s.csrfToken())).isTrue();
        assertThat(otherHost.takeFlash(there)).isEqualTo(Notice.ok("Saved."));
        assertThat(store.find(request(s.id())).flash()).isNull();
    }

    @Test
    void aSessionOfTheOtherAreaIsNotAccepted() {
        WebSession admin = store.logIn(null, 7, request(null), response());
        assertThat(store(SessionStore.CLIENT).find(request(admin.id()))).isNull();
    }

    @Test
    void logoutDeletesTheStoredSessionForEveryHost() {
        WebSession s = store.logIn(null, 7, request(null), response());
        store.invalidate(s);
        assertThat(store(SessionStore.ADMIN).find(request(s.id()))).isNull();
        assertThat(rows()).isZero();
    }

    @Test
    void aStoredSessionIdlesOutAfterThirtyMinutes() {
        WebSession s = store.logIn(null, 7, request(null), response());
        clock.advanceSeconds(29 * 60);
        assertThat(store.find(request(s.id())).adminId()).isEqualTo(7);
        clock.advanceSeconds(29 * 60);
        assertThat(store.find(request(s.id())).adminId()).isEqualTo(7);
        clock.advanceSeconds(31 * 60);
        assertThat(store.find(request(s.id()))).isNull();
        assertThat(rows()).isZero();
    }

    @Test
    void aStoredSessionEndsTwelveHoursAfterLoginHoweverBusy() {
        WebSession s = store.logIn(null, 7, request(null), response());
        for (int minutes = 20; minutes < 12 * 60; minutes += 20) {
            clock.advanceSeconds(20 * 60);
            assertThat(store.find(request(s.id()))).isNotNull();
        }
        // 12 h 1 min after login
        clock.advanceSeconds(21 * 60);
        assertThat(store.find(request(s.id()))).isNull();
    }

    @Test
    void theSweepDeletesExpiredSessionsNobodyAsksFor() {
        store.logIn(null, 7, request(null), response());
        store.logIn(null, 8, request(null), response());
        clock.advanceSeconds(31 * 60);
        store.find(request(null));
        assertThat(rows()).isZero();
    }

    @Test
    void aFloodOfAnonymousSessionsIsBoundedAndLeavesLoggedInOnesAlone() {
        WebSession admin = store.logIn(null, 7, request(null), response());
        for (int i = 0; i < 60_000; i++) {
            store.create(request(null), response(), "10.1." + (i / 250) + "." + (i % 250));
        }
        assertThat(store.size()).isEqualTo(SessionStore.MAX_SESSIONS);
        assertThat(store.find(request(admin.id())).adminId()).isEqualTo(7);
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
        WebSession first = store.create(request(null), response(), "10.0.0.1");
        WebSession last = first;
        for (int i = 0; i < 1_000; i++) {
            last = store.create(request(null), response(), "10.0.0.1");
        }
        assertThat(store.size()).isEqualTo(SessionStore.MAX_ANONYMOUS_PER_ADDRESS);
        assertThat(store.find(request(first.id()))).isNull();
        assertThat(store.find(request(last.id()))).isSameAs(last);
        assertThat(store.create(request(null), response(), "10.0.0.2")).isNotNull();
        assertThat(store.size()).isEqualTo(SessionStore.MAX_ANONYMOUS_PER_ADDRESS + 1);
    }

    @Test
    void aLoggedOutAnonymousSessionIsForgotten() {
        WebSession s = store.create(request(null), response(), "10.0.0.1");
        store.invalidate(s);
        assertThat(store.find(request(s.id()))).isNull();
    }

    private SessionStore store(String area) {
        return new SessionStore("TEST", "/", area, table, new TrustedProxies(List.of()), clock);
    }

    private int rows() {
        try {
            return Integer.parseInt(column("COUNT(*)"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String column(String expression) throws SQLException {
        try (Connection c = core.moduleDatabase().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT " + expression + " FROM web_sessions")) {
            r.next();
            return r.getString(1);
        }
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
