package org.billinghost.web.internal.admin;

import org.billinghost.api.billing.Client;
import org.billinghost.api.billing.Clients;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.LongStream;

/** The names lists show instead of client ids: one read per distinct client of the page (a page has at most 25). */
final class ClientNames {
    private ClientNames() {
    }

    /**
     * Id (as text: the templates' maps have text keys) to "First Last (Company)"; a client that no longer exists
     * is left out (the page shows its id).
     */
    static Map<String, String> of(Clients clients, LongStream ids) {
        Map<String, String> names = new HashMap<>();
        ids.filter(id -> id > 0).distinct()
                .forEach(id -> clients.get(id).ifPresent(c -> names.put(String.valueOf(id), name(c))));
        return names;
    }

    static String name(Client c) {
        String name = (c.firstName() + " " + c.lastName()).strip();
        return c.companyName() == null || c.companyName().isBlank() ? name : name + " (" + c.companyName() + ")";
    }
}
