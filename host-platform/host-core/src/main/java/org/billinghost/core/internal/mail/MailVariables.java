package org.billinghost.core.internal.mail;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.CancellationRequests;
import org.billinghost.api.billing.Client;
import org.billinghost.api.billing.Invoice;
import org.billinghost.api.billing.Invoices;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.Orders;
import org.billinghost.api.billing.ServiceAccount;
import org.billinghost.api.billing.Services;
import org.billinghost.api.billing.Clients;
import org.billinghost.api.module.WelcomeEmail;
import org.billinghost.api.platform.Catalog;

/**
 * The variables of a template, read when the message is rendered: {@code client}, {@code company} and, by the
 * template's kind, {@code order}, {@code invoice} or {@code service} (with {@code module}: what the service's
 * module gives the welcome message, see {@link WelcomeEmail}). Every value is a string (dates as yyyy-MM-dd,
 * amounts with the currency), so a template never needs a format.
 */
final class MailVariables {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private final Clients clients;
    private final Orders orders;
    private final Invoices invoices;
    private final Services services;
    private final CancellationRequests cancellations;
    private final Catalog catalog;
    private final Function<Long, Map<String, String>> welcome;

    /** {@code welcome}: a service's module's welcome variables (empty when it contributes none). */
    MailVariables(Clients clients, Orders orders, Invoices invoices, Services services,
                  CancellationRequests cancellations, Catalog catalog, Function<Long, Map<String, String>> welcome) {
        this.clients = clients;
        this.orders = orders;
        this.invoices = invoices;
        this.services = services;
        this.cancellations = cancellations;
        this.catalog = catalog;
        this.welcome = welcome;
    }

    /**
     * The model of a message about {@code relatedId}.
     *
     * @throws BillingException not found when what it is about no longer exists
     */
    Map<String, Object> model(MailTemplate template, long clientId, long relatedId, String companyName) {
        Map<String, Object> model = new HashMap<>();
        model.put("company", Map.of("name", companyName));
        model.put("client", client(clients.get(clientId)
                .orElseThrow(() -> BillingException.notFound("Client " + clientId + " not found"))));
        model.put("module", Map.of());
        switch (template.kind()) {
            case CLIENT -> { }
            case ACCOUNT -> throw BillingException.invalid("The template " + template.id()
                    + " is rendered when it is queued.");
            case ORDER -> model.put("order", order(orders.get(relatedId)
                    .orElseThrow(() -> BillingException.notFound("Order " + relatedId + " not found"))));
            case INVOICE -> model.put("invoice", invoice(invoices.get(relatedId)
                    .orElseThrow(() -> BillingException.notFound("Invoice " + relatedId + " not found"))));
            case SERVICE -> {
                ServiceAccount service = services.get(relatedId)
                        .orElseThrow(() -> BillingException.notFound("Service " + relatedId + " not found"));
                model.put("service", service(service));
                if (template == MailTemplate.PRODUCT_WELCOME) {
                    model.put("module", moduleVariables(welcome.apply(relatedId)));
                }
            }
        }
        return model;
    }

    /** The model of a template's preview: made-up values of every variable. */
    Map<String, Object> sample(String companyName) {
        Map<String, Object> model = new HashMap<>();
        model.put("company", Map.of("name", companyName));
        model.put("client", Map.of("id", "1", "firstName", "Jane", "lastName", "Doe", "fullName", "Jane Doe",
                "email", "jane@example.com", "companyName", "Example Ltd"));
        List<Map<String, String>> lines = List.of(Map.of("description", "Jetpack Security - example.com", "amount",
                "$9.95 USD"));
        model.put("order", Map.of("id", "100", "date", "2026-11-30", "total", "$9.95 USD", "invoiceId", "200",
                "lines", lines));
        model.put("invoice", Map.of("id", "200", "date", "2026-11-30", "dueDate", "2026-12-07", "total", "$9.95 USD",
                "paid", "$9.95 USD", "balance", "$0.00 USD", "status", "Paid", "lines", lines));
        model.put("service", Map.of("id", "300", "product", "Jetpack Security", "domain", "example.com", "status",
                "Active", "cycle", "Monthly", "amount", "$9.95 USD", "nextDueDate", "2026-12-30",
                "suspendReason", "Overdue on Payment", "cancellationDate", "2026-12-30"));
        model.put("account", Map.of("name", "Jane Doe", "email", "jane@example.com"));
        model.put("reset", Map.of("url", "https://billing.example.com/resetpassword?key=example", "minutes", "60"));
        model.put("module", Map.of("activationUrl", "https://wordpress.com/checkout/jetpack/example",
                "waitingMessage", ""));
        return model;
    }

    private static Map<String, Object> client(Client c) {
        return Map.of("id", String.valueOf(c.id()), "firstName", c.firstName(), "lastName", c.lastName(),
                "fullName", c.fullName(), "email", c.email(), "companyName", c.companyName());
    }

    private Map<String, Object> order(Order order) {
        List<Map<String, String>> lines = order.serviceIds().stream().map(services::get)
                .flatMap(java.util.Optional::stream)
                .map(s -> Map.of("description", s.productName() + (s.domain().isEmpty() ? "" : " - " + s.domain()),
                        "amount", money(s.subscription().firstPaymentAmount())))
                .toList();
        return Map.of("id", String.valueOf(order.id()), "date", date(order.created()), "total", money(order.total()),
                "invoiceId", order.invoiceId(), "lines", lines);
    }

    private Map<String, Object> invoice(Invoice invoice) {
        List<Map<String, String>> lines = invoice.lines().stream()
                .map(l -> Map.of("description", l.description(), "amount", money(l.amount()))).toList();
        return Map.of("id", String.valueOf(invoice.id()), "date", date(invoice.created()),
                "dueDate", invoice.dueDate() == null ? "" : DATE.format(invoice.dueDate()),
                "total", money(invoice.total()), "paid", money(invoice.paid()),
                "balance", money(invoice.total().subtract(invoice.paid()).max(BigDecimal.ZERO)),
                "status", invoice.status().label(), "lines", lines);
    }

    private Map<String, Object> service(ServiceAccount s) {
        Map<String, Object> map = new HashMap<>();
        map.put("id", String.valueOf(s.id()));
        map.put("product", s.productName());
        map.put("domain", s.domain());
        map.put("status", s.status().label());
        map.put("cycle", s.subscription().cycle().label());
        map.put("amount", money(s.subscription().recurringAmount()));
        map.put("nextDueDate", date(s.subscription().nextDueDate()));
        map.put("suspendReason", s.subscription().suspendReason());
        map.put("cancellationDate", cancellations.ofService(s.id()).map(r -> date(r.effectiveDate())).orElse(""));
        return map;
    }

    /** Only well-formed names, values cut to the limit: a module cannot break a template. */
    private static Map<String, Object> moduleVariables(Map<String, String> given) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (given != null) {
            given.forEach((name, value) -> {
                if (name != null && name.matches("[A-Za-z][A-Za-z0-9]{0,63}") && value != null) {
                    map.put(name, value.length() <= WelcomeEmail.MAX_VALUE_LENGTH ? value
                            : value.substring(0, WelcomeEmail.MAX_VALUE_LENGTH));
                }
            });
        }
        return map;
    }

    private String money(BigDecimal amount) {
        return catalog.currency().format(amount == null ? BigDecimal.ZERO : amount);
    }

    private static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atOffset(ZoneOffset.UTC).toLocalDate());
    }

    private static String date(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }
}
