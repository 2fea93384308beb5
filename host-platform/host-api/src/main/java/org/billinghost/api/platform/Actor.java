package org.billinghost.api.platform;

import java.util.Locale;
import java.util.Objects;

/**
 * Who is acting: an admin, a client, an API credential, a visitor not logged in, or the host itself
 * (automation, jobs queued by it). The activity log records the actor of the request it is written in.
 *
 * <p>The areas and the HTTP API open a {@link #actAs scope} for each request; work that leaves the
 * request's thread (a queued module command) stores the actor with it and opens a scope again when it
 * runs, so the line is credited to whoever asked for it.
 *
 * @param kind what the actor is
 * @param id   the admin's, client's or API credential's id; 0 for the host and a visitor
 * @param name what the log shows (an admin's username, a client's name, a credential's identifier)
 * @param ip   the address the request came from; empty for the host
 */
public record Actor(Kind kind, long id, String name, String ip) {
    /** The kinds of actor, with the name stored in the database. */
    public enum Kind {
        SYSTEM, ADMIN, CLIENT, API, VISITOR;

        /** The name the database and the API use ({@code admin}, {@code client}, ...). */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind of a stored code; the host for one this version does not know. */
        public static Kind of(String code) {
            for (Kind k : values()) {
                if (k.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                    return k;
                }
            }
            return SYSTEM;
        }
    }

    /** The host itself: automation, and what no request asked for. */
    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, 0, "System", "");

    private static final int MAX_NAME = 255;
    private static final int MAX_IP = 64;
    private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

    public Actor {
        Objects.requireNonNull(kind, "kind");
        name = clip(name == null || name.isBlank() ? (kind == Kind.SYSTEM ? "System" : "") : name.strip(), MAX_NAME);
        ip = clip(ip == null ? "" : ip.strip(), MAX_IP);
        id = Math.max(id, 0);
    }

    public static Actor admin(long id, String username, String ip) {
        return new Actor(Kind.ADMIN, id, username, ip);
    }

    public static Actor client(long id, String name, String ip) {
        return new Actor(Kind.CLIENT, id, name, ip);
    }

    public static Actor api(long credentialId, String identifier, String ip) {
        return new Actor(Kind.API, credentialId, identifier, ip);
    }

    public static Actor visitor(String ip) {
        return new Actor(Kind.VISITOR, 0, "Visitor", ip);
    }

    /** The actor of the work running on this thread; {@link #SYSTEM} outside any scope. */
    public static Actor current() {
        Actor actor = CURRENT.get();
        return actor == null ? SYSTEM : actor;
    }

    /**
     * Makes {@code actor} the current one until the scope is closed (try-with-resources); closing it
     * brings back the one before, so scopes nest.
     */
    public static Scope actAs(Actor actor) {
        Actor before = CURRENT.get();
        CURRENT.set(Objects.requireNonNull(actor, "actor"));
        return () -> {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        };
    }

    /** What the log's "user" column shows: the name, with the kind for an API credential and a visitor. */
    public String label() {
        return switch (kind) {
            case API -> "API: " + name;
            case VISITOR -> "Visitor";
            default -> name;
        };
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** An open {@link #actAs} scope. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
