package org.billinghost.web.internal;

import org.billinghost.api.billing.AdminAccount;
import org.billinghost.api.billing.Admins;
import org.billinghost.api.billing.AuthThrottle;
import org.billinghost.api.billing.Client;
import org.billinghost.api.billing.NewClient;
import org.billinghost.core.internal.security.AuthThrottleService;
import org.billinghost.core.testkit.CoreAssembly;
import org.billinghost.core.testkit.MutableClock;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.billinghost.web.internal.admin.AdminArea;
import org.billinghost.web.internal.client.ClientArea;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real admin and client areas in an embedded Jetty, each in its own servlet context with the same
 * filters in the same order as under the whiteboard, on the real host core (an in-memory H2
 * database per server). Admin {@code admin} has password {@link #ADMIN_PASSWORD}.
 */
public final class WebServer implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "admin-password-1";
    public static final String CLIENT_PASSWORD = "client-password";

    private final CoreAssembly core;
    /** False for a second host on another's database: that one closes it. */
    private final boolean ownsCore;
    private final MutableClock clock = new MutableClock();
    private final AuthThrottle throttle = new AuthThrottleService(clock);
    private final Path settingsDir = Files.createTempDirectory("web-settings");
    private final AtomicInteger passwordChecks = new AtomicInteger();
    private final Server jetty;
    private final URI base;

    public WebServer(boolean demo) throws Exception {
        this(demo, List.of());
    }

    /** {@code trustedProxies}: the addresses whose X-Forwarded-* headers are believed. */
    public WebServer(boolean demo, List<String> trustedProxies) throws Exception {
        this(CoreAssembly.h2().seed(false, ADMIN_PASSWORD, new PrintStream(PrintStream.nullOutputStream())), true, demo,
                trustedProxies);
    }

    private WebServer(CoreAssembly core, boolean ownsCore, boolean demo, List<String> trustedProxies)
            throws Exception {
        this.core = core;
        this.ownsCore = ownsCore;
        HostServices host = new HostServices(countingPasswordChecks(core.admins()), core.clients(), core.orders(),
                core.invoices(), core.services(), core.moduleCommands(), core.moduleQueue(), core.modules(),
                core.apiCredentials(), core.catalog(), core.activityLog(), core.moduleLog(), throttle,
                core.upgrades(), core.automation(),
                core.cancellationRequests(), core.emails(), core.dailyFigures(), settingsDir);
        TrustedProxies proxies = new TrustedProxies(trustedProxies);
        SessionTable sessions = new SessionTable(core.moduleDatabase());
        Area admin = new AdminArea(host, proxies, sessions, demo, clock);
        Area client = new ClientArea(host, proxies, sessions, demo, clock);
        ServletContextHandler clientContext = context(client, admin, client);
        // the default context's servlet under the whiteboard; here beside the client area's, at the same root
        clientContext.addServlet(new ServletHolder(new AssetsServlet()), "/assets/*");
        jetty = start(new ContextHandlerCollection(context(admin, admin, client), clientContext));
        base = base(jetty);
    }

    /**
     * The servlet context of {@code area} as the whiteboard makes it: its path, the area's filters in the order of
     * their service rankings and its servlet.
     */
    static ServletContextHandler context(Area area, Area admin, Area client) {
        ServletContextHandler context = new ServletContextHandler(area.contextPath().isEmpty() ? "/" : area.contextPath());
        context.setAllowNullPathInContext(true);
        for (Filter filter : List.of(new SessionFilter(admin, client), new CsrfFilter(), new LoginFilter(),
                new RoleFilter())) {
            context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        context.addServlet(new ServletHolder(new AreaServlet()), "/");
        return context;
    }

    /** An embedded Jetty on a free loopback port serving the handler. */
    static Server start(Handler context) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(context);
        server.start();
        return server;
    }

    static URI base(Server server) {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/");
    }

    /** Another host (its own servlets, memory and clock) on this one's database, as a restart or a second host. */
    public WebServer onSameDatabase() throws Exception {
        return new WebServer(core, false, false, List.of());
    }

    public CoreAssembly core() {
        return core;
    }

    /** Where the pages write settings files (the data directory's conf/ in a real host). */
    public Path settingsDir() {
        return settingsDir;
    }

    public MutableClock clock() {
        return clock;
    }

    public AuthThrottle throttle() {
        return throttle;
    }

    /** How many admin passwords were checked (the throttle must stop guesses before this). */
    public int passwordChecks() {
        return passwordChecks.get();
    }

    private Admins countingPasswordChecks(Admins admins) {
        return (Admins) Proxy.newProxyInstance(WebServer.class.getClassLoader(), new Class<?>[] {Admins.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("authenticate")) {
                        passwordChecks.incrementAndGet();
                    }
                    try {
                        return method.invoke(admins, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    public Browser browser() {
        return new Browser(base);
    }

    /** A browser logged into the admin area as {@code admin} (Full Administrator). */
    public Browser admin() {
        return adminAs("admin", ADMIN_PASSWORD);
    }

    public Browser adminAs(String username, String password) {
        Browser b = browser();
        b.open("/admin/login");
        Browser.Page page = b.submit("/admin/login", "username", username, "password", password);
        if (page.status() != 200 || !page.body().contains("Dashboard")) {
            throw new IllegalStateException("admin login failed: " + page.status() + " " + page.text());
        }
        return b;
    }

    /** Creates an admin with the role and answers a browser logged in as it. */
    public Browser adminWithRole(String username, String role) {
        Admins admins = core.admins();
        AdminAccount a = admins.create(username, username + "@example.com", ADMIN_PASSWORD, role);
        return adminAs(a.username(), ADMIN_PASSWORD);
    }

    public Client newClient(String email) {
        return core.clients().add(new NewClient("Cora", "Client", email, "", "1 Main St", "Berlin", "BE", "10115",
                "DE", "+49 30 1234", CLIENT_PASSWORD));
    }

    /** A browser logged into the client area. */
    public Browser clientBrowser(String email) {
        Browser b = browser();
        b.open("/login");
        Browser.Page page = b.submit("/login", "email", email, "password", CLIENT_PASSWORD);
        if (page.status() != 200) {
            throw new IllegalStateException("client login failed: " + page.status() + " " + page.text());
        }
        return b;
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
        if (ownsCore) {
            core.close();
        }
        try (var files = Files.walk(settingsDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
