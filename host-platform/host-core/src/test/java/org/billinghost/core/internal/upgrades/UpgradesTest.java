package org.billinghost.core.internal.upgrades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.Invoice;
import org.billinghost.api.billing.Invoice.LineType;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.OrderLine;
import org.billinghost.api.billing.OrderRequest;
import org.billinghost.api.billing.ServiceAccount;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.billing.Upgrade;
import org.billinghost.api.billing.UpgradeQuote;
import org.billinghost.api.module.CommandParams;
import org.billinghost.api.module.CommandResult;
import org.billinghost.api.module.ModuleCommand;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.BillingCycle;
import org.billinghost.api.platform.CustomFieldType;
import org.billinghost.api.platform.CyclePrice;
import org.billinghost.api.platform.HookTopics;
import org.billinghost.api.platform.NewCustomField;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductType;
import org.billinghost.core.internal.commands.FakeServerModule;
import org.billinghost.core.internal.commands.Shop;
import org.billinghost.core.testkit.AllDatabases;
import org.billinghost.core.testkit.CoreAssembly;

/**
 * Upgrades and downgrades on every database: WHMCS's proration to the cent on fixed dates, the upgrade
 * invoice whose payment runs ChangePackage with the new product, a module's refusal that keeps the old
 * product, and refusals of bad input that change nothing.
 */
class UpgradesTest {
    /** Paid period 1 Mar - 1 Apr 2027 (31 days); on 11 March 21 days are left. */
    private static final LocalDate ORDERED = LocalDate.of(2027, 3, 1);
    private static final LocalDate TODAY = LocalDate.of(2027, 3, 11);

    /** Two plans of one group, a third product in another group, all on the fake module. */
    private record Plans(Shop shop, Product personal, Product premium, Product elsewhere) {
    }

    private static Plans plans(CoreAssembly core) {
        Shop shop = new Shop(core);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long group = core.catalog().createGroup("Jetpack " + tag, false).id();
        long other = core.catalog().createGroup("Other " + tag, false).id();
        return new Plans(shop, plan(core, group, "Personal " + tag, "personal", List.of(
                        new CyclePrice(BillingCycle.MONTHLY, new BigDecimal("10.00"), BigDecimal.ZERO),
                        new CyclePrice(BillingCycle.ANNUALLY, new BigDecimal("100.00"), BigDecimal.ZERO))),
                plan(core, group, "Premium " + tag, "premium", List.of(
                        new CyclePrice(BillingCycle.MONTHLY, new BigDecimal("30.00"), BigDecimal.ZERO))),
                plan(core, other, "Elsewhere " + tag, "other", List.of(
                        new CyclePrice(BillingCycle.MONTHLY, new BigDecimal("50.00"), BigDecimal.ZERO))));
    }

    private static Product plan(CoreAssembly core, long group, String name, String plan, List<CyclePrice> pricing) {
        return core.catalog().addProduct(new NewProduct(group, name, "", ProductType.OTHER, true, PayType.RECURRING,
                null, Shop.MODULE, List.of(plan), AutoSetup.PAYMENT, List.of(
                        NewCustomField.text("Site URL", "", false, true),
                        NewCustomField.adminOnly("Plan", CustomFieldType.DROPDOWN, "", List.of(plan, "spare"))),
                pricing));
    }

    /** An Active monthly service of {@code product}, paid on 1 March 2027; the clock is then on 11 March. */
    private static long activeService(CoreAssembly core, FakeServerModule module, Plans plans, Product product) {
        core.addServerModule(Shop.MODULE, module);
        core.clock().set(ORDERED);
        Order order = core.orders().place(new OrderRequest(plans.shop().client(), List.of(new OrderLine(product.id(),
                "site.example", Map.of("Site URL", "https://site.example"), 1, BillingCycle.MONTHLY)), "banktransfer",
                false));
        Invoice invoice = core.invoices().get(order.invoiceId()).orElseThrow();
        core.invoices().addPayment(invoice.id(), invoice.total(), "tx-" + UUID.randomUUID(), "banktransfer");
        core.runDueJobs();
        long serviceId = order.serviceIds().get(0);
        assertThat(core.services().get(serviceId).orElseThrow().status()).isEqualTo(ServiceStatus.ACTIVE);
        core.clock().set(TODAY);
        return serviceId;
    }

