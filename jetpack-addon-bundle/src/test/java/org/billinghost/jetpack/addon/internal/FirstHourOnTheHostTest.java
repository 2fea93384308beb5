package org.billinghost.jetpack.addon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import org.billinghost.api.module.AddonRequest;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.NewClient;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.OrderLine;
import org.billinghost.api.billing.OrderRequest;
import org.billinghost.api.billing.ServiceAccount;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.module.AddonPage;
import org.billinghost.api.module.AdminIdentity;
import org.billinghost.api.module.CommandParams;
import org.billinghost.api.module.CommandResult;
import org.billinghost.api.module.ConfigField;
import org.billinghost.api.module.ModuleCommand;
import org.billinghost.api.module.ServerMetadata;
import org.billinghost.api.module.ServerModule;
import org.billinghost.api.platform.HookTopics;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductGroup;
import org.billinghost.core.testkit.CoreAssembly;
import org.billinghost.jetpack.partner.Plan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

/**
 * The addon on the host's real services (CoreAssembly, H2): activate, configure, validate, create
 * the products, order one with a site URL, see it Active in the products table; then change the
 * secret and take the banner's offer.
 */
class FirstHourOnTheHostTest {
    private static final AdminIdentity ADMIN = new AdminIdentity(1, "admin", "Full Administrator");
    private static final String TOKEN = "t0ken";

    private final CoreAssembly core = CoreAssembly.h2();
    private final FakePartnerApi partnerApi = new FakePartnerApi();
    private final JetpackAddon addon = new JetpackAddon(core.catalog(), core.moduleDatabase(), core.activityLog(),
            TestTemplates.addon());
    private final CredentialsChangeListener listener = new CredentialsChangeListener(core.moduleDatabase());
    private final List<CommandParamsSeen> creates = new ArrayList<>();

    private record CommandParamsSeen(long serviceId, Map<String, String> customFields, List<String> configOptions) {
    }

    /** Stands in for the Jetpack server module: records Create and succeeds. */
    private final ServerModule serverModule = new ServerModule() {
        @Override
        public ServerMetadata metadata() {
            return new ServerMetadata("Jetpack (test stand-in)", "1.1", false);
        }

        @Override
        public List<ConfigField> configOptions() {
            return List.of(ConfigField.text("client_id", "Partner Client ID", ""),
                    ConfigField.password("client_secret", "Partner Client Secret", ""));
        }

        @Override
        public Set<ModuleCommand> supportedCommands() {
            return Set.of(ModuleCommand.CREATE);
        }

        @Override
        public CommandResult createAccount(CommandParams params) {
            creates.add(new CommandParamsSeen(params.serviceId(), params.customFields(), params.configOptions()));
            return CommandResult.success();
        }
    };

    @AfterEach
    void close() {
        core.close();
    }

