package org.billinghost.web.internal.client;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.Client;
import org.billinghost.api.billing.Clients;
import org.billinghost.web.internal.ClientForm;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.Impersonation;
import org.billinghost.web.internal.LoginGate;
import org.billinghost.web.internal.Notice;
import org.billinghost.web.internal.PageException;

import java.io.IOException;
import java.util.Map;

/** Client login, logout and registration. */
final class AccountPages {
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 1024;
    private final Clients clients;
    private final LoginGate gate;
    private final Impersonation impersonation;

    AccountPages(Clients clients, LoginGate gate, Impersonation impersonation) {
        this.clients = clients;
        this.gate = gate;
        this.impersonation = impersonation;
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
        // a login replaces the session: an admin's login as a client ends with it
        impersonation.loggedOut(ex);
        ex.logIn(outcome.account().id());
        ex.redirect(afterLogin(next));
    }

    void logout(Exchange ex) throws IOException {
        if (ex.isPost()) {
            impersonation.loggedOut(ex);
            ex.endSession();
            ex.flash(Notice.ok("You have logged out."));
            ex.redirect("/");
        } else {
            ex.render("client/logout.ftlh", Exchange.model());
        }
    }

    /** Registration: every field checked at once, then the account is made, logged in and told what comes next. */
    void register(Exchange ex) throws IOException {
        ClientForm form = ClientForm.of(ex);
        Map<String, Object> model = Exchange.model("form", form.model(), "next", ex.param("next"));
        if (!ex.isPost()) {
            ex.render("client/register.ftlh", model);
            return;
        }
        String password = ex.param("password");
        form.valid();
        password(form, password, ex.param("password2"));
        if (!form.errors().isEmpty()) {
            ex.render(400, "client/register.ftlh", model);
            return;
        }
        try {
            Client client = clients.add(form.details(password));
            impersonation.loggedOut(ex);
            ex.logIn(client.id());
            ex.flash(Notice.ok("Welcome, " + client.firstName() + ": your account is ready. Choose a product in the"
                    + " store; after the order its invoice is under My invoices, and the service appears under My"
                    + " services, set up once the invoice is paid."));
            ex.redirect(afterLogin(ex.param("next")));
        } catch (BillingException e) {
            form.refuse(e.field().orElse(""), e.getMessage());
            ex.render(e.category().httpStatus(), "client/register.ftlh", model);
        }
    }

    /** {@code /clientarea/details}: the client's own details, and a new password (the current one first). */
    void details(Exchange ex) throws IOException {
        Client me = ex.client();
        ClientForm form = ex.isPost() && "details".equals(ex.param("do")) ? ClientForm.of(ex) : ClientForm.of(me);
        Map<String, Object> model = Exchange.model("form", form.model());
        if (!ex.isPost()) {
            ex.render("client/details.ftlh", model);
            return;
        }
        switch (ex.param("do")) {
            case "details" -> {
                if (!form.valid()) {
                    ex.render(400, "client/details.ftlh", model);
                    return;
                }
                try {
                    clients.update(me.id(), form.details(null));
                } catch (BillingException e) {
                    form.refuse(e.field().orElse(""), e.getMessage());
                    ex.render(e.category().httpStatus(), "client/details.ftlh", model);
                    return;
                }
                ex.flash(Notice.ok("Your details are saved."));
            }
            case "password" -> {
                if (ex.impersonator() != null) {
                    // the password is the client's own: an admin must not set it behind the client's back
                    throw PageException.forbidden(Impersonation.NO_PASSWORD);
                }
                ClientForm check = ClientForm.of(me);
                if (clients.authenticate(me.email(), ex.param("current")).isEmpty()) {
                    check.refuse("", "The current password is not right.");
                } else {
                    password(check, ex.param("password"), ex.param("password2"));
                }
                if (!check.errors().isEmpty()) {
                    ex.render(400, "client/details.ftlh", Exchange.model("form", form.model(), "passwordErrors",
                            check.errors().values()));
                    return;
                }
                clients.changePassword(me.id(), ex.param("password"));
                // a changed password ends the client's other sessions (a stolen one among them)
                ex.endOtherSessionsOf(me.id());
                ex.flash(Notice.ok("Your password is changed."));
            }
            default -> throw PageException.badRequest("Unknown action.");
        }
        ex.redirect("/clientarea/details");
    }

    private static void password(ClientForm form, String password, String again) {
        if (password.length() < MIN_PASSWORD) {
            form.refuse("password", "Choose a password of at least " + MIN_PASSWORD + " characters.");
        } else if (password.length() > MAX_PASSWORD) {
            form.refuse("password", "The password is longer than " + MAX_PASSWORD + " characters.");
        } else if (!password.equals(again)) {
            form.refuse("password", "The two passwords differ.");
        }
    }

    private static String afterLogin(String next) {
        return Exchange.isLocalPath(next) ? next : "/clientarea/services";
    }
}
