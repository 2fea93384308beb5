package org.billinghost.web.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web sessions, kept in memory and named by a random cookie. Our own store rather than the
 * container's HttpSession so that the cookie's HttpOnly, SameSite and Secure attributes, the id
 * rotation at login and the idle time-out behave the same under Felix HTTP and in the embedded tests.
 *
 * <p>A session is made only when it is needed: at login, or when a page shows a form (whose CSRF
 * token lives in the session). Visitors who only read pages get none, so a flood of requests
 * creates nothing. The anonymous sessions (not logged in) are bounded per address and all
 * together; a full store drops the oldest anonymous session and never a logged-in one.
 */
public final class SessionStore {
    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final long SWEEP_MILLIS = 60_000;
    /** Sessions kept at most (memory). */
    static final int MAX_SESSIONS = 50_000;
    /** Anonymous sessions kept at most per visitor address; beyond it that address's oldest goes. */
    static final int MAX_ANONYMOUS_PER_ADDRESS = 100;

    private final Map<String, WebSession> sessions = new ConcurrentHashMap<>();
    /** The anonymous sessions, oldest first, all together and per address; guarded by {@code this}. */
    private final LinkedHashSet<WebSession> anonymous = new LinkedHashSet<>();
    private final Map<String, Deque<WebSession>> anonymousByAddress = new HashMap<>();
    private final String cookieName;
    private final String cookiePath;
    private final TrustedProxies proxies;
    private final Clock clock;
    private volatile long lastSweep;

    /** A store whose cookie is {@code cookieName}, sent back only for paths under {@code cookiePath}. */
    public SessionStore(String cookieName, String cookiePath, TrustedProxies proxies, Clock clock) {
        this.cookieName = cookieName;
        this.cookiePath = cookiePath;
        this.proxies = proxies;
        this.clock = clock;
    }

    /** The request's live session, or null: finding none creates nothing. */
    public WebSession find(HttpServletRequest request) {
        long now = clock.millis();
        sweep(now);
        String id = cookieValue(request);
        WebSession session = id == null ? null : sessions.get(id);
        if (session == null) {
            return null;
        }
        if (idle(session, now)) {
            synchronized (this) {
                remove(session);
            }
            return null;
        }
        session.touch(now);
        return session;
    }

    /**
     * A new anonymous session for a visitor at {@code address}, its cookie set on the response.
     * When the store is full of logged-in sessions the new one is not kept (and gets no cookie):
     * its form will answer that it has expired rather than log someone out.
     */
    public synchronized WebSession create(HttpServletRequest request, HttpServletResponse response, String address) {
        Deque<WebSession> ofAddress = anonymousByAddress.get(address);
        if (ofAddress != null && ofAddress.size() >= MAX_ANONYMOUS_PER_ADDRESS) {
            remove(ofAddress.peekFirst());
        }
        WebSession session = new WebSession(Tokens.random(), Tokens.random(), address, clock.millis());
        if (makeRoom()) {
            sessions.put(session.id(), session);
            anonymous.add(session);
            anonymousByAddress.computeIfAbsent(address, a -> new ArrayDeque<>()).addLast(session);
            setCookie(request, response, session.id());
        }
        return session;
    }

    /**
     * Logs the session in: a new id and CSRF token, so an id planted before login is worthless,
     * and from now on it is never evicted for an anonymous one.
     */
    public synchronized void rotate(WebSession session, HttpServletRequest request, HttpServletResponse response) {
        remove(session);
        session.id(Tokens.random());
        session.csrfToken(Tokens.random());
        if (makeRoom()) {
            sessions.put(session.id(), session);
            setCookie(request, response, session.id());
        }
    }

    /** Forgets the session (logout); the browser gets a fresh one when it next needs one. */
    public synchronized void invalidate(WebSession session) {
        remove(session);
        session.adminId(0);
        session.clientId(0);
    }

    /** Frees a place when the store is full by dropping the oldest anonymous session; false when none is left. */
    private boolean makeRoom() {
        if (sessions.size() < MAX_SESSIONS) {
            return true;
        }
        if (anonymous.isEmpty()) {
            return false;
        }
        remove(anonymous.iterator().next());
        return true;
    }

    private void remove(WebSession session) {
        sessions.remove(session.id(), session);
        if (anonymous.remove(session)) {
            Deque<WebSession> ofAddress = anonymousByAddress.get(session.address());
            ofAddress.remove(session);
            if (ofAddress.isEmpty()) {
                anonymousByAddress.remove(session.address());
            }
        }
    }

    private void sweep(long now) {
        if (now - lastSweep < SWEEP_MILLIS) {
            return;
        }
        lastSweep = now;
        List<WebSession> idle = new ArrayList<>();
        sessions.values().forEach(s -> {
            if (idle(s, now)) {
                idle.add(s);
            }
        });
        synchronized (this) {
            idle.forEach(this::remove);
        }
    }

    private static boolean idle(WebSession session, long now) {
        return now - session.lastAccessMillis() > IDLE.toMillis();
    }

    int size() {
        return sessions.size();
    }

    private String cookieValue(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (cookieName.equals(c.getName())) {
                return c.getValue();
            }
        }
        return null;
    }

    private void setCookie(HttpServletRequest request, HttpServletResponse response, String id) {
        response.addHeader("Set-Cookie", cookieName + "=" + id + "; Path=" + cookiePath + "; HttpOnly; SameSite=Lax"
                + (proxies.isSecure(request) ? "; Secure" : ""));
    }
}
