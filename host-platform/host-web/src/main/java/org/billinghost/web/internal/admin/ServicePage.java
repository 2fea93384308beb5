package org.billinghost.web.internal.admin;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.ServiceAccount;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.billing.ServiceUpdate;
import org.billinghost.api.billing.Subscription;
import org.billinghost.api.billing.SubscriptionChange;
import org.billinghost.api.billing.Upgrade;
import org.billinghost.api.billing.UpgradeQuote;
import org.billinghost.api.module.CommandResult;
import org.billinghost.api.module.ModuleCommand;
import org.billinghost.api.platform.BillingCycle;
import org.billinghost.api.platform.CustomField;
import org.billinghost.api.platform.CustomFieldType;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.FormInputs;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Notice;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code /admin/clientsservices?id=N}: a service's details, its billing (cycle, amounts, dates, override of
 * the automatic suspension; editable), its custom field values, the module command buttons its module
 * supports and its status allows (Terminate asks for confirmation first), the module's own buttons and
 * admin tab fields; a command's result is shown on the page that follows. Upgrade/Downgrade changes product and
 * cycle: calculate, then confirm; the service's changes are listed with their state.
 */
final class ServicePage implements Page {
    /** The buttons offered in this order when the module supports them. */
    private static final List<ModuleCommand> BUTTONS = List.of(ModuleCommand.CREATE, ModuleCommand.SUSPEND,
            ModuleCommand.UNSUSPEND, ModuleCommand.TERMINATE, ModuleCommand.CHANGE_PACKAGE);
    private final HostServices host;

    ServicePage(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        ServiceAccount service = service(ex.number("id"));
        String back = "/admin/clientsservices?id=" + service.id();
        if (!ex.isPost()) {
            render(ex, 200, service, null, billingForm(service.subscription()), null, null);
            return;
        }
        switch (ex.param("do")) {
            case "savefields" -> ex.actThenRedirect(back, () -> {
                host.services().update(service.id(), new ServiceUpdate(ex.param("domain").trim(),
                        ServiceStatus.fromLabel(ex.param("status")), null, fieldValues(ex, service)));
                return "Saved the service.";
            });
            case "command" -> {
                ModuleCommand command = ModuleCommand.fromName(ex.param("command"))
                        .filter(BUTTONS::contains)
                        .filter(host.commands().supported(service.id())::contains)
                        .orElseThrow(() -> PageException.badRequest("The service's module does not offer that command."));
                if (command == ModuleCommand.TERMINATE && !"yes".equals(ex.param("confirm"))) {
                    render(ex, 200, service, command, billingForm(service.subscription()), null, null);
                    return;
                }
                result(ex, label(command), host.commands().run(service.id(), command, "", ex.admin().identity()));
                ex.redirect(back);
            }
            case "savebilling" -> saveBilling(ex, service, back);
            case "upgrade" -> upgrade(ex, service, back);
            case "custom" -> {
                String function = ex.param("function");
                if (!host.commands().customButtons(service.id()).containsValue(function)) {
                    throw PageException.badRequest("The service's module has no button for that function.");
                }
                String label = host.commands().customButtons(service.id()).entrySet().stream()
                        .filter(b -> b.getValue().equals(function)).map(Map.Entry::getKey).findFirst().orElse(function);
                result(ex, label, host.commands().run(service.id(), ModuleCommand.CUSTOM, function, ex.admin().identity()));
                ex.redirect(back);
            }
            default -> throw PageException.badRequest("Unknown action.");
        }
    }

    /**
     * Applies the billing form through {@code Services.update}, which logs what changed; a refusal (a date that is
     * not one, an amount with three decimals) re-shows the form as typed with the field marked, and changes nothing.
     */
    private void saveBilling(Exchange ex, ServiceAccount service, String back) throws IOException {
        try {
            BillingCycle cycle = BillingCycle.of(ex.param("billingcycle"))
                    .orElseThrow(() -> BillingException.invalid("billingcycle", "Choose a billing cycle from the list."));
            SubscriptionChange change = new SubscriptionChange(cycle,
                    FormInputs.date(ex.param("nextduedate"), "nextduedate", "The next due date"),
                    FormInputs.money(ex.param("recurringamount"), "recurringamount", "The recurring amount"),
                    FormInputs.money(ex.param("firstpaymentamount"), "firstpaymentamount", "The first payment amount"),
                    ex.ticked("overideautosuspend"),
                    FormInputs.date(ex.param("overidesuspenduntil"), "overidesuspenduntil", "The override end date"));
            host.services().update(service.id(), new ServiceUpdate(null, null, null, null, change));
            ex.flash(Notice.ok("Saved the billing of the service."));
            ex.redirect(back);
        } catch (BillingException e) {
            ex.share("flash", Notice.error(e.getMessage()));
            render(ex, e.category().httpStatus(), service, null, Exchange.model("billingcycle", ex.param("billingcycle"),
                    "nextduedate", ex.param("nextduedate"), "recurringamount", ex.param("recurringamount"),
                    "firstpaymentamount", ex.param("firstpaymentamount"),
                    "overideautosuspend", ex.ticked("overideautosuspend"),
                    "overidesuspenduntil", ex.param("overidesuspenduntil")), e.field().orElse(null), null);
        }
    }

