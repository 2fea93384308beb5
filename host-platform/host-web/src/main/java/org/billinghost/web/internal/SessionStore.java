package org.billinghost.web.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.billinghost.api.log.FailureLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web sessions of one area, named by a random cookie. Our own store rather than the container's
 * HttpSession so that the cookie's HttpOnly, SameSite and Secure attributes, the id rotation at login
 * and the time-outs behave the same under Felix HTTP and in the embedded tests, and so that a
 * logged-in session can live in the database without a container-specific session store.
 *
 * <p>A logged-in session is a row of {@link SessionTable}: made at login under a new id, ended by
 * logout, by its idle time-out ({@link #IDLE}) or its absolute one ({@link #ABSOLUTE}); any host on the
 * database accepts its cookie, and a restart keeps it. Only the hash of the id is stored.
 *
 * <p>An anonymous session (only a form's CSRF token and a message, before login) stays in this host's
 * memory: it is made only when a page shows a form, visitors who only read pages get none, so a flood
 * of requests writes nothing to the database. They are bounded per address and all together; a full
 * store drops the oldest. Behind a balancer without sticky sessions a login form must be posted to the
 * host that showed it.
 */
public final class SessionStore {
    public static final String ADMIN = "admin";
    public static final String CLIENT = "client";
    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration ABSOLUTE = Duration.ofHours(12);
    private static final Logger LOG = LoggerFactory.getLogger(SessionStore.class);
    private static final FailureLog FAILURES = new FailureLog(LOG);
    private static final long SWEEP_MILLIS = 60_000;
    /** A stored session's last access is rewritten at most this often: not a database write per request. */
    static final long TOUCH_MILLIS = 60_000;
    /** Our ids are 43 characters; a longer cookie is none of ours and is not worth a hash or a query. */
    private static final int MAX_ID = 64;
    /** Anonymous sessions kept at most (memory). */
    static final int MAX_SESSIONS = 50_000;
    /** Anonymous sessions kept at most per visitor address; beyond it that address's oldest goes. */
    static final int MAX_ANONYMOUS_PER_ADDRESS = 100;

    private final Map<String, WebSession> anonymous = new ConcurrentHashMap<>();
    /** The anonymous sessions, oldest first, all together and per address; guarded by {@code this}. */
    private final LinkedHashSet<WebSession> oldestFirst = new LinkedHashSet<>();
    private final Map<String, Deque<WebSession>> anonymousByAddress = new HashMap<>();
    private final String cookieName;
    private final String cookiePath;
    private final String area;
    private final SessionTable table;
    private final TrustedProxies proxies;
    private final Clock clock;
    private volatile long lastSweep;

    /** The admin area's sessions (cookie {@code BHADMIN}, sent only under {@code /admin}). */
    public static SessionStore admin(SessionTable table, TrustedProxies proxies, Clock clock) {
        return new SessionStore("BHADMIN", "/admin", ADMIN, table, proxies, clock);
    }

    /** The store's and client area's sessions (cookie {@code BHCLIENT}); the admin area opens one for "Login as Client". */
    public static SessionStore client(SessionTable table, TrustedProxies proxies, Clock clock) {
        return new SessionStore("BHCLIENT", "/", CLIENT, table, proxies, clock);
    }

    /**
     * A store of {@code area}'s sessions whose cookie is {@code cookieName}, sent back only for paths
     * under {@code cookiePath}.
     */
    public SessionStore(String cookieName, String cookiePath, String area, SessionTable table,
                        TrustedProxies proxies, Clock clock) {
        this.cookieName = cookieName;
        this.cookiePath = cookiePath;
        this.area = area;
        this.table = table;
        this.proxies = proxies;
        this.clock = clock;
    }

    /** The request's live session, or null: finding none creates nothing. */
    public WebSession find(HttpServletRequest request) {
        long now = clock.millis();
        sweep(now);
        String id = cookieValue(request);
        if (id == null || id.length() > MAX_ID) {
            return null;
        }
        WebSession session = anonymous.get(id);
        if (session != null) {
            if (now - session.lastAccessMillis() > IDLE.toMillis()) {
                synchronized (this) {
                    remove(session);
                }
                return null;
            }
            session.touch(now);
            return session;
        }
        return stored(id, now);
    }

    private WebSession stored(String id, long now) {
        String hash = hash(id);
        Optional<SessionTable.Row> found = table.find(hash);
        if (found.isEmpty() || !area.equals(found.get().area())) {
            return null;
        }
        SessionTable.Row row = found.get();
        if (expired(row, now)) {
            table.delete(hash);
            return null;
        }
        keepAlive(hash, row, now);
        return new WebSession(id, row.csrfToken(), area, row.accountId(), hash, row.adminSession(), row.adminId(),
                row.flash(), now);
    }

    private static boolean expired(SessionTable.Row row, long now) {
        return now - row.lastAccess() > IDLE.toMillis() || now - row.created() > ABSOLUTE.toMillis();
    }

    private void keepAlive(String hash, SessionTable.Row row, long now) {
        if (now - row.lastAccess() >= TOUCH_MILLIS) {
            table.touch(hash, now);
        }
    }

    /**
     * Whether the admin session that opened {@code session} as the client still lives (not logged out, not timed
     * out, still the same admin's). Working as the client is the admin's work, so it keeps that session from idling
     * out; its absolute time-out still ends both.
     */
    boolean adminSessionLives(WebSession session) {
        long now = clock.millis();
        Optional<SessionTable.Row> found = table.find(session.adminSession());
        if (found.isEmpty() || !ADMIN.equals(found.get().area()) || found.get().accountId() != session.impersonatorId()
                || expired(found.get(), now)) {
            return false;
        }
        keepAlive(session.adminSession(), found.get(), now);
        return true;
    }

    /**
     * A new anonymous session for a visitor at {@code address}, its cookie set on the response. The
     * oldest anonymous session goes when the store or the address's share of it is full.
     */
    public synchronized WebSession create(HttpServletRequest request, HttpServletResponse response, String address) {
        Deque<WebSession> ofAddress = anonymousByAddress.get(address);
        if (ofAddress != null && ofAddress.size() >= MAX_ANONYMOUS_PER_ADDRESS) {
            remove(ofAddress.peekFirst());
        } else if (anonymous.size() >= MAX_SESSIONS) {
            remove(oldestFirst.iterator().next());
        }
        WebSession session = new WebSession(Tokens.random(), Tokens.random(), address, clock.millis());
        anonymous.put(session.id(), session);
        oldestFirst.add(session);
        anonymousByAddress.computeIfAbsent(address, a -> new ArrayDeque<>()).addLast(session);
        setCookie(request, response, session.id());
        return session;
    }

    /**
     * Logs {@code accountId} in: the session it had (may be null) ends and a stored one with a new id
     * and CSRF token starts, so an id planted before login is worthless. Its message carries over.
     */
    public WebSession logIn(WebSession before, long accountId, HttpServletRequest request,
                            HttpServletResponse response) {
        return logIn(before, accountId, null, request, response);
    }

    /**
     * Logs {@code accountId} in as {@link #logIn(WebSession, long, HttpServletRequest, HttpServletResponse)} does;
     * {@code admin} (may be null): the stored admin session that opens this one as the client.
     */
    WebSession logIn(WebSession before, long accountId, WebSession admin, HttpServletRequest request,
                     HttpServletResponse response) {
        Notice flash = null;
        if (before != null) {
            flash = before.flash();
            invalidate(before);
        }
        long now = clock.millis();
        String id = Tokens.random();
        String adminSession = admin == null ? null : admin.idHash();
        long adminId = admin == null ? 0 : admin.adminId();
        WebSession session = new WebSession(id, Tokens.random(), area, accountId, hash(id), adminSession, adminId,
                flash, now);
        table.insert(session.idHash(), area, accountId, session.csrfToken(), flash, now, adminSession, adminId);
        setCookie(request, response, id);
        return session;
    }

    /** Forgets the session (logout); the browser gets a fresh one when it next needs one. */
    public void invalidate(WebSession session) {
        if (session.idHash() != null) {
            table.delete(session.idHash());
            return;
        }
        synchronized (this) {
            remove(session);
        }
    }

    /** Ends every stored session of {@code accountId} in this area but {@code kept} (may be null or anonymous). */
    void endOtherSessions(long accountId, WebSession kept) {
        table.deleteAccount(area, accountId, kept == null || kept.idHash() == null ? "" : kept.idHash());
    }

    /**
     * Ends the client-area sessions the admin session {@code admin} opened; answers the clients of those this call
     * deleted, so each end is told once. One opened after the read ends at its next request (its admin session is
     * gone).
     */
    List<Long> endImpersonatedBy(WebSession admin) {
        return table.impersonatedBy(admin.idHash()).stream().filter(opened -> table.delete(opened.idHash()))
                .map(SessionTable.Opened::clientId).toList();
    }

    /** Keeps a message for the next page of the stored session {@code idHash} (another area's, say). */
    void flash(String idHash, Notice notice) {
        table.flash(idHash, notice);
    }

    /** Keeps a message for the next page of this session, on whichever host it opens. */
    void flash(WebSession session, Notice notice) {
        session.flash(notice);
        if (session.idHash() != null) {
            table.flash(session.idHash(), notice);
        }
    }

    /** Takes the message to show once on this page. */
    Notice takeFlash(WebSession session) {
        Notice notice = session.flash();
        if (notice != null) {
            session.flash(null);
            if (session.idHash() != null) {
                table.flash(session.idHash(), null);
            }
        }
        return notice;
    }

    private void remove(WebSession session) {
        anonymous.remove(session.id(), session);
        if (oldestFirst.remove(session)) {
            Deque<WebSession> ofAddress = anonymousByAddress.get(session.address());
            ofAddress.remove(session);
            if (ofAddress.isEmpty()) {
                anonymousByAddress.remove(session.address());
            }
        }
    }

    /**
     * Once a minute, on a request: drops this host's idle anonymous sessions and deletes the expired
     * stored ones. The delete is idempotent, so every host (and both areas) may run it; an expired row
     * that waits for it is refused when read anyway, hence no job in the durable queue.
     */
    private void sweep(long now) {
        if (now - lastSweep < SWEEP_MILLIS) {
            return;
        }
        lastSweep = now;
        List<WebSession> idle = new ArrayList<>();
        anonymous.values().forEach(s -> {
            if (now - s.lastAccessMillis() > IDLE.toMillis()) {
                idle.add(s);
            }
        });
        synchronized (this) {
            idle.forEach(this::remove);
        }
        try {
            table.deleteExpired(now - IDLE.toMillis(), now - ABSOLUTE.toMillis());
        } catch (RuntimeException e) {
            // the next sweep tries again; this visitor's page need not fail for it
            FAILURES.error(e, "Deleting expired web sessions failed");
        }
    }

    /** Anonymous sessions in memory. */
    int size() {
        return anonymous.size();
    }

    static String hash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
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
