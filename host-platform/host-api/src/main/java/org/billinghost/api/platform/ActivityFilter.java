package org.billinghost.api.platform;

import java.time.Instant;

/**
 * What an activity-log search keeps; every part is optional (null, blank or 0 keeps everything).
 *
 * @param text      part of the message, ignoring case
 * @param clientId  the client the line concerns
 * @param from      lines at or after this time
 * @param to        lines before this time
 * @param actorKind the kind of actor
 * @param actorName part of the actor's name, ignoring case
 */
public record ActivityFilter(String text, long clientId, Instant from, Instant to, Actor.Kind actorKind,
                             String actorName) {

    /** Every line. */
    public static final ActivityFilter ALL = new ActivityFilter(null, 0, null, null, null, null);

    /** Lines whose message contains {@code text}, of client {@code clientId} when it is above 0. */
    public static ActivityFilter of(String text, long clientId) {
        return new ActivityFilter(text, clientId, null, null, null, null);
    }
}
