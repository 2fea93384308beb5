package org.billinghost.web.internal.client;

import org.billinghost.api.billing.ServiceAccount;
import org.billinghost.api.log.FailureLog;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Page;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code /clientarea/services}, the client area's main page: the active addons' client-area output, then the
 * client's services with status and the server module's own output.
 */
final class ServicesPage implements Page {
    private static final FailureLog FAILURES = new FailureLog(LoggerFactory.getLogger(ServicesPage.class));
    private static final int SHOWN = 200;
    private final HostServices host;

    ServicesPage(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        List<Map<String, Object>> services = host.services().list(ex.client().id(), 0, SHOWN).items().stream()
                .map(s -> Exchange.model("service", s, "html", moduleOutput(s)))
                .toList();
        // Modules.clientAreaOutputs already leaves out (and logs) an addon that fails
        ex.render("client/services.ftlh", Exchange.model("services", services,
                "addons", host.modules().clientAreaOutputs(ex.client().id())));
    }

    /** A module that fails to answer must not take the whole page down. */
    private String moduleOutput(ServiceAccount service) {
        try {
            return host.commands().clientArea(service.id()).orElse(null);
        } catch (RuntimeException e) {
            FAILURES.error(e, "Client-area output failed: service={} module={}", service.id(), service.module());
            return null;
        }
    }
}
