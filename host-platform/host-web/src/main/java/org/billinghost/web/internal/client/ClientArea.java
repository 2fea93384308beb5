package org.billinghost.web.internal.client;

import org.billinghost.api.billing.AuthThrottle;
import org.billinghost.api.billing.Emails;
import org.billinghost.web.internal.Area;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Impersonation;
import org.billinghost.web.internal.LoginGate;
import org.billinghost.web.internal.MenuItem;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;
import org.billinghost.web.internal.Pager;
import org.billinghost.web.internal.PasswordResetPages;
import org.billinghost.web.internal.SessionStore;
import org.billinghost.web.internal.SessionTable;
import org.billinghost.web.internal.TrustedProxies;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContext;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The store and the client area: its servlet context at the site root and its route table ({@code /}
 * store, product, cart, login, register; {@code /clientarea/} services, invoices). Pages under
 * {@code /clientarea/} and the cart need a logged-in client; the others are public.
 *
 * <p>The context shares the site root with the whiteboard's default one (the HTTP API, the assets, a
 * module's servlet). It ranks lowest, so the whiteboard asks the default context first and this one only
 * for a path none of the default context's servlets takes; {@code AreaServlet} then takes every such path,
 * so an unknown path gets this area's 404 page with the menu.
 */
@Component(service = {ServletContextHelper.class, Area.class},
        property = Constants.SERVICE_RANKING + ":Integer=" + Integer.MIN_VALUE)
@HttpWhiteboardContext(name = Area.CLIENT_CONTEXT, path = "/")
public final class ClientArea extends Area {
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

    private final HostServices host;
    private final boolean demo;
    private final Impersonation impersonation;
    private final List<Route> routes;
    private final Map<String, Route> byPath;

    @Activate
    public ClientArea(@Reference HostServices host, @Reference TrustedProxies proxies,
                      @Reference SessionTable sessions, BundleContext context) {
        this(host, proxies, sessions, Boolean.parseBoolean(context.getProperty(DEMO_PROPERTY)), Clock.systemUTC());
    }

    public ClientArea(HostServices host, TrustedProxies proxies, SessionTable sessions, boolean demo, Clock clock) {
        this(host, proxies, SessionStore.client(sessions, proxies, clock), demo);
    }

    private ClientArea(HostServices host, TrustedProxies proxies, SessionStore sessions, boolean demo) {
        super(SessionStore.CLIENT, "", sessions, proxies);
        this.host = host;
        this.demo = demo;
        this.impersonation = new Impersonation(host, sessions);
        StorePage store = new StorePage(host.catalog());
        AccountPages account = new AccountPages(host.clients(),
                new LoginGate(host.authThrottle(), AuthThrottle.Realm.CLIENT), impersonation);
        // in the menu's order
        PasswordResetPages reset = new PasswordResetPages(host.emails(), host.authThrottle(), Emails.Account.CLIENT,
                "", AccountPages.MIN_PASSWORD);
        this.routes = List.of(
                new Route("/", "Store", Visitor.ANYONE, store::home),
                new Route("/clientarea/services", "My services", Visitor.CLIENT, new ServicesPage(host)),
                new Route("/clientarea/invoices", "My invoices", Visitor.CLIENT, new InvoicesPage(host, demo)),
                new Route("/clientarea/emails", "My e-mails", Visitor.CLIENT, new EmailsPage(host)),
                new Route("/clientarea/details", "My details", Visitor.CLIENT, account::details),
                new Route("/login", "Log in", Visitor.GUEST, account::login),
                new Route("/register", "Register", Visitor.GUEST, account::register),
                new Route("/forgotpassword", null, Visitor.ANYONE, reset::forgot),
                new Route("/resetpassword", null, Visitor.ANYONE, reset::reset),
                new Route("/store/product", null, Visitor.ANYONE, store::product),
                new Route("/logout", null, Visitor.ANYONE, account::logout),
                new Route("/clientarea/returntoadmin", null, Visitor.CLIENT, impersonation::returnToAdmin),
                new Route("/cart", null, Visitor.CLIENT, new CartPage(host, demo)),
                new Route("/clientarea/upgrade", null, Visitor.CLIENT, new UpgradePage(host)),
                new Route("/clientarea/cancel", null, Visitor.CLIENT, new CancelRequestPage(host)),
                new Route("/clientarea", null, Visitor.CLIENT, ClientArea::toServices),
                new Route("/clientarea/", null, Visitor.CLIENT, ClientArea::toServices));
        this.byPath = routes.stream().collect(Collectors.toUnmodifiableMap(Route::path, r -> r));
    }

    @Override
    protected void identify(Exchange exchange) {
        exchange.share("demo", demo);
        long id = exchange.sessionClientId();
        if (id != 0) {
            // a client closed since logging in is logged in no more; an admin's login as the client is checked too
            host.clients().get(id).filter(c -> !"Closed".equals(c.status()) && impersonation.admits(exchange, c))
                    .ifPresent(exchange::client);
        }
        exchange.share("menu", menu(exchange.client() != null));
    }

    @Override
    protected boolean admits(Exchange exchange) throws IOException {
        Route route = byPath.get(exchange.path());
        if (route != null && route.visitor() == Visitor.CLIENT && exchange.client() == null) {
            exchange.redirect("/login?next=" + Pager.encode(returnTo(exchange)));
            return false;
        }
        return true;
    }

    /** A client has no role: a page is for anyone or for a logged-in client, which {@link #admits} checks. */
    @Override
    protected void authorize(Exchange exchange) {
        // nothing beyond the login check
    }

    @Override
    protected Page page(String path) {
        Route route = byPath.get(path);
        if (route == null) {
            throw PageException.notFound("There is no page at " + path + ".");
        }
        return route.page();
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
