package org.billinghost.httpapi.internal.actions;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.billinghost.api.billing.Clients;
import org.billinghost.api.billing.Permissions;
import org.billinghost.api.billing.ServiceAccount;
import org.billinghost.api.billing.ServiceFilter;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.billing.ServiceUpdate;
import org.billinghost.api.billing.Subscription;
import org.billinghost.api.billing.SubscriptionChange;
import org.billinghost.api.billing.Services;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.CustomField;
import org.billinghost.api.platform.BillingCycle;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductGroup;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.httpapi.internal.ActionTable;
import org.billinghost.httpapi.internal.ApiError;
import org.billinghost.httpapi.internal.ApiRequest;
import org.billinghost.httpapi.internal.CustomFieldValues;
import org.billinghost.httpapi.internal.Formats;

/** GetClientsProducts, UpdateClientProduct. */
public final class ServiceActions {

    private final Services services;
    private final Clients clients;
    private final Catalog catalog;
    private final ObjectMapper json;

    public ServiceActions(Services services, Clients clients, Catalog catalog, ObjectMapper json) {
        this.services = services;
        this.clients = clients;
        this.catalog = catalog;
        this.json = json;
    }

    public void register(ActionTable table) {
        table.add("GetClientsProducts", Permissions.SERVICES, (r, admin) -> getClientsProducts(r))
                .add("UpdateClientProduct", Permissions.SERVICES, (r, admin) -> updateClientProduct(r));
    }

    /** The service named by {@code serviceid}, or a 404. */
    static ServiceAccount service(Services services, ApiRequest r) {
        return service(services, r.id("serviceid"));
    }

    static ServiceAccount service(Services services, long id) {
        return services.get(id).orElseThrow(() -> ApiError.notFound("Service ID Not Found: " + id));
    }

    private Map<String, Object> getClientsProducts(ApiRequest r) {
        r.refuseUnsupported("username2");
        Paging paging = Paging.of(r);
        long clientId = r.optId("clientid").orElse(0);
        if (clientId > 0 && clients.get(clientId).isEmpty()) {
            throw ApiError.notFound("Client ID Not Found: " + clientId);
        }
        OptionalLong pid = r.optId("pid");
        Optional<String> domain = r.optString("domain");
        ResultPage<ServiceAccount> page;
        if (r.has("serviceid")) {
            // the other filters narrow it, as they do a list
            page = paging.ofOne(services.get(r.id("serviceid")).filter(s -> clientId == 0 || s.clientId() == clientId)
                    .filter(s -> pid.isEmpty() || s.productId() == pid.getAsLong())
                    .filter(s -> domain.isEmpty() || domain.get().equalsIgnoreCase(s.domain())));
        } else if (pid.isPresent() || domain.isPresent()) {
            page = services.list(new ServiceFilter(clientId, pid.orElse(0), domain.orElse(null)), paging.offset(),
                    paging.limit());
        } else {
            page = services.list(clientId, paging.offset(), paging.limit());
        }
        Map<Long, Optional<Product>> products = new HashMap<>();
        Map<Long, String> groupNames = new HashMap<>();
        List<Map<String, Object>> items = new ArrayList<>(page.items().size());
        for (ServiceAccount s : page.items()) {
            Optional<Product> product = products.computeIfAbsent(s.productId(), catalog::product);
            String group = product.map(p -> groupNames.computeIfAbsent(p.groupId(),
                    gid -> catalog.group(gid).map(ProductGroup::name).orElse(""))).orElse("");
            items.add(service(s, product, group));
        }
        return Replies.page(page, "products", "product", items);
    }

