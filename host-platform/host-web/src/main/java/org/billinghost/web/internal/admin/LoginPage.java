package org.billinghost.web.internal.admin;

import org.billinghost.api.billing.AdminAccount;
import org.billinghost.api.billing.Admins;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.Impersonation;
import org.billinghost.web.internal.LoginGate;
import org.billinghost.web.internal.Notice;
import org.billinghost.web.internal.Page;

import java.io.IOException;

/** {@code /admin/login} and {@code /admin/logout}. */
final class LoginPage implements Page {
    private static final String TEMPLATE = "admin/login.ftlh";
    private final Admins admins;
    private final LoginGate gate;

    LoginPage(Admins admins, LoginGate gate) {
        this.admins = admins;
        this.gate = gate;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        if (!ex.isPost()) {
            if (ex.sessionAdminId() != 0) {
                ex.redirect("/admin/");
                return;
            }
            ex.render(TEMPLATE, Exchange.model("username", ""));
            return;
        }
        String username = ex.param("username").trim();
        LoginGate.Outcome<AdminAccount> outcome = gate.login(ex, username,
                () -> admins.authenticate(username, ex.param("password")).filter(a -> !a.disabled()));
        if (!outcome.succeeded()) {
            ex.render(outcome.status(), TEMPLATE, Exchange.model("username", username, "error", outcome.error()));
            return;
        }
        ex.logIn(outcome.account().id());
        ex.redirect("/admin/");
    }

    /**
     * Logging out changes state, so it is a POST (with its token); a GET only shows the button. The admin's logins
     * as clients end with the session.
     */
    static void logout(Exchange ex, Impersonation impersonation) throws IOException {
        if (ex.isPost()) {
            impersonation.adminLoggedOut(ex);
            ex.endSession();
            ex.flash(Notice.ok("You have logged out."));
            ex.redirect("/admin/login");
        } else {
            ex.render("admin/logout.ftlh", Exchange.model());
        }
    }
}
