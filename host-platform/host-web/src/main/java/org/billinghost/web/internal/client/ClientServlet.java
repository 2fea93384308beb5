package org.billinghost.web.internal.client;

import jakarta.servlet.Servlet;
import org.billinghost.api.billing.AuthThrottle;
import org.billinghost.api.billing.Client;
import org.billinghost.web.internal.AreaServlet;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.LoginGate;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;
import org.billinghost.web.internal.Pager;
import org.billinghost.web.internal.SessionStore;
import org.billinghost.web.internal.SessionTable;
import org.billinghost.web.internal.Templates;
import org.billinghost.web.internal.TrustedProxies;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The store and the client area: {@code /} (store, product, cart, login, register) and
 * {@code /clientarea/*} (services, invoices). Pages under {@code /clientarea/} and the cart need a
 * logged-in client; the others are public.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/", "/clientarea/*"})
@HttpWhiteboardServletName("billing-client-area")
public final class ClientServlet extends AreaServlet {
    private static final long serialVersionUID = 1L;
    /** Framework property that switches on the demo gateway. */
    public static final String DEMO_PROPERTY = "billing.demo";

    private final transient HostServices host;
    private final boolean demo;
    private final transient Map<String, Page> publicPages;
    private final transient Map<String, Page> clientPages;

    @Activate
    public ClientServlet(@Reference HostServices host, @Reference TrustedProxies proxies,
                         @Reference SessionTable sessions, BundleContext context) {
        this(host, proxies, sessions, Boolean.parseBoolean(context.getProperty(DEMO_PROPERTY)), Clock.systemUTC());
    }

    public ClientServlet(HostServices host, TrustedProxies proxies, SessionTable sessions, boolean demo, Clock clock) {
        super(new Templates(), new SessionStore("BHCLIENT", "/", SessionStore.CLIENT, sessions, proxies, clock), proxies,
                "client");
        this.host = host;
        this.demo = demo;
        StorePage store = new StorePage(host.catalog());
        AccountPages account = new AccountPages(host.clients(),
                new LoginGate(host.authThrottle(), AuthThrottle.Realm.CLIENT));
        this.publicPages = Map.of(
                "/", store::home,
                "/store/product", store::product,
                "/login", account::login,
                "/logout", AccountPages::logout,
                "/register", account::register);
        this.clientPages = Map.of(
                "/cart", new CartPage(host, demo),
                "/clientarea", ClientServlet::toServices,
                "/clientarea/", ClientServlet::toServices,
                "/clientarea/services", new ServicesPage(host),
                "/clientarea/invoices", new InvoicesPage(host, demo));
    }

    @Override
    protected void handle(Exchange exchange) throws IOException {
        exchange.share("demo", demo);
        Optional<Client> client = loggedIn(exchange);
        client.ifPresent(exchange::client);
        String path = exchange.path();
        Page page = publicPages.get(path);
        if (page == null) {
            page = clientPages.get(path);
            if (page != null && client.isEmpty()) {
                exchange.redirect("/login?next=" + Pager.encode(returnTo(exchange)));
                return;
            }
        }
        if (page == null) {
            throw PageException.notFound("There is no page at " + path + ".");
        }
        page.handle(exchange);
    }

    /** Where to come back after logging in: the page asked for (only GETs; a POST has to be repeated). */
    private static String returnTo(Exchange exchange) {
        return exchange.isPost() ? exchange.path() : exchange.pathWithQuery();
    }

    private Optional<Client> loggedIn(Exchange exchange) {
        long id = exchange.sessionClientId();
        return id == 0 ? Optional.empty() : host.clients().get(id);
    }

    private static void toServices(Exchange exchange) throws IOException {
        exchange.redirect("/clientarea/services");
    }
}
