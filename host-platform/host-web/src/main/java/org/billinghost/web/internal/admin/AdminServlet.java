package org.billinghost.web.internal.admin;

import jakarta.servlet.Servlet;
import org.billinghost.api.billing.AdminAccount;
import org.billinghost.api.billing.Admins;
import org.billinghost.api.billing.AuthThrottle;
import org.billinghost.web.internal.AreaServlet;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.LoginGate;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;
import org.billinghost.web.internal.SessionStore;
import org.billinghost.web.internal.SessionTable;
import org.billinghost.web.internal.Templates;
import org.billinghost.web.internal.TrustedProxies;
import org.billinghost.web.internal.client.ClientServlet;
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
import java.util.Optional;

/** The admin area under {@code /admin/}: login, then every page checks the admin's role. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/admin/*")
@HttpWhiteboardServletName("billing-admin-area")
public final class AdminServlet extends AreaServlet {
    private static final long serialVersionUID = 1L;

    /** A page and the permission its admin needs (null: any admin who is logged in). */
    private record Route(String permission, Page page) {
    }

    /** A link in the admin menu. */
    public record MenuItem(String label, String path) {
    }

    private static final List<String[]> MENU = List.of(
            new String[] {"Dashboard", "/admin/", null},
            new String[] {"Clients", "/admin/clients", Permission.CLIENTS},
            new String[] {"Orders", "/admin/orders", Permission.ORDERS},
            new String[] {"Invoices", "/admin/invoices", Permission.INVOICES},
            new String[] {"Products", "/admin/configproducts", Permission.PRODUCTS},
            new String[] {"Addon Modules", "/admin/configaddonmods", Permission.ADDONS},
            new String[] {"Module Queue", "/admin/modulequeue", Permission.QUEUE},
            new String[] {"Activity Log", "/admin/systemactivitylog", Permission.LOGS},
            new String[] {"Module Log", "/admin/systemmodulelog", Permission.LOGS},
            new String[] {"Admin Users", "/admin/adminusers", Permission.ADMIN_USERS},
            new String[] {"API Credentials", "/admin/apicredentials", Permission.API_CREDENTIALS});

    private final transient HostServices host;
    private final boolean demo;
    private final transient Page login;
    private final transient Map<String, Route> routes;

    @Activate
    public AdminServlet(@Reference HostServices host, @Reference TrustedProxies proxies,
                        @Reference SessionTable sessions, BundleContext context) {
        this(host, proxies, sessions, Boolean.parseBoolean(context.getProperty(ClientServlet.DEMO_PROPERTY)), Clock.systemUTC());
    }

    /** {@code demo}: the login page tells the demo admin's credentials. */
    public AdminServlet(HostServices host, TrustedProxies proxies, SessionTable sessions, boolean demo, Clock clock) {
        super(new Templates(), new SessionStore("BHADMIN", "/admin", SessionStore.ADMIN, sessions, proxies, clock), proxies,
                "admin");
        this.host = host;
        this.demo = demo;
        this.login = new LoginPage(host.admins(), new LoginGate(host.authThrottle(), AuthThrottle.Realm.ADMIN));
        this.routes = Map.ofEntries(
                Map.entry("/admin/index", new Route(null, new DashboardPage(host))),
                Map.entry("/admin/logout", new Route(null, LoginPage::logout)),
                Map.entry("/admin/configaddonmods", new Route(Permission.ADDONS, new AddonModulesPage(host))),
                // access to an addon's page is decided by the addon's own access-control list
                Map.entry("/admin/addonmodules", new Route(null, new AddonPageController(host.modules()))),
                Map.entry("/admin/configproducts", new Route(Permission.PRODUCTS, new ProductsPage(host))),
                Map.entry("/admin/clients", new Route(Permission.CLIENTS, new ClientsPage(host))),
                Map.entry("/admin/clientssummary", new Route(Permission.CLIENTS, new ClientSummaryPage(host))),
                Map.entry("/admin/clientsservices", new Route(Permission.SERVICES, new ServicePage(host))),
                Map.entry("/admin/orders", new Route(Permission.ORDERS, new OrdersPage(host))),
                Map.entry("/admin/invoices", new Route(Permission.INVOICES, new InvoicesPage(host))),
                Map.entry("/admin/systemactivitylog", new Route(Permission.LOGS, new ActivityLogPage(host))),
                Map.entry("/admin/systemmodulelog", new Route(Permission.LOGS, new ModuleLogPage(host))),
                Map.entry("/admin/modulequeue", new Route(Permission.QUEUE, new ModuleQueuePage(host))),
                Map.entry("/admin/adminusers", new Route(Permission.ADMIN_USERS, new AdminUsersPage(host))),
                Map.entry("/admin/apicredentials", new Route(Permission.API_CREDENTIALS, new ApiCredentialsPage(host))));
    }

    @Override
    protected void handle(Exchange exchange) throws IOException {
        String path = exchange.path();
        exchange.share("demo", demo);
        if ("/admin/login".equals(path)) {
            login.handle(exchange);
            return;
        }
        Optional<AdminAccount> admin = loggedIn(exchange);
        if (admin.isEmpty()) {
            exchange.redirect("/admin/login");
            return;
        }
        String role = admin.get().role();
        exchange.admin(admin.get());
        exchange.share("menu", menu(role));
        Route route = routes.get("/admin".equals(path) || "/admin/".equals(path) ? "/admin/index" : path);
        if (route == null) {
            throw PageException.notFound("There is no admin page at " + path + ".");
        }
        if (route.permission() != null && !host.admins().hasPermission(role, route.permission())) {
            throw PageException.forbidden("Your role (" + role + ") may not open this page.");
        }
        route.page().handle(exchange);
    }

    private Optional<AdminAccount> loggedIn(Exchange exchange) {
        long id = exchange.sessionAdminId();
        if (id == 0) {
            return Optional.empty();
        }
        // Read on every request, so a disabled admin or a changed role takes effect at once.
        Optional<AdminAccount> admin = host.admins().get(id).filter(a -> !a.disabled());
        if (admin.isEmpty()) {
            exchange.endSession();
        }
        return admin;
    }

    private List<MenuItem> menu(String role) {
        Admins admins = host.admins();
        return MENU.stream()
                .filter(m -> m[2] == null || admins.hasPermission(role, m[2]))
                .map(m -> new MenuItem(m[0], m[1]))
                .toList();
    }
}
