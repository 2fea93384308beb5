package org.billinghost.httpapi.internal.actions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.billinghost.api.billing.AuthThrottle;
import org.billinghost.api.billing.Client;
import org.billinghost.api.billing.Clients;
import org.billinghost.api.billing.Emails;
import org.billinghost.api.billing.NewClient;
import org.billinghost.api.billing.Permissions;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.httpapi.internal.ActionTable;
import org.billinghost.httpapi.internal.ApiError;
import org.billinghost.httpapi.internal.ApiRequest;
import org.billinghost.httpapi.internal.Formats;

/** AddClient, UpdateClient, CloseClient, DeleteClient, GetClients, GetClientsDetails, ValidateLogin. */
public final class ClientActions {

    /** Longer e-mail addresses and passwords are refused before any work. */
    private static final int MAX_LOGIN_FIELD = 1000;

    private final Clients clients;
    private final AuthThrottle throttle;
    private final Emails emails;

    public ClientActions(Clients clients, AuthThrottle throttle, Emails emails) {
        this.emails = emails;
        this.clients = clients;
        this.throttle = throttle;
    }

    public void register(ActionTable table) {
        table.add("AddClient", Permissions.CLIENTS, (r, admin) -> addClient(r))
                .add("GetClients", Permissions.CLIENTS, (r, admin) -> getClients(r))
                .add("GetClientsDetails", Permissions.CLIENTS, (r, admin) -> getClientsDetails(r))
                .add("UpdateClient", Permissions.CLIENTS, (r, admin) -> updateClient(r))
                .add("CloseClient", Permissions.CLIENTS, (r, admin) -> Replies.of("clientid",
                        clients.close(r.id("clientid")).id()))
                .add("DeleteClient", Permissions.CLIENTS, (r, admin) -> deleteClient(r))
                .add("ValidateLogin", Permissions.CLIENTS, (r, admin) -> validateLogin(r));
    }

    private Map<String, Object> addClient(ApiRequest r) {
        r.refuseUnsupported("address2", "currency", "groupid", "notes", "language", "tax_id", "customfields",
                "securityqid", "securityqans", "cardtype", "cardnum", "expdate", "startdate", "issuenumber", "cvv",
                "marketingoptin", "clientip", "owner_user_id");
        r.refuseSwitchOtherThan("skipvalidation", false, "it checks every client's details");
        NewClient details = new NewClient(r.string("firstname"), r.string("lastname"), r.string("email"),
                r.string("companyname", ""), r.string("address1", ""), r.string("city", ""), r.string("state", ""),
                r.string("postcode", ""), r.string("country", ""), r.string("phonenumber", ""),
                r.optString("password2").orElse(null));
        Client client = emails.withoutMessages(r.bool("noemail", false) ? Set.of("client_signup") : Set.of(),
                () -> clients.add(details));
        return Replies.of("clientid", client.id());
    }

    /** WHMCS's UpdateClient: the fields sent replace the stored ones; the client is named by clientid or clientemail. */
    private Map<String, Object> updateClient(ApiRequest r) {
        r.refuseUnsupported("address2", "tax_id", "currency", "language", "clientip", "securityqid", "securityqans",
                "cardtype", "cardnum", "expdate", "startdate", "issuenumber", "cvv", "clearcreditcard",
                "paymentmethod", "customfields", "groupid", "status", "taxexempt", "latefeeoveride",
                "overideduenotices", "separateinvoices", "disableautocc", "emailoptout", "marketingoptin",
                "overrideautoclose", "credit", "notes", "email_preferences");
        r.refuseSwitchOtherThan("skipvalidation", false, "it checks every client's details");
        long id;
        if (r.has("clientid")) {
            id = r.id("clientid");
        } else if (r.has("clientemail")) {
            String email = r.string("clientemail");
            id = clients.byEmail(email).orElseThrow(() -> ApiError.notFound("Client Not Found: " + email)).id();
        } else {
            throw ApiError.invalid("Missing required parameter: clientid or clientemail");
        }
        clients.update(id, new NewClient(sent(r, "firstname"), sent(r, "lastname"), sent(r, "email"),
                sent(r, "companyname"), sent(r, "address1"), sent(r, "city"), sent(r, "state"), sent(r, "postcode"),
                sent(r, "country"), sent(r, "phonenumber"), r.rawString("password2").orElse(null)));
        return Replies.of("clientid", id);
    }

