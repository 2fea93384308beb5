package org.billinghost.web.internal.client;

import jakarta.servlet.Servlet;
import org.billinghost.api.billing.AuthThrottle;
import org.billinghost.web.internal.AreaServlet;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.LoginGate;
import org.billinghost.web.internal.MenuItem;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

    /** Who may open a page, and for whom its menu link shows. */
    private enum Visitor {
        /** Anyone; in everyone's menu. */
        ANYONE,
        /** Anyone; in the menu of visitors who are not logged in (logging in, registering). */
        GUEST,
        /** A logged-in client only (others are sent to the login page); in their menu. */
        CLIENT
    }

    /**
     * A store or client-area page: its path, its label in the menu (null: not in the menu), who may
     * open it and the page. The one table drives the dispatch and the menu, as the admin area's does.
     */
    private record Route(String path, String label, Visitor visitor, Page page) {
    }

    private final transient HostServices host;
    private final boolean demo;
    private final transient List<Route> routes;
    private final transient Map<String, Route> byPath;

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
        // in the menu's order
        this.routes = List.of(
                new Route("/", "Store", Visitor.ANYONE, store::home),
                new Route("/clientarea/services", "My services", Visitor.CLIENT, new ServicesPage(host)),
                new Route("/clientarea/invoices", "My invoices", Visitor.CLIENT, new InvoicesPage(host, demo)),
                new Route("/login", "Log in", Visitor.GUEST, account::login),
                new Route("/register", "Register", Visitor.GUEST, account::register),
                new Route("/store/product", null, Visitor.ANYONE, store::product),
                new Route("/logout", null, Visitor.ANYONE, AccountPages::logout),
                new Route("/cart", null, Visitor.CLIENT, new CartPage(host, demo)),
                new Route("/clientarea", null, Visitor.CLIENT, ClientServlet::toServices),
                new Route("/clientarea/", null, Visitor.CLIENT, ClientServlet::toServices));
        this.byPath = routes.stream().collect(Collectors.toUnmodifiableMap(Route::path, r -> r));
    }

    @Override
    protected void identify(Exchange exchange) {
        exchange.share("demo", demo);
        long id = exchange.sessionClientId();
        if (id != 0) {
            host.clients().get(id).ifPresent(exchange::client);
        }
        exchange.share("menu", menu(exchange.client() != null));
    }

    @Override
    protected void handle(Exchange exchange) throws IOException {
        String path = exchange.path();
        Route route = byPath.get(path);
        if (route == null) {
            throw PageException.notFound("There is no page at " + path + ".");
        }
        if (route.visitor() == Visitor.CLIENT && exchange.client() == null) {
            exchange.redirect("/login?next=" + Pager.encode(returnTo(exchange)));
            return;
        }
        route.page().handle(exchange);
    }

    /** Where to come back after logging in: the page asked for (only GETs; a POST has to be repeated). */
    private static String returnTo(Exchange exchange) {
        return exchange.isPost() ? exchange.path() : exchange.pathWithQuery();
    }

    private List<MenuItem> menu(boolean loggedIn) {
        Visitor hidden = loggedIn ? Visitor.GUEST : Visitor.CLIENT;
        return routes.stream()
                .filter(r -> r.label() != null && r.visitor() != hidden)
                .map(r -> new MenuItem(r.label(), r.path()))
                .toList();
    }

    private static void toServices(Exchange exchange) throws IOException {
        exchange.redirect("/clientarea/services");
    }
}
