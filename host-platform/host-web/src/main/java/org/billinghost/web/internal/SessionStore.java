package org.billinghost.web.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web sessions, kept in memory and named by a random cookie. Our own store rather than the
 * container's HttpSession so that the cookie's HttpOnly and SameSite attributes, the id rotation
 * at login and the idle time-out behave the same under Felix HTTP and in the embedded tests.
 */
public final class SessionStore {
    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final long SWEEP_MILLIS = 60_000;
    /** Sessions kept at most; beyond it the least recently used go first (a flood of new visitors cannot exhaust memory). */
    static final int MAX_SESSIONS = 50_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, WebSession> sessions = new ConcurrentHashMap<>();
    private final String cookieName;
    private final String cookiePath;
    private final Clock clock;
    private volatile long lastSweep;

    /** A store whose cookie is {@code cookieName}, sent back only for paths under {@code cookiePath}. */
    public SessionStore(String cookieName, String cookiePath, Clock clock) {
        this.cookieName = cookieName;
        this.cookiePath = cookiePath;
        this.clock = clock;
    }

    /** The request's live session, or a new one whose cookie is set on the response. */
    public WebSession resolve(HttpServletRequest request, HttpServletResponse response) {
        long now = clock.millis();
        sweep(now);
        String id = cookieValue(request);
        WebSession session = id == null ? null : sessions.get(id);
        if (session != null && now - session.lastAccessMillis() > IDLE.toMillis()) {
            sessions.remove(id);
            session = null;
        }
        if (session == null) {
            if (sessions.size() >= MAX_SESSIONS) {
                evictOldest(now);
            }
            session = new WebSession(newId(), newId(), now);
            sessions.put(session.id(), session);
            setCookie(request, response, session.id());
        }
        session.touch(now);
        return session;
    }

    /** Gives the session a new id and CSRF token (at login), so an id planted before login is worthless. */
    public void rotate(WebSession session, HttpServletRequest request, HttpServletResponse response) {
        sessions.remove(session.id());
        session.id(newId());
        session.csrfToken(newId());
        sessions.put(session.id(), session);
        setCookie(request, response, session.id());
    }

    /** Forgets the session (logout); the browser gets a fresh one on its next request. */
    public void invalidate(WebSession session) {
        sessions.remove(session.id());
        session.adminId(0);
        session.clientId(0);
    }

    private void sweep(long now) {
        if (now - lastSweep < SWEEP_MILLIS) {
            return;
        }
        lastSweep = now;
        sessions.values().removeIf(s -> now - s.lastAccessMillis() > IDLE.toMillis());
    }

    private void evictOldest(long now) {
        sessions.values().removeIf(s -> now - s.lastAccessMillis() > IDLE.toMillis());
        while (sessions.size() >= MAX_SESSIONS) {
            sessions.values().stream().min(Comparator.comparingLong(WebSession::lastAccessMillis))
                    .ifPresent(oldest -> sessions.remove(oldest.id()));
        }
    }

    int size() {
        return sessions.size();
    }

    private String newId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
                + (request.isSecure() ? "; Secure" : ""));
    }
}