    /** Change product and cycle: the quote is shown first, the change is requested once confirmed. */
    private void upgrade(Exchange ex, ServiceAccount service, String back) throws IOException {
        String[] choice = ex.param("choice").split(":", 2);
        long productId = choice.length == 2 ? parse(choice[0]) : 0;
        BillingCycle cycle = choice.length == 2 ? BillingCycle.of(choice[1]).orElse(null) : null;
        if (productId == 0 || cycle == null) {
            throw PageException.badRequest("Choose a product and billing cycle from the list.");
        }
        if (!"yes".equals(ex.param("confirm"))) {
            UpgradeQuote quote;
            try {
                quote = host.upgrades().quote(service.id(), productId, cycle);
            } catch (BillingException e) {
                ex.flash(Notice.error(e.getMessage()));
                ex.redirect(back);
                return;
            }
            render(ex, 200, service, null, billingForm(service.subscription()), null, quote);
            return;
        }
        ex.actThenRedirect(back, () -> {
            Upgrade upgrade = host.upgrades().request(service.id(), productId, cycle, "");
            return upgrade.invoiceId() > 0 ? "Upgrade invoice #" + upgrade.invoiceId() + " created: the change is made"
                    + " once it is paid." : "The change is queued; the module's ChangePackage makes it.";
        });
    }

    private static long parse(String number) {
        try {
            return Math.max(Long.parseLong(number), 0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The billing form's values as stored, named as the HTTP API's UpdateClientProduct names them. */
    private static Map<String, Object> billingForm(Subscription b) {
        return Exchange.model("billingcycle", b.cycle().code(), "nextduedate", Objects.toString(b.nextDueDate(), ""),
                "recurringamount", b.recurringAmount().toPlainString(),
                "firstpaymentamount", b.firstPaymentAmount().toPlainString(),
                "overideautosuspend", b.overrideAutoSuspend(), "overidesuspenduntil", Objects.toString(b.overrideSuspendUntil(), ""));
    }

    private void render(Exchange ex, int status, ServiceAccount service, ModuleCommand confirm,
                        Map<String, Object> billing, String errorField, UpgradeQuote quote) throws IOException {
        Set<ModuleCommand> allowed = host.commands().allowed(service.id());
        List<CustomField> fields = host.catalog().product(service.productId()).map(p -> p.customFields()).orElse(List.of());
        ex.render(status, "admin/service.ftlh", Exchange.model("service", service,
                "owner", host.clients().get(service.clientId()).orElse(null),
                "fields", fields,
                "commands", BUTTONS.stream().filter(allowed::contains)
                        .map(c -> Exchange.model("name", c.hookName(), "label", label(c))).toList(),
                "customButtons", host.commands().customButtons(service.id()),
                "tabFields", host.commands().adminTabFields(service.id()),
                "statuses", Arrays.stream(ServiceStatus.values()).map(ServiceStatus::label).toList(),
                "confirm", confirm == null ? null : Exchange.model("name", confirm.hookName(), "label", label(confirm)),
                "billing", billing, "errorField", errorField, "cycles", Arrays.asList(BillingCycle.values()),
                "currency", host.catalog().currency(),
                "upgradeOptions", upgradeOptions(service), "quote", quote, "upgrades", history(service)));
    }
    /** The products and cycles the service may move to; none when its status allows no change. */
    private List<UpgradeQuote> upgradeOptions(ServiceAccount service) {
        try {
            return host.upgrades().options(service.id());
        } catch (BillingException e) {
            return List.of();
        }
    }

    /** The service's changes with product names, newest first. */
    private List<Map<String, Object>> history(ServiceAccount service) {
        return host.upgrades().history(service.id()).stream().map(u -> Exchange.model("upgrade", u,
                "from", productName(u.oldProductId()) + " (" + u.oldCycle().label() + ")",
                "to", productName(u.newProductId()) + " (" + u.newCycle().label() + ")")).toList();
    }

    private String productName(long productId) {
        return host.catalog().product(productId).map(p -> p.name()).orElse("#" + productId);
    }


    /** Values keyed by field id; a password left empty is not sent, so its stored value stays. */
    private Map<String, String> fieldValues(Exchange ex, ServiceAccount service) {
        Map<String, String> values = new LinkedHashMap<>();
        for (CustomField f : host.catalog().product(service.productId()).map(p -> p.customFields()).orElse(List.of())) {
            String v = ex.param("cf_" + f.id());
            if (f.type() == CustomFieldType.PASSWORD && v.isEmpty()) {
                continue;
            }
            values.put(Long.toString(f.id()), f.type() == CustomFieldType.TICKBOX && !v.isEmpty() ? "on" : v);
        }
        return values;
    }

    /** The words of a command's button and notices: "Change Package", not ChangePackage. */
    private static String label(ModuleCommand command) {
        return command.hookName().replaceAll("(?<=[a-z])(?=[A-Z])", " ");
    }

    private static void result(Exchange ex, String what, CommandResult result) {
        ex.flash(Notice.of(what, result));
    }

    private ServiceAccount service(long id) {
        return host.services().get(id).orElseThrow(() -> PageException.notFound("There is no service #" + id + "."));
    }
}
