package org.billinghost.web.internal.admin;

import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;

import java.io.IOException;
import java.util.TreeMap;

/** {@code /admin/adminusers}: admins and their roles, the roles' permissions, add an admin, set a password. */
final class AdminUsersPage implements Page {
    private static final String LINK = "/admin/adminusers";
    /** The shortest password the host accepts from this page. */
    static final int MIN_PASSWORD = 10;
    private final HostServices host;

    AdminUsersPage(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        if (ex.isPost()) {
            switch (ex.param("do")) {
                case "create" -> ex.actThenRedirect(LINK, () -> {
                    String role = ex.required("role", "Role");
                    if (!host.admins().roles().containsKey(role)) {
                        throw PageException.badRequest("Choose a role from the list.");
                    }
                    return "Created admin " + host.admins().create(ex.required("username", "User name"),
                            ex.required("email", "E-mail"), password(ex), role).username() + ".";
                });
                case "password" -> ex.actThenRedirect(LINK, () -> {
                    host.admins().changePassword(ex.number("id"), password(ex));
                    return "Changed the password.";
                });
                default -> throw PageException.badRequest("Unknown action.");
            }
            return;
        }
        ex.render("admin/adminusers.ftlh", Exchange.model("admins", host.admins().list(),
                "roles", new TreeMap<>(host.admins().roles())));
    }

    private static String password(Exchange ex) {
        String password = ex.param("password");
        if (password.length() < MIN_PASSWORD) {
            throw PageException.badRequest("The password needs at least " + MIN_PASSWORD + " characters.");
        }
        return password;
    }
}
