package org.billinghost.core.internal.bootstrap;

import java.io.PrintStream;
import java.util.function.UnaryOperator;
import org.billinghost.api.billing.Admins;
import org.billinghost.api.billing.ApiCredentials;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.NewClient;
import org.billinghost.api.platform.Catalog;
import org.billinghost.core.internal.clients.ClientsService;
import org.billinghost.core.internal.security.AdminsService;
import org.billinghost.core.internal.security.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First-start seeding. Each item is created only when it is missing, so it runs at every start:
 * the admin {@code admin} (a given or random password; demo: {@code admin}) and, in demo mode, the API
 * credential {@code demo-api}, the product group {@code Jetpack} and the client {@code demo@example.com}.
 * The demo passwords' hashes were made once with {@code PasswordHasher}'s default strength and are stored
 * here: two slow hashes were most of a fresh demo start's CPU.
 */
public final class Bootstrap {

    public static final String DEMO = "billing.demo";
    public static final String ADMIN_PASSWORD = "billing.admin.password";
    static final String ADMIN = "admin";
    static final String DEMO_API_IDENTIFIER = "demo-api";
    static final String DEMO_API_SECRET = "demo-api-secret";
    static final String DEMO_GROUP = "Jetpack";
    static final String DEMO_CLIENT = "demo@example.com";
    static final String DEMO_CLIENT_PASSWORD = "demo";
    /** Argon2id with the default parameters, random salt: of {@code admin} and of {@value #DEMO_CLIENT_PASSWORD}. */
    static final String DEMO_ADMIN_HASH =
            "$argon2id$v=19$m=7168,t=5,p=1$uOyZLcRDSbFnTpZT+PlVNQ$9OojZh6mxJDt/v9dCrUvOLBe/YJca/7YLZEVizorjIQ";
    static final String DEMO_CLIENT_HASH =
            "$argon2id$v=19$m=7168,t=5,p=1$ExH9diT9G3GnksKuGwiytg$0Cpi5tIDAwH8TxAxRnmZDcn3ElUk/6wMBAQ4QreraUU";

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

    private final AdminsService admins;
    private final ApiCredentials credentials;
    private final Catalog catalog;
    private final ClientsService clients;
    private final PrintStream console;

    public Bootstrap(AdminsService admins, ApiCredentials credentials, Catalog catalog, ClientsService clients,
                     PrintStream console) {
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
            ignoreIfCreatedMeanwhile(() -> clients.addWithHash(new NewClient("Demo", "Customer", DEMO_CLIENT, "", "", "",
                    "", "", "", "", ""), DEMO_CLIENT_HASH));
        }
    }

    private long createAdmin(Options options) {
        if (options.demo()) {
            long id = admins.createWithHash(ADMIN, "", DEMO_ADMIN_HASH, Admins.FULL_ADMINISTRATOR).id();
            LOG.info("Created the first admin username={} demo=true", ADMIN);
            return id;
        }
        boolean random = options.adminPassword().isEmpty();
        String password = random ? Secrets.randomToken(12) : options.adminPassword();
        long id = admins.create(ADMIN, "", password, Admins.FULL_ADMINISTRATOR).id();
        LOG.info("Created the first admin username={} demo=false", ADMIN);
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
