package org.billinghost.web.internal.admin;

import jakarta.servlet.Servlet;
import org.billinghost.api.billing.AdminAccount;
import org.billinghost.api.billing.Admins;
import org.billinghost.api.billing.AuthThrottle;
import org.billinghost.web.internal.AreaServlet;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.LoginGate;
import org.billinghost.web.internal.MenuItem;
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
import java.util.stream.Collectors;

/** The admin area under {@code /admin/}: login, then every page checks the admin's role. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/admin/*")
@HttpWhiteboardServletName("billing-admin-area")
public final class AdminServlet extends AreaServlet {
    private static final long serialVersionUID = 1L;

    /**
     * An admin page: its path, its label in the menu (null: not in the menu), the permission its admin
     * needs (null: any admin who is logged in) and the page. The one table drives the dispatch and the menu.
     */
    private record Route(String path, String label, String permission, Page page) {
    }

    private static final String DASHBOARD = "/admin/";

    private final transient HostServices host;
    private final boolean demo;
    private final transient Page login;
    private final transient List<Route> routes;
    private final transient Map<String, Route> byPath;

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
        // in the menu's order; access to an addon's page is decided by the addon's own access-control list
        this.routes = List.of(
                new Route(DASHBOARD, "Dashboard", null, new DashboardPage(host)),
                new Route("/admin/clients", "Clients", Permission.CLIENTS, new ClientsPage(host)),
                new Route("/admin/orders", "Orders", Permission.ORDERS, new OrdersPage(host)),
                new Route("/admin/invoices", "Invoices", Permission.INVOICES, new InvoicesPage(host)),
                new Route("/admin/configproducts", "Products", Permission.PRODUCTS, new ProductsPage(host)),
                new Route("/admin/configaddonmods", "Addon Modules", Permission.ADDONS, new AddonModulesPage(host)),
                new Route("/admin/modulequeue", "Module Queue", Permission.QUEUE, new ModuleQueuePage(host)),
                new Route("/admin/systemactivitylog", "Activity Log", Permission.LOGS, new ActivityLogPage(host)),
                new Route("/admin/systemmodulelog", "Module Log", Permission.LOGS, new ModuleLogPage(host)),
                new Route("/admin/adminusers", "Admin Users", Permission.ADMIN_USERS, new AdminUsersPage(host)),
                new Route("/admin/apicredentials", "API Credentials", Permission.API_CREDENTIALS,
                        new ApiCredentialsPage(host)),
                new Route("/admin/clientssummary", null, Permission.CLIENTS, new ClientSummaryPage(host)),
                new Route("/admin/clientsservices", null, Permission.SERVICES, new ServicePage(host)),
                new Route("/admin/addonmodules", null, null, new AddonPageController(host.modules())),
                new Route("/admin/logout", null, null, LoginPage::logout));
        this.byPath = routes.stream().collect(Collectors.toUnmodifiableMap(Route::path, r -> r));
    }

    @Override
    protected void identify(Exchange exchange) {
        // the admin's menu waits for the login check in handle: it depends on the role
        exchange.share("demo", demo);
    }

    @Override
    protected void handle(Exchange exchange) throws IOException {
        String path = exchange.path();
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
        Route route = byPath.get("/admin".equals(path) || "/admin/index".equals(path) ? DASHBOARD : path);
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
        return routes.stream()
                .filter(r -> r.label() != null && (r.permission() == null || admins.hasPermission(role, r.permission())))
                .map(r -> new MenuItem(r.label(), r.path()))
                .toList();
    }
}
