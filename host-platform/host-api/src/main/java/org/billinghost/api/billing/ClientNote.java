package org.billinghost.api.billing;

import java.time.Instant;

/** An admin's note on a client: its text, who wrote it (the admin's username) and when. */
public record ClientNote(long id, long clientId, String note, String author, Instant created) {
}
