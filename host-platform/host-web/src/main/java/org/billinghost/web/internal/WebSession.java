package org.billinghost.web.internal;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/** One browser's session: who is logged in, the CSRF token of its forms and a one-shot message. */
public final class WebSession {
    private volatile String id;
    private volatile String csrfToken;
    private volatile long adminId;
    private volatile long clientId;
    private volatile Notice flash;
    private volatile long lastAccessMillis;
    private final String address;

    WebSession(String id, String csrfToken, String address, long now) {
        this.id = id;
        this.csrfToken = csrfToken;
        this.address = address;
        this.lastAccessMillis = now;
    }

    public String id() {
        return id;
    }

    void id(String newId) {
        this.id = newId;
    }

    public String csrfToken() {
        return csrfToken;
    }

    void csrfToken(String token) {
        this.csrfToken = token;
    }

    /** Constant-time comparison, so the token cannot be guessed byte by byte. */
    public boolean csrfMatches(String candidate) {
        return candidate != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    public long adminId() {
        return adminId;
    }

    public void adminId(long adminId) {
        this.adminId = adminId;
    }

    public long clientId() {
        return clientId;
    }

    public void clientId(long clientId) {
        this.clientId = clientId;
    }

    /** Takes the message to show once on the next page. */
    public Notice takeFlash() {
        Notice f = flash;
        flash = null;
        return f;
    }

    public void flash(Notice message) {
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
