package org.billinghost.httpapi.internal.actions;

import java.util.List;
import java.util.Map;
import org.billinghost.api.billing.Client;
import org.billinghost.api.billing.Clients;
import org.billinghost.api.billing.NewClient;
import org.billinghost.api.billing.Permissions;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.httpapi.internal.ActionTable;
import org.billinghost.httpapi.internal.ApiError;
import org.billinghost.httpapi.internal.ApiRequest;
import org.billinghost.httpapi.internal.Formats;

/** AddClient, GetClients, GetClientsDetails. */
public final class ClientActions {

    private final Clients clients;

    public ClientActions(Clients clients) {
        this.clients = clients;
    }

    public void register(ActionTable table) {
        table.add("AddClient", Permissions.CLIENTS, (r, admin) -> addClient(r))
                .add("GetClients", Permissions.CLIENTS, (r, admin) -> getClients(r))
                .add("GetClientsDetails", Permissions.CLIENTS, (r, admin) -> getClientsDetails(r));
    }

    private Map<String, Object> addClient(ApiRequest r) {
        r.refuseUnsupported("address2", "currency", "groupid", "notes", "language", "tax_id", "customfields",
                "securityqid", "securityqans", "cardtype", "cardnum", "expdate", "startdate", "issuenumber", "cvv",
                "marketingoptin", "clientip", "owner_user_id");
        r.refuseSwitchOtherThan("skipvalidation", false, "it checks every client's details");
        r.refuseSwitchOtherThan("noemail", false, "it always sends the signup e-mail");
        Client client = clients.add(new NewClient(r.string("firstname"), r.string("lastname"), r.string("email"),
                r.string("companyname", ""), r.string("address1", ""), r.string("city", ""), r.string("state", ""),
                r.string("postcode", ""), r.string("country", ""), r.string("phonenumber", ""),
                r.optString("password2").orElse(null)));
        return Replies.of("clientid", client.id());
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
