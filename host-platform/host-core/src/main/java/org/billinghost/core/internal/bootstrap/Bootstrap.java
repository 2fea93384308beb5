package org.billinghost.core.internal.bootstrap;

import java.io.PrintStream;
import java.util.function.UnaryOperator;
import org.billinghost.api.billing.Admins;
import org.billinghost.api.billing.ApiCredentials;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.Clients;
import org.billinghost.api.billing.NewClient;
import org.billinghost.api.platform.Catalog;
import org.billinghost.core.internal.security.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First-start seeding. Each item is created only when it is missing, so it runs at every start:
 * the admin {@code admin} (a given or random password; demo: {@code admin}) and, in demo mode, the API
 * credential {@code demo-api}, the product group {@code Jetpack} and the client {@code demo@example.com}.
 */
public final class Bootstrap {

    public static final String DEMO = "billing.demo";
    public static final String ADMIN_PASSWORD = "billing.admin.password";
    static final String ADMIN = "admin";
    static final String DEMO_API_IDENTIFIER = "demo-api";
    static final String DEMO_API_SECRET = "demo-api-secret";
    static final String DEMO_GROUP = "Jetpack";
    static final String DEMO_CLIENT = "demo@example.com";

    private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);

    /** What to seed: read from the framework properties {@value #DEMO} and {@value #ADMIN_PASSWORD}. */
    public record Options(boolean demo, String adminPassword) {
        public static Options from(UnaryOperator<String> properties) {
            String password = properties.apply(ADMIN_PASSWORD);
            return new Options(Boolean.parseBoolean(properties.apply(DEMO)), password == null ? "" : password.strip());
        }

        @Override
        public String toString() {
            return "Options[demo=" + demo + "]";
        }
    }

    private final Admins admins;
    private final ApiCredentials credentials;
    private final Catalog catalog;
    private final Clients clients;
    private final PrintStream console;

    public Bootstrap(Admins admins, ApiCredentials credentials, Catalog catalog, Clients clients, PrintStream console) {
        this.admins = admins;
        this.credentials = credentials;
        this.catalog = catalog;
        this.clients = clients;
        this.console = console;
    }

    public void seed(Options options) {
        long adminId = admins.list().stream().filter(a -> a.username().equals(ADMIN)).findFirst()
                .map(a -> a.id()).orElseGet(() -> createAdmin(options));
        if (!options.demo()) {
            return;
        }
        if (credentials.list().stream().noneMatch(c -> c.identifier().equals(DEMO_API_IDENTIFIER))) {
            ignoreIfCreatedMeanwhile(() -> credentials.createWithSecret(adminId, DEMO_API_IDENTIFIER, DEMO_API_SECRET,
                    "Demo API credential"));
        }
        if (catalog.groups().stream().noneMatch(g -> g.name().equals(DEMO_GROUP))) {
            ignoreIfCreatedMeanwhile(() -> catalog.createGroup(DEMO_GROUP, false));
        }
        if (clients.byEmail(DEMO_CLIENT).isEmpty()) {
            ignoreIfCreatedMeanwhile(() -> clients.add(new NewClient("Demo", "Customer", DEMO_CLIENT, "", "", "", "", "",
                    "", "", "demo")));
        }
    }

    private long createAdmin(Options options) {
        String password;
        boolean random = false;
        if (options.demo()) {
            password = ADMIN;
        } else if (!options.adminPassword().isEmpty()) {
            password = options.adminPassword();
        } else {
            password = Secrets.randomToken(12);
            random = true;
        }
        long id = admins.create(ADMIN, "", password, Admins.FULL_ADMINISTRATOR).id();
        LOG.info("Created the first admin username={} demo={}", ADMIN, options.demo());
        if (random) {
            // on the console only, never in the log file
            console.println("Initial admin password for '" + ADMIN + "': " + password
                    + " (shown once; change it in the admin area)");
        }
        return id;
    }

    /** Another host sharing the database may have seeded the same item a moment ago. */
    private static void ignoreIfCreatedMeanwhile(Runnable create) {
        try {
            create.run();
        } catch (BillingException e) {
            if (e.category() != BillingException.Category.CONFLICT) {
                throw e;
            }
        }
    }
}
