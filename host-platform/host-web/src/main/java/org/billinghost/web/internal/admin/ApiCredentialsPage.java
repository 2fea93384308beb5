package org.billinghost.web.internal.admin;

import org.billinghost.api.billing.ApiCredentials;
import org.billinghost.web.internal.Confirmation;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Notice;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /admin/apicredentials}: the API credentials; a new one's secret is shown on the answer
 * to its creation only (it is stored hashed, so it cannot be shown again). Also the API's address
 * restriction and access key ({@link ApiAccessSettings}).
 */
final class ApiCredentialsPage implements Page {
    private static final String LINK = "/admin/apicredentials";
    private final HostServices host;
    private final ApiAccessSettings access;

    ApiCredentialsPage(HostServices host) {
        this.host = host;
        this.access = new ApiAccessSettings(host.settingsDir());
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        ApiCredentials.Created created = null;
        if (ex.isPost()) {
            switch (ex.param("do")) {
                case "create" -> {
                    Set<String> actions = Arrays.stream(ex.param("actions").split("[,\\s]+"))
                            .map(String::trim).filter(s -> !s.isEmpty())
                            .collect(Collectors.toCollection(LinkedHashSet::new));
                    created = host.apiCredentials().create(ex.admin().id(), ex.param("description").trim(), actions);
                }
                case "delete" -> {
                    if (!Confirmation.given(ex)) {
                        Confirmation.ask(ex, "Delete this API credential? Integrations using it stop working at"
                                + " once.", LINK, Map.of("do", "delete", "id", String.valueOf(ex.number("id"))),
                                "Yes, delete", LINK);
                        return;
                    }
                    ex.actThenRedirect(LINK, () -> {
                        host.apiCredentials().delete(ex.number("id"));
                        return "Deleted the credential.";
                    });
                    return;
                }
                case "access" -> {
                    ex.actThenRedirect(LINK, () -> access.save(ex.param("allowedips"), ex.param("accesskey"),
                            ex.ticked("removekey")));
                    return;
                }
                default -> throw PageException.badRequest("Unknown action.");
            }
        }
        ApiAccessSettings.Current current = access.read();
        ex.render("admin/apicredentials.ftlh", Exchange.model("credentials", host.apiCredentials().list(),
                "allowedIps", current.allowedIps(), "accessKeySet", current.accessKeySet(),
                "accessEditable", access.available(),
                "created", created, "flash", created == null ? null
                        : Notice.ok("Created the credential. Copy the secret now: it is shown only this once.")));
    }
}