    /** WHMCS's DeleteClient, with the house rule that nothing paid is deleted (see {@link Clients#delete}). */
    private Map<String, Object> deleteClient(ApiRequest r) {
        r.refuseSwitchOtherThan("deleteusers", true, "a client's login is part of the client and goes with it");
        r.refuseSwitchOtherThan("deletetransactions", false,
                "it never deletes transactions: a client who has any is refused, close the client instead");
        long id = r.id("clientid");
        clients.delete(id);
        return Replies.of("clientid", id);
    }

    /** A field as sent (empty clears it; a required one is then refused by the core), or null when not sent. */
    private static String sent(ApiRequest r, String name) {
        return r.raw(name) == null ? null : r.optString(name).orElse("");
    }

    /**
     * WHMCS's ValidateLogin: whether a client's e-mail and password are right. WHMCS also answers the stored password
     * hash; this host never hands out a hash. Guesses are throttled per e-mail as the client area's logins are, so an
     * API credential cannot be used to try one client's passwords at speed. Not per caller: an integration checking
     * its customers' logins would lock itself out after a few customers' typos.
     */
    private Map<String, Object> validateLogin(ApiRequest r) {
        String email = r.string("email");
        String password = r.rawString("password2")
                .orElseThrow(() -> ApiError.invalid("Missing required parameter: password2"));
        if (email.length() > MAX_LOGIN_FIELD || password.length() > MAX_LOGIN_FIELD) {
            throw ApiError.invalid("Parameters email and password2 have at most " + MAX_LOGIN_FIELD + " characters");
        }
        AuthThrottle.Attempt attempt = throttle.begin(AuthThrottle.Realm.CLIENT, email, "api:" + email);
        if (!attempt.allowed()) {
            throw ApiError.refused("Too many failed logins for this e-mail address; try again in "
                    + attempt.secondsLocked() + " seconds");
        }
        Optional<Client> client;
        try {
            client = clients.authenticate(email, password);
        } catch (RuntimeException e) {
            attempt.abandoned();
            throw e;
        }
        if (client.isEmpty()) {
            attempt.failed();
            throw ApiError.refused("Email or Password Invalid");
        }
        attempt.succeeded();
        return Replies.of("userid", client.get().id(), "twoFactorEnabled", false);
    }

    private Map<String, Object> getClients(ApiRequest r) {
        r.refuseUnsupported("status", "orderby", "sorting");
        Paging paging = Paging.of(r);
        ResultPage<Client> page = clients.search(r.string("search", null), paging.offset(), paging.limit());
        List<Map<String, Object>> items = page.items().stream().map(c -> Replies.of(
                "id", c.id(), "firstname", c.firstName(), "lastname", c.lastName(), "companyname", c.companyName(),
                "email", c.email(), "datecreated", Formats.date(c.created()), "groupid", 0,
                "status", c.status())).toList();
        return Replies.page(page, "clients", "client", items);
    }

    private Map<String, Object> getClientsDetails(ApiRequest r) {
        r.refuseSwitchOtherThan("stats", false, "it answers no client statistics");
        Client c;
        if (r.has("clientid")) {
            long id = r.id("clientid");
            c = clients.get(id).orElseThrow(() -> ApiError.notFound("Client Not Found: clientid " + id));
        } else if (r.has("email")) {
            String email = r.string("email");
            c = clients.byEmail(email).orElseThrow(() -> ApiError.notFound("Client Not Found: " + email));
        } else {
            throw ApiError.invalid("Missing required parameter: clientid or email");
        }
        Map<String, Object> details = details(c);
        // WHMCS answers the fields both at the top level and under "client".
        Map<String, Object> reply = Replies.of("client", details);
        reply.putAll(details);
        return reply;
    }

    private static Map<String, Object> details(Client c) {
        return Replies.of("id", c.id(), "userid", c.id(), "client_id", c.id(), "firstname", c.firstName(),
                "lastname", c.lastName(), "fullname", c.fullName(), "companyname", c.companyName(),
                "email", c.email(), "address1", c.address1(), "city", c.city(), "state", c.state(),
                "postcode", c.postcode(), "country", c.country(), "phonenumber", c.phoneNumber(),
                "status", c.status(), "datecreated", Formats.date(c.created()));
    }
}
