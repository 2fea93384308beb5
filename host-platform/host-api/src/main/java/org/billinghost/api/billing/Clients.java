package org.billinghost.api.billing;

import java.util.Optional;
import org.billinghost.api.platform.ResultPage;
import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public interface Clients {

    /** Registers a client; a duplicate e-mail address or a missing required field is refused. */
    Client add(NewClient client);

    Optional<Client> get(long id);

    Optional<Client> byEmail(String email);

    /** Matches name, company or e-mail, ignoring case; null or empty for all. Ordered by id. */
    ResultPage<Client> search(String search, int offset, int limit);

    /**
     * Changes a client's details: each non-null field of {@code changes} replaces the stored one (checked as
     * {@link #add} checks it), null keeps it; a non-empty password is hashed, an empty one keeps the stored password.
     * An e-mail address another client has is refused; an unknown id is {@code NOT_FOUND}.
     *
     * @since 2.2
     */
    Client update(long id, NewClient changes);

    /** The client whose e-mail and password match, if any (constant-time, slow hash). */
    Optional<Client> authenticate(String email, String password);

    /** The keys {@link #list(ListQuery, int, int)} sorts by: number, name, company, e-mail, signup date. */
    java.util.List<String> SORT_KEYS = java.util.List.of("id", "name", "company", "email", "created");

    /** Clients whose name, company or e-mail contains the search, in the order asked (default: number). */
    ResultPage<Client> list(ListQuery query, int offset, int limit);

    /** Sets a client's password (at least 8 characters), stored as a slow hash. */
    void changePassword(long clientId, String newPassword);

    /** The longest note {@link #addNote} takes. */
    int MAX_NOTE = 4000;

    /** Adds a note on the client, written by the {@link org.billinghost.api.platform.Actor#current() current actor}. */
    ClientNote addNote(long clientId, String note);

    /** The client's notes, newest first (at most {@code limit}). */
    java.util.List<ClientNote> notes(long clientId, int limit);
}