    @AllDatabases.Test
    void anUpgradeIsProratedToTheCentBilledAndAppliedWithTheNewProductOncePaid(CoreAssembly core) {
        FakeServerModule module = new FakeServerModule().withChangePackage();
        Plans plans = plans(core);
        long serviceId = activeService(core, module, plans, plans.personal());

        UpgradeQuote quote = core.upgrades().quote(serviceId, plans.premium().id(), BillingCycle.MONTHLY);
        assertThat(List.of(quote.daysUntilRenewal(), quote.totalDays())).containsExactly(21L, 31L);
        assertThat(List.of(quote.credit(), quote.charge(), quote.difference())).containsExactly(
                new BigDecimal("6.77"), new BigDecimal("20.32"), new BigDecimal("13.55"));

        Upgrade upgrade = core.upgrades().request(serviceId, plans.premium().id(), BillingCycle.MONTHLY, "");
        Invoice invoice = core.invoices().get(upgrade.invoiceId()).orElseThrow();
        assertThat(invoice.total()).isEqualByComparingTo("13.55");
        assertThat(invoice.lines()).extracting(Invoice.InvoiceLine::type, Invoice.InvoiceLine::description)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LineType.UPGRADE, "Upgrade/Downgrade: "
                        + plans.personal().name() + " -> " + plans.premium().name() + " (2027-03-11 - 2027-03-31)"));
        core.runDueJobs();
        assertThat(core.services().get(serviceId).orElseThrow().productId()).isEqualTo(plans.personal().id());

        core.invoices().addPayment(invoice.id(), new BigDecimal("13.55"), "tx-" + UUID.randomUUID(), "banktransfer");
        core.runDueJobs();

        CommandParams change = module.params().get(module.params().size() - 1);
        assertThat(List.of(change.productId(), change.configOptions().get(0), change.customFields()))
                .containsExactly(plans.premium().id(), "premium", Map.of("Site URL", "https://site.example",
                        "Plan", "premium"));
        ServiceAccount service = core.services().get(serviceId).orElseThrow();
        assertThat(List.of(service.productId(), service.subscription().cycle(), service.amount(),
                service.subscription().nextDueDate(), service.customFields())).containsExactly(plans.premium().id(),
                BillingCycle.MONTHLY, new BigDecimal("30.00"), LocalDate.of(2027, 4, 1),
                Map.of("Site URL", "https://site.example", "Plan", "premium"));
        assertThat(core.upgrades().history(serviceId)).extracting(Upgrade::state).containsExactly(Upgrade.State.APPLIED);
        assertThat(core.activityLog().search("Upgrade/Downgrade: Service ID: " + serviceId, plans.shop().client(), 0, 10).items())
                .hasSize(1);
        assertThat(core.hooks().events(HookTopics.AFTER_PRODUCT_UPGRADE)).extracting(e -> e.properties()
                .get(HookTopics.SERVICE_ID)).containsExactly(serviceId);
    }

    @AllDatabases.Test
    void aDowngradeIsAppliedAtOnceAndItsDifferenceBecomesTheClientsCredit(CoreAssembly core) {
        FakeServerModule module = new FakeServerModule().withChangePackage();
        Plans plans = plans(core);
        long serviceId = activeService(core, module, plans, plans.premium());

        Upgrade downgrade = core.upgrades().request(serviceId, plans.personal().id(), BillingCycle.MONTHLY, "paypal");
        assertThat(List.of(downgrade.amount(), downgrade.invoiceId())).containsExactly(new BigDecimal("-13.55"), 0L);
        core.runDueJobs();

        ServiceAccount service = core.services().get(serviceId).orElseThrow();
        assertThat(List.of(service.productId(), service.amount(), service.subscription().paymentMethod()))
                .containsExactly(plans.personal().id(), new BigDecimal("10.00"), "paypal");
        assertThat(core.jdbc().queryOne("SELECT credit FROM clients WHERE id = ?", rs -> rs.getBigDecimal(1),
                plans.shop().client()).orElseThrow()).isEqualByComparingTo("13.55");
    }

    @AllDatabases.Test
    void aLongerCycleIsChargedPerDayOfItsOwnPeriodUpToTheSameDueDate(CoreAssembly core) {
        Plans plans = plans(core);
        long serviceId = activeService(core, new FakeServerModule().withChangePackage(), plans, plans.personal());

        UpgradeQuote quote = core.upgrades().quote(serviceId, plans.personal().id(), BillingCycle.ANNUALLY);

        // 100.00 × 21 / 365 (1 Apr 2026 - 1 Apr 2027) = 5.75; credit 10.00 × 21 / 31 = 6.77
        assertThat(List.of(quote.charge(), quote.difference(), quote.newRecurring())).containsExactly(
                new BigDecimal("5.75"), new BigDecimal("-1.02"), new BigDecimal("100.00"));
        assertThat(quote.nextDueDate()).isEqualTo(LocalDate.of(2027, 4, 1));
    }

    @AllDatabases.Test
    void aModuleRefusalKeepsTheOldProductRecordsWhyAndFlagsThePaidInvoiceForARefund(CoreAssembly core) {
        FakeServerModule module = new FakeServerModule().withChangePackage();
        Plans plans = plans(core);
        long serviceId = activeService(core, module, plans, plans.personal());
        Upgrade upgrade = core.upgrades().request(serviceId, plans.premium().id(), BillingCycle.MONTHLY, "");
        module.always(params -> CommandResult.error("The Partner API refuses this plan change"));

        core.invoices().addPayment(upgrade.invoiceId(), new BigDecimal("13.55"), "tx-" + UUID.randomUUID(), "banktransfer");
        core.runDueJobs();

        ServiceAccount service = core.services().get(serviceId).orElseThrow();
        assertThat(List.of(service.productId(), service.amount(), service.customFields())).containsExactly(
                plans.personal().id(), new BigDecimal("10.00"), Map.of("Site URL", "https://site.example",
                        "Plan", "personal"));
        Upgrade failed = core.upgrades().history(serviceId).get(0);
        assertThat(List.of(failed.state(), failed.reason(), failed.refund())).containsExactly(Upgrade.State.FAILED,
                "The Partner API refuses this plan change", true);
        assertThat(module.calls(ModuleCommand.CHANGE_PACKAGE, serviceId)).isEqualTo(1);
        assertThat(core.jobQueue().ofService(serviceId)).extracting(j -> j.command() + " " + j.state()
                + " " + j.lastError()).last().isEqualTo("CHANGE_PACKAGE failed The Partner API refuses this plan change");
        assertThat(core.jdbc().queryLong("SELECT COUNT(*) FROM custom_field_values WHERE service_id = ?", serviceId))
                .isEqualTo(2);
        assertThat(core.activityLog().search("Upgrade/Downgrade Failed: Service ID: " + serviceId, plans.shop().client(), 0, 10).items())
                .hasSize(1);
    }

    @AllDatabases.Test
    void aRefusedDowngradeCreditsNothingAndNeedsNoRefund(CoreAssembly core) {
        FakeServerModule module = new FakeServerModule().withChangePackage();
        Plans plans = plans(core);
        long serviceId = activeService(core, module, plans, plans.premium());
        module.always(params -> CommandResult.error("plan_downgrade_disallowed"));

        core.upgrades().request(serviceId, plans.personal().id(), BillingCycle.MONTHLY, "paypal");
        core.runDueJobs();

        ServiceAccount service = core.services().get(serviceId).orElseThrow();
        Upgrade failed = core.upgrades().history(serviceId).get(0);
        assertThat(List.of(service.productId(), service.subscription().paymentMethod(), failed.state(), failed.refund()))
                .containsExactly(plans.premium().id(), "banktransfer", Upgrade.State.FAILED, false);
        assertThat(core.jdbc().queryOne("SELECT credit FROM clients WHERE id = ?", rs -> rs.getBigDecimal(1),
                plans.shop().client()).orElseThrow()).isEqualByComparingTo("0");
    }

    @AllDatabases.Test
    void badRequestsAreRefusedByFieldAndChangeNothing(CoreAssembly core) {
        Plans plans = plans(core);
        long serviceId = activeService(core, new FakeServerModule().withChangePackage(), plans, plans.personal());
        long invoices = core.jdbc().queryLong("SELECT COUNT(*) FROM invoices");

        assertThat(refusal(core, serviceId, plans.elsewhere().id(), BillingCycle.MONTHLY, "")).containsExactly(
                "newproductid", "Product '" + plans.elsewhere().name() + "' is not in the group of the service's"
                        + " product '" + plans.personal().name() + "'");
        assertThat(refusal(core, serviceId, plans.premium().id(), BillingCycle.QUARTERLY, "")).containsExactly(
                "newproductbillingcycle", "Product '" + plans.premium().name() + "' is not sold Quarterly; it is sold"
                        + " Monthly");
        assertThat(refusal(core, serviceId, plans.personal().id(), BillingCycle.MONTHLY, "")).containsExactly(
                "newproductid", "The service is already on '" + plans.personal().name() + "' Monthly");
        assertThat(refusal(core, serviceId, plans.premium().id(), null, "")).containsExactly(
                "newproductbillingcycle", "A billing cycle for the new product is required");
        assertThat(refusal(core, serviceId, plans.premium().id(), BillingCycle.MONTHLY, "x".repeat(65)))
                .containsExactly("paymentmethod", "The payment method is longer than 64 characters");
        assertThat(refusal(core, serviceId, Long.MAX_VALUE, BillingCycle.MONTHLY, "")).containsExactly(
                "newproductid", "Product " + Long.MAX_VALUE + " not found");
        assertThat(core.jdbc().queryLong("SELECT COUNT(*) FROM service_upgrades WHERE service_id = ?", serviceId)).isZero();

        core.upgrades().request(serviceId, plans.premium().id(), BillingCycle.MONTHLY, "");
        assertThat(refusal(core, serviceId, plans.personal().id(), BillingCycle.ANNUALLY, "")).containsExactly(
                "serviceid", "Service " + serviceId + " already has a pending upgrade or downgrade: it must be"
                        + " applied, fail or be cancelled before another");
        core.jdbc().update("UPDATE services SET status = 'Terminated' WHERE id = ?", serviceId);
        assertThat(refusal(core, serviceId, plans.premium().id(), BillingCycle.MONTHLY, "")).containsExactly(
                "serviceid", "Service " + serviceId + " is Terminated: only an Active or Suspended service can be"
                        + " upgraded or downgraded");
        assertThat(core.jdbc().queryLong("SELECT COUNT(*) FROM service_upgrades WHERE service_id = ?", serviceId))
                .isEqualTo(1);
        assertThat(core.jdbc().queryLong("SELECT COUNT(*) FROM invoices")).isEqualTo(invoices + 1);
    }

    private static List<String> refusal(CoreAssembly core, long serviceId, long productId, BillingCycle cycle,
                                        String method) {
        BillingException e = assertThrows(BillingException.class,
                () -> core.upgrades().request(serviceId, productId, cycle, method));
        return List.of(e.field().orElse(""), e.getMessage());
    }
}
