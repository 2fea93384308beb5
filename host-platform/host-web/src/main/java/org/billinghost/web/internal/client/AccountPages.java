package org.billinghost.web.internal.client;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.Client;
import org.billinghost.api.billing.Clients;
import org.billinghost.api.billing.NewClient;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.LoginGate;
import org.billinghost.web.internal.Notice;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Client login, logout and registration. */
final class AccountPages {
    static final int MIN_PASSWORD = 8;
    /** The registration form's fields, kept as typed when the form is refused (the passwords are not). */
    private static final List<String> FIELDS = List.of("firstname", "lastname", "email", "companyname", "address1",
            "city", "state", "postcode", "country", "phonenumber");
    private final Clients clients;
    private final LoginGate gate;

    AccountPages(Clients clients, LoginGate gate) {
        this.clients = clients;
        this.gate = gate;
    }

    void login(Exchange ex) throws IOException {
        String next = ex.param("next");
        if (!ex.isPost()) {
            ex.render("client/login.ftlh", Exchange.model("email", "", "next", next));
            return;
        }
        String email = ex.param("email").trim();
        LoginGate.Outcome<Client> outcome = gate.login(ex, email, () -> clients.authenticate(email, ex.param("password")));
        if (!outcome.succeeded()) {
            ex.render(outcome.status(), "client/login.ftlh",
                    Exchange.model("email", email, "next", next, "error", outcome.error()));
            return;
        }
        ex.logIn(outcome.account().id());
        ex.redirect(afterLogin(next));
    }

    static void logout(Exchange ex) throws IOException {
        if (ex.isPost()) {
            ex.endSession();
            ex.flash(Notice.ok("You have logged out."));
            ex.redirect("/");
        } else {
            ex.render("client/logout.ftlh", Exchange.model());
        }
    }

    void register(Exchange ex) throws IOException {
        Map<String, Object> values = Exchange.model();
        FIELDS.forEach(f -> values.put(f, ex.param(f).trim()));
        Map<String, Object> model = Exchange.model("values", values, "next", ex.param("next"));
        if (!ex.isPost()) {
            ex.render("client/register.ftlh", model);
            return;
        }
        String password = ex.param("password");
        String error = null;
        if (password.length() < MIN_PASSWORD) {
            error = "Choose a password of at least " + MIN_PASSWORD + " characters.";
        } else if (!password.equals(ex.param("password2"))) {
            error = "The two passwords differ.";
        }
        if (error == null) {
            try {
                Client client = clients.add(new NewClient(ex.param("firstname").trim(), ex.param("lastname").trim(),
                        ex.param("email").trim(), ex.param("companyname").trim(), ex.param("address1").trim(),
                        ex.param("city").trim(), ex.param("state").trim(), ex.param("postcode").trim(),
                        ex.param("country").trim(), ex.param("phonenumber").trim(), password));
                ex.logIn(client.id());
                ex.redirect(afterLogin(ex.param("next")));
                return;
            } catch (BillingException e) {
                model.put("error", e.getMessage());
                e.field().ifPresent(field -> model.put("errorField", field));
                ex.render(e.category().httpStatus(), "client/register.ftlh", model);
                return;
            }
        }
        model.put("error", error);
        ex.render(400, "client/register.ftlh", model);
    }

    private static String afterLogin(String next) {
        return Exchange.isLocalPath(next) ? next : "/clientarea/services";
    }
}
