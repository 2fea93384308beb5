package org.billinghost.web.internal.admin;

import org.billinghost.api.billing.AdminAccount;
import org.billinghost.api.billing.Admins;
import org.billinghost.api.billing.AuthThrottle;
import org.billinghost.api.billing.Emails;
import org.billinghost.web.internal.Area;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Impersonation;
import org.billinghost.web.internal.LoginGate;
import org.billinghost.web.internal.MenuGroup;
import org.billinghost.web.internal.MenuItem;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;
import org.billinghost.web.internal.PasswordResetPages;
import org.billinghost.web.internal.SessionStore;
import org.billinghost.web.internal.SessionTable;
import org.billinghost.web.internal.TrustedProxies;
import org.billinghost.web.internal.client.ClientArea;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContext;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The admin area: its servlet context under {@code /admin} and its route table. Every page but the
 * login page needs a logged-in admin, and the admin's role must have the route's permission.
 */
@Component(service = {ServletContextHelper.class, Area.class})
@HttpWhiteboardContext(name = Area.ADMIN_CONTEXT, path = AdminArea.PATH)
public final class AdminArea extends Area {
    static final String PATH = "/admin";

    /**
     * An admin page: its path, its label in the menu (null: not in the menu), the permission its admin
     * needs (null: any admin who is logged in) and the page. The one table drives the dispatch and the menu.
     */
    private record Route(String path, String label, String group, String permission, Page page) {
        Route(String path, String label, String permission, Page page) {
            this(path, label, null, permission, page);
        }
    }

    /** The menu's drop-down groups: the menu then fits one line on a laptop's screen. */
    private static final String SETUP = "Setup";
    private static final String SUPPORT = "Support";

    private static final String DASHBOARD = "/admin/";

    private static final String LOGIN = PATH + "/login";
    /** The shortest new password a reset link accepts (the client area's registration asks the same). */
    private static final int MIN_RESET_PASSWORD = 8;

    private final HostServices host;
    private final boolean demo;
    /** The pages for visitors who are not logged in: the login and the password reset. */
    private final Map<String, Page> guestPages;
    private final List<Route> routes;
    private final Map<String, Route> byPath;

    @Activate
    public AdminArea(@Reference HostServices host, @Reference TrustedProxies proxies,
                     @Reference SessionTable sessions, BundleContext context) {
        this(host, proxies, sessions, Boolean.parseBoolean(context.getProperty(ClientArea.DEMO_PROPERTY)), Clock.systemUTC());
    }

