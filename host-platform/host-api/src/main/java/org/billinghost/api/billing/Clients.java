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

    /**
     * Closes a client (WHMCS's CloseClient): status {@code Closed}, so that they can no longer log in; their Pending
     * orders and services and their Unpaid invoices become Cancelled. Refused ({@code CONFLICT}, nothing changed)
     * while a service is Active, Suspended or Provisioning (it would keep running at its provider: terminate it
     * first) or an Unpaid invoice has money taken on it (cancelling it would hide that money). Closing a Closed
     * client changes nothing; an unknown id is {@code NOT_FOUND}.
     *
     * @since 2.2
     */
    Client close(long id);

    /**
     * Deletes a client with their orders, invoices, services (with their custom field values, upgrades and
     * cancellation requests) and logged-in sessions, in one transaction (WHMCS's DeleteClient); the activity log
     * keeps its entries. Refused ({@code CONFLICT}, nothing deleted) when the client has any payment or credit entry
     * (nothing paid is deleted: close the client instead), or a service a module has worked on or that is not
     * Pending, Cancelled or Fraud. An unknown id is {@code NOT_FOUND}.
     *
     * @since 2.2
     */
    void delete(long id);

    /** The client whose e-mail and password match, if any (constant-time, slow hash); never a Closed client. */
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