    private static Map<String, Object> service(ServiceAccount s, Optional<Product> product, String groupName) {
        Subscription b = s.subscription();
        return Replies.of("id", s.id(), "clientid", s.clientId(), "orderid", s.orderId(), "pid", s.productId(),
                "regdate", b.registrationDate() == null ? Formats.date(s.created()) : Formats.day(b.registrationDate()),
                "name", s.productName(), "translated_name", s.productName(),
                "groupname", groupName, "domain", s.domain(), "module", s.module(),
                "billingcycle", b.cycle().label(), "paymentmethod", b.paymentMethod(),
                "firstpaymentamount", Formats.amount(b.firstPaymentAmount()),
                "recurringamount", Formats.amount(b.recurringAmount()), "nextduedate", Formats.day(b.nextDueDate()),
                "nextinvoicedate", Formats.day(b.nextInvoiceDate()), "terminationdate", Formats.day(b.terminationDate()),
                "overideautosuspend", b.overrideAutoSuspend(), "overidesuspenduntil", Formats.day(b.overrideSuspendUntil()),
                "suspensionreason", b.suspendReason(),
                "status", s.status().label(), "customfields", Replies.wrapped("customfield", customFields(s, product)));
    }

    /** A cycle by WHMCS's name, or a 400 naming the parameter. */
    static BillingCycle cycle(String parameter, String text) {
        return BillingCycle.of(text).orElseThrow(() -> ApiError.invalid("Parameter " + parameter + " must be free,"
                + " onetime, monthly, quarterly, semiannually, annually, biennially or triennially, got '"
                + ApiRequest.shorten(text) + "'"));
    }

    /** UpdateClientProduct's billing parameters, WHMCS's names (overide… spelt as WHMCS spells it). */
    private static SubscriptionChange subscription(ApiRequest r) {
        BillingCycle cycle = r.optString("billingcycle").map(text -> cycle("billingcycle", text)).orElse(null);
        Boolean override = r.has("overideautosuspend") ? r.bool("overideautosuspend", false) : null;
        SubscriptionChange change = new SubscriptionChange(cycle, r.optDate("nextduedate").orElse(null),
                r.optAmount("recurringamount").orElse(null), r.optAmount("firstpaymentamount").orElse(null), override,
                r.optDate("overidesuspenduntil").orElse(null));
        return change.isEmpty() ? null : change;
    }

    /** The product's fields in order with this service's values; values of fields no longer on the product come last with id 0. */
    private static List<Map<String, Object>> customFields(ServiceAccount s, Optional<Product> product) {
        Map<String, String> remaining = new LinkedHashMap<>(s.customFields());
        List<Map<String, Object>> fields = new ArrayList<>();
        for (CustomField f : product.map(Product::customFields).orElse(List.of())) {
            String value = remaining.remove(f.name());
            fields.add(Replies.of("id", f.id(), "name", f.name(), "translated_name", f.name(),
                    "value", value == null ? "" : value));
        }
        remaining.forEach((name, value) -> fields.add(Replies.of("id", 0L, "name", name,
                "translated_name", name, "value", value)));
        return fields;
    }

    private Map<String, Object> updateClientProduct(ApiRequest r) {
        r.refuseUnsupported("serverid", "regdate", "paymentmethod", "subscriptionid", "terminationdate", "completedate",
                "serviceusername", "servicepassword", "diskusage", "disklimit", "bwusage", "bwlimit", "lastupdate",
                "suspendreason", "promoid", "unset", "autorecalc", "notes", "dedicatedip", "assignedips", "ns1", "ns2",
                "configoptions");
        ServiceStatus status = r.optString("status").map(ServiceStatus::fromLabel).orElse(null);
        Long productId = r.optId("pid").isPresent() ? r.optId("pid").getAsLong() : null;
        String domain = r.optString("domain").orElse(null);
        Map<String, String> customFields = r.has("customfields")
                ? CustomFieldValues.decode(r.raw("customfields"), "customfields", json) : null;
        ServiceAccount service = service(services, r);
        services.update(service.id(), new ServiceUpdate(domain, status, productId, customFields, subscription(r)));
        return Replies.of("serviceid", service.id());
    }
}