    /** {@code demo}: the login page tells the demo admin's credentials. */
    public AdminArea(HostServices host, TrustedProxies proxies, SessionTable sessions, boolean demo, Clock clock) {
        super(SessionStore.ADMIN, PATH, SessionStore.admin(sessions, proxies, clock), proxies);
        this.host = host;
        this.demo = demo;
        Impersonation impersonation = new Impersonation(host, SessionStore.client(sessions, proxies, clock));
        PasswordResetPages reset = new PasswordResetPages(host.emails(), host.authThrottle(), Emails.Account.ADMIN,
                PATH, MIN_RESET_PASSWORD);
        this.guestPages = Map.of(LOGIN, new LoginPage(host.admins(), new LoginGate(host.authThrottle(),
                        AuthThrottle.Realm.ADMIN)), PATH + "/forgotpassword", reset::forgot,
                PATH + "/resetpassword", reset::reset);
        // in the menu's order; access to an addon's page is decided by the addon's own access-control list
        this.routes = List.of(
                new Route(DASHBOARD, "Dashboard", null, new DashboardPage(host)),
                new Route("/admin/clients", "Clients", Permission.CLIENTS, new ClientsPage(host)),
                new Route("/admin/orders", "Orders", Permission.ORDERS, new OrdersPage(host)),
                new Route("/admin/invoices", "Invoices", Permission.INVOICES, new InvoicesPage(host)),
                new Route("/admin/services", "Services", Permission.SERVICES, new ServicesPage(host)),
                new Route("/admin/configproducts", "Products", SETUP, Permission.PRODUCTS, new ProductsPage(host)),
                new Route("/admin/configaddonmods", "Addon Modules", SETUP, Permission.ADDONS, new AddonModulesPage(host)),
                new Route("/admin/modulequeue", "Module Queue", SUPPORT, Permission.QUEUE, new ModuleQueuePage(host)),
                new Route("/admin/automation", "Automation", SETUP, Permission.AUTOMATION, new AutomationPage(host)),
                new Route("/admin/cancelrequests", "Cancellation Requests", SUPPORT, Permission.CANCELLATIONS,
                        new CancellationRequestsPage(host)),
                new Route("/admin/emaillog", "E-mail Log", SUPPORT, Permission.EMAIL, new EmailLogPage(host)),
                new Route("/admin/configmail", "Mail", SETUP, Permission.EMAIL, new MailPage(host)),
                new Route("/admin/emailtemplates", null, Permission.EMAIL, new EmailTemplatesPage(host)),
                new Route("/admin/systemactivitylog", "Activity Log", SUPPORT, Permission.LOGS, new ActivityLogPage(host)),
                new Route("/admin/systemmodulelog", "Module Log", SUPPORT, Permission.LOGS, new ModuleLogPage(host)),
                new Route("/admin/adminusers", "Admin Users", SETUP, Permission.ADMIN_USERS, new AdminUsersPage(host)),
                new Route("/admin/apicredentials", "API Credentials", SETUP, Permission.API_CREDENTIALS,
                        new ApiCredentialsPage(host)),
                new Route("/admin/search", null, null, new SearchPage(host)),
                new Route("/admin/clientssummary", null, Permission.CLIENTS, new ClientSummaryPage(host, impersonation)),
                new Route("/admin/clientsservices", null, Permission.SERVICES, new ServicePage(host)),
                new Route("/admin/addonmodules", null, null, new AddonPageController(host.modules())),
                new Route("/admin/logout", null, null, ex -> LoginPage.logout(ex, impersonation)));
        this.byPath = routes.stream().collect(Collectors.toUnmodifiableMap(Route::path, r -> r));
    }

    @Override
    protected void identify(Exchange exchange) {
        exchange.share("demo", demo);
        if (guestPages.containsKey(exchange.path())) {
            return;
        }
        Optional<AdminAccount> admin = loggedIn(exchange);
        if (admin.isPresent()) {
            exchange.admin(admin.get());
            exchange.share("menu", menu(admin.get().role()));
        }
    }

    @Override
    protected boolean admits(Exchange exchange) throws IOException {
        if (exchange.admin() == null && !guestPages.containsKey(exchange.path())) {
            exchange.redirect(LOGIN);
            return false;
        }
        return true;
    }

    @Override
    protected void authorize(Exchange exchange) {
        if (guestPages.containsKey(exchange.path())) {
            return;
        }
        Route route = route(exchange.path());
        String role = exchange.admin().role();
        if (route.permission() != null && !host.admins().hasPermission(role, route.permission())) {
            throw PageException.forbidden("Your role (" + role + ") may not open this page.");
        }
    }

    @Override
    protected Page page(String path) {
        Page guestPage = guestPages.get(path);
        return guestPage != null ? guestPage : route(path).page();
    }

    private Route route(String path) {
        Route route = byPath.get(PATH.equals(path) || "/admin/index".equals(path) ? DASHBOARD : path);
        if (route == null) {
            throw PageException.notFound("There is no admin page at " + path + ".");
        }
        return route;
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

    /** The menu of a role: top-level links and groups, in the table's order; a group where its first page is. */
    private List<MenuGroup> menu(String role) {
        Admins admins = host.admins();
        Map<String, List<MenuItem>> groups = new LinkedHashMap<>();
        routes.stream()
                .filter(r -> r.label() != null && (r.permission() == null || admins.hasPermission(role, r.permission())))
                .forEach(r -> groups.computeIfAbsent(r.group() == null ? "/" + r.path() : r.group(),
                        k -> new ArrayList<>()).add(new MenuItem(r.label(), r.path())));
        return groups.entrySet().stream()
                .map(e -> new MenuGroup(e.getKey().startsWith("/") ? null : e.getKey(), e.getValue())).toList();
    }
}
