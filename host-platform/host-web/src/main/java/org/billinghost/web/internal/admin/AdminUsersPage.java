package org.billinghost.web.internal.admin;

import org.billinghost.api.billing.Admins;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code /admin/adminusers}: admins and their roles, add an admin, set a password, change a role, disable or
 * enable an admin; create a role and edit a role's permissions.
 */
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
                    String role = knownRole(ex);
                    return "Created admin " + host.admins().create(ex.required("username", "User name"),
                            ex.required("email", "E-mail"), password(ex), role).username() + ".";
                });
                case "password" -> ex.actThenRedirect(LINK, () -> {
                    host.admins().changePassword(ex.number("id"), password(ex));
                    // whoever knew the old password is logged out everywhere; this admin's own session stays
                    ex.endOtherSessionsOf(ex.number("id"));
                    return "Changed the password.";
                });
                case "role" -> ex.actThenRedirect(LINK, () -> {
                    host.admins().changeRole(ex.number("id"), knownRole(ex));
                    return "Changed the role.";
                });
                case "disable", "enable" -> ex.actThenRedirect(LINK, () -> {
                    boolean disable = "disable".equals(ex.param("do"));
                    host.admins().setDisabled(ex.number("id"), disable);
                    return disable ? "Disabled the admin: they can no longer log in or use API credentials."
                            : "Enabled the admin.";
                });
                case "saverole", "createrole" -> ex.actThenRedirect(LINK, () -> {
                    String name = ex.required("name", "Role name").trim();
                    // creating must never silently replace an existing role's permissions
                    if ("createrole".equals(ex.param("do")) && host.admins().roles().containsKey(name)) {
                        throw PageException.badRequest("A role named " + name + " already exists; edit it in the list.");
                    }
                    host.admins().saveRole(name, new TreeSet<>(ex.params("permission")));
                    return "Saved the role " + name + ".";
                });
                default -> throw PageException.badRequest("Unknown action.");
            }
            return;
        }
        Map<String, Set<String>> roles = new TreeMap<>(host.admins().roles());
        ex.render("admin/adminusers.ftlh", Exchange.model("admins", host.admins().list(), "roles", roles,
                "permissions", new TreeSet<>(roles.getOrDefault(Admins.FULL_ADMINISTRATOR, Set.of())),
                "fullAdministrator", Admins.FULL_ADMINISTRATOR));
    }

    private String knownRole(Exchange ex) {
        String role = ex.required("role", "Role");
        if (!host.admins().roles().containsKey(role)) {
            throw PageException.badRequest("Choose a role from the list.");
        }
        return role;
    }

    private static String password(Exchange ex) {
        String password = ex.param("password");
        if (password.length() < MIN_PASSWORD) {
            throw PageException.badRequest("The password needs at least " + MIN_PASSWORD + " characters.");
        }
        return password;
    }
}