    private AddonPage page(String method, String... nameValues) {
        Map<String, List<String>> parameters = new HashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            parameters.put(nameValues[i], List.of(nameValues[i + 1]));
        }
        return core.modules().adminOutput("jetpack", new AddonRequest("/admin/addonmodules?module=jetpack", "", Map.of(),
                parameters, method, ADMIN, TOKEN));
    }

    private void configure(String secret) {
        configure("1001", secret);
    }

    private void configure(String clientId, String secret) {
        core.modules().saveConfiguration("jetpack", Map.of(AddonSettings.CLIENT_ID, clientId, AddonSettings.CLIENT_SECRET, secret),
                List.of("Full Administrator"), ADMIN);
    }

    @Test
    void theFirstHour() {
        core.seedDemo();
        core.hooks().on(HookTopics.ADDON_MODULE_CONFIG_SAVE,
                props -> listener.handleEvent(new Event(HookTopics.ADDON_MODULE_CONFIG_SAVE, props)));
        addon.bindPartnerApi(partnerApi);
        TestDatabases.addonTables(core.moduleDatabase());
        core.addAddon("jetpack", addon).addServerModule("jetpack", serverModule);

        assertThat(core.modules().activate("jetpack").isError()).isFalse();
        assertThat(core.modules().activate("jetpack").isError()).as("activating twice").isFalse();
        configure("demo-partner-secret");

        assertThat(page("GET").html()).contains("<dd>1001</dd>").contains("<dd>********</dd>").doesNotContain("demo-partner-secret");
        assertThat(page("POST", "action", "validate_partner_credentials").html()).contains("The partner credentials are valid");
        assertThat(partnerApi.validations).singleElement().satisfies(c -> assertThat(c.clientSecret()).isEqualTo("demo-partner-secret"));

        ProductGroup group = core.catalog().groups().stream().filter(g -> g.name().equals("Jetpack")).findFirst().orElseThrow();
        assertThat(page("GET", "action", "manage_product").html()).contains("There are no Jetpack products yet");
        assertThat(page("POST", "action", "add_product", "product_group_id", Long.toString(group.id())).redirect())
                .endsWith("action=manage_product&notice=products_created");
        assertThat(page("POST", "action", "add_product", "product_group_id", Long.toString(group.id())).html())
                .contains("already exist");
        assertThat(core.catalog().productsOfModule("jetpack")).hasSize(4);

        Product personal = core.catalog().productsOfModule("jetpack").stream()
                .filter(p -> p.name().equals(Plan.PERSONAL.productName())).findFirst().orElseThrow();
        long clientId = core.clients().add(new NewClient("Ann", "Lee", "ann@example.org", "", "1 Road", "Town", "", "1000",
                "US", "", "a-long-password-1")).id();

        assertThatThrownBy(() -> order(clientId, personal, "not a site")).isInstanceOf(BillingException.class);
        Order order = order(clientId, personal, "https://ann.example.org/blog");
        core.runDueJobs();

        ServiceAccount service = core.services().get(order.serviceIds().get(0)).orElseThrow();
        assertThat(service.status()).isEqualTo(ServiceStatus.ACTIVE);
        assertThat(creates).singleElement().satisfies(seen -> {
            assertThat(seen.customFields()).containsEntry("Plan", "personal").containsEntry("Site URL", "https://ann.example.org/blog")
                    .containsEntry("Local User", "ann");
            assertThat(seen.configOptions().subList(0, 2)).containsExactly("1001", "demo-partner-secret");
        });
        assertThat(page("GET", "action", "manage_product").html())
                .contains(">Jetpack - Personal Plan</a></td><td>Personal</td><td>Jetpack</td><td>1</td>");
        assertThat(core.activityLog().search("JETPACK MODULE:", 0, 0, 10).items()).isNotEmpty();
    }

    @Test
    void aNewSecretIsOfferedToTheProductsAndCopiedOnlyWhenAsked() {
        activateWithJetpackProducts();

        configure("second-secret");

        assertThat(page("GET").html()).contains("jetpack-credentials-banner");
        assertThat(core.catalog().productsOfModule("jetpack")).allMatch(p -> p.configOptions().get(1).equals("first-secret"));
        page("POST", "action", "update_product_credentials");
        assertThat(core.catalog().productsOfModule("jetpack")).allMatch(p -> p.configOptions().get(1).equals("second-secret"));
        assertThat(page("GET").html()).doesNotContain("jetpack-credentials-banner");
    }

    @Test
    void copyingTheCredentialsIsOneTransaction() {
        activateWithJetpackProducts();
        configure("2002", "second-secret");
        // the client id is written first; the secret's write then fails
        core.jdbc().update("ALTER TABLE product_config_options ADD CONSTRAINT jetpack_test_no_second CHECK "
                + "(option_value <> 'second-secret')");

        page("POST", "action", "update_product_credentials");

        assertThat(core.catalog().productsOfModule("jetpack")).allMatch(p -> p.configOptions().get(0).equals("1001"));
        assertThat(page("GET").html()).contains("jetpack-credentials-banner");
    }

    /** The addon activated with client id 1001 and "first-secret", and its products created with them. */
    private void activateWithJetpackProducts() {
        core.hooks().on(HookTopics.ADDON_MODULE_CONFIG_SAVE,
                props -> listener.handleEvent(new Event(HookTopics.ADDON_MODULE_CONFIG_SAVE, props)));
        TestDatabases.addonTables(core.moduleDatabase());
        core.addAddon("jetpack", addon);
        core.modules().activate("jetpack");
        configure("first-secret");
        ProductGroup group = core.catalog().createGroup("Jetpack", false);
        page("POST", "action", "add_product", "product_group_id", Long.toString(group.id()));
    }

    private Order order(long clientId, Product product, String siteUrl) {
        return core.orders().place(new OrderRequest(clientId, List.of(new OrderLine(product.id(), "",
                Map.of("Site URL", siteUrl, "Local User", "ann"))), "banktransfer", false));
    }
}
