package org.billinghost.web.internal;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * One browser's session: who is logged in, the CSRF token of its forms and a one-shot message. An
 * anonymous one (only a form's token) lives in one host's memory; a logged-in one is a row of
 * {@link SessionTable}, read afresh on every request, and {@code idHash} names it.
 */
public final class WebSession {
    private final String id;
    private final String csrfToken;
    private final String area;
    private final long accountId;
    private final String idHash;
    private final String address;
    /** The hash of the admin session that opened this client-area session as the client ("Login as Client"), or null. */
    private final String adminSession;
    private final long impersonatorId;
    private volatile Notice flash;
    private volatile long lastAccessMillis;

    /** An anonymous session of a visitor at {@code address}. */
    WebSession(String id, String csrfToken, String address, long now) {
        this(id, csrfToken, null, 0, null, address, null, 0, null, now);
    }

    /**
     * A logged-in session of {@code accountId} in {@code area}, stored under {@code idHash}; opened by the admin
     * {@code impersonatorId} in their session {@code adminSession} (null and 0: by the account itself).
     */
    WebSession(String id, String csrfToken, String area, long accountId, String idHash, String adminSession,
               long impersonatorId, Notice flash, long now) {
        this(id, csrfToken, area, accountId, idHash, null, adminSession, impersonatorId, flash, now);
    }

    private WebSession(String id, String csrfToken, String area, long accountId, String idHash, String address,
                       String adminSession, long impersonatorId, Notice flash, long now) {
        this.id = id;
        this.csrfToken = csrfToken;
        this.area = area;
        this.accountId = accountId;
        this.idHash = idHash;
        this.address = address;
        this.adminSession = adminSession;
        this.impersonatorId = impersonatorId;
        this.flash = flash;
        this.lastAccessMillis = now;
    }

    public String id() {
        return id;
    }

    public String csrfToken() {
        return csrfToken;
    }

    /** Constant-time comparison, so the token cannot be guessed byte by byte. */
    public boolean csrfMatches(String candidate) {
        return candidate != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** The admin logged in, or 0. */
    public long adminId() {
        return SessionStore.ADMIN.equals(area) ? accountId : 0;
    }

    /** The client logged in, or 0. */
    public long clientId() {
        return SessionStore.CLIENT.equals(area) ? accountId : 0;
    }

    /** The admin who opened this client-area session as the client, or 0. */
    public long impersonatorId() {
        return impersonatorId;
    }

    /** The hash of that admin's session, or null. */
    String adminSession() {
        return adminSession;
    }

    /** Null for an anonymous session. */
    String idHash() {
        return idHash;
    }

    Notice flash() {
        return flash;
    }

    void flash(Notice message) {
        this.flash = message;
    }

    /** The visitor's address when the session was made (anonymous sessions are bounded per address). */
    String address() {
        return address;
    }

    long lastAccessMillis() {
        return lastAccessMillis;
    }

    void touch(long now) {
        this.lastAccessMillis = now;
    }
}
