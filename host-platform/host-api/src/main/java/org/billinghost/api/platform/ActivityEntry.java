package org.billinghost.api.platform;

import java.time.Instant;

/**
 * One line of the activity log; {@code clientId} is 0 when no client is concerned. {@code user} is what
 * the log shows for the actor ({@link Actor#label()}), {@code actor} the actor itself with its address.
 */
public record ActivityEntry(long id, Instant time, String message, long clientId, String user, Actor actor) {

    /** A line without a known actor (the host's). */
    public ActivityEntry(long id, Instant time, String message, long clientId, String user) {
        this(id, time, message, clientId, user, Actor.SYSTEM);
    }
}
