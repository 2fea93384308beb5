package org.billinghost.web.internal;

import org.billinghost.api.billing.AdminAccount;
import org.billinghost.api.billing.Client;
import org.billinghost.api.billing.Permissions;
import org.billinghost.api.platform.Actor;

import java.io.IOException;
import java.util.Optional;

/**
 * "Login as Client": an admin opens the client area as one of the clients. The client-area session it makes names
 * the admin's own session ({@code web_sessions.admin_session}, V225) and lives only while that one lives and the
 * admin may still manage clients: each client-area request checks it, so the admin's logout (on any host), the
 * admin session's time-out, a disabled admin or a role without the clients permission ends it at the next request.
 * The start and every end are activity lines credited to the admin, with the address.
 */
public final class Impersonation {
    /** What the client area says instead of its change-password form. */
    public static final String NO_PASSWORD = "An admin logged in as the client cannot change the client's password.";

    private final HostServices host;
    /** The client area's sessions: the admin area makes one in them. */
    private final SessionStore clientSessions;

    public Impersonation(HostServices host, SessionStore clientSessions) {
        this.host = host;
        this.clientSessions = clientSessions;
    }

    /**
     * Admin area: opens the client area as {@code client} in this browser (the client area's cookie is set on
     * the answer) and sends the admin there. A client-area session the browser had ends first.
     */
    public void start(Exchange admin, Client client) throws IOException {
        if ("Closed".equals(client.status())) {
            admin.flash(Notice.error("Client #" + client.id() + " is closed: a closed client cannot log in."));
            admin.redirect("/admin/clientssummary?id=" + client.id());
            return;
        }
        WebSession before = clientSessions.find(admin.request());
        if (before != null && before.impersonatorId() != 0) {
            log("ended - Client ID: " + before.clientId() + " - another Login as Client replaced it", before.clientId(),
                    admin.admin(), admin);
        }
        clientSessions.logIn(before, client.id(), admin.session(), admin.request(), admin.response());
        log("started - Client ID: " + client.id(), client.id(), admin.admin(), admin);
        admin.redirect("/clientarea/services");
    }

    /**
     * Client area, each request of a session logged in as {@code client}: true when it may go on (for a session the
     * admin opened, the admin is then the request's {@link Exchange#impersonator()}). A session whose admin session
     * ended, whose admin was disabled or lost the clients permission ends here, and the end is logged.
     */
    public boolean admits(Exchange ex, Client client) {
        WebSession session = ex.existingSession();
        long adminId = session.impersonatorId();
        if (adminId == 0) {
            return true;
        }
        Optional<AdminAccount> admin = host.admins().get(adminId);
        String ended = null;
        if (!clientSessions.adminSessionLives(session)) {
            ended = "the admin's session ended";
        } else if (admin.isEmpty() || admin.get().disabled()) {
            ended = "the admin was disabled";
        } else if (!host.admins().hasPermission(admin.get().role(), Permissions.CLIENTS)) {
            ended = "the admin's role may no longer manage clients";
        }
        if (ended == null) {
            ex.impersonator(admin.get());
            return true;
        }
        log("ended - Client ID: " + client.id() + " - " + ended, client.id(), admin.orElse(null), ex);
        ex.endSession();
        ex.flash(Notice.error("The admin's login as this client has ended: " + ended + "."));
        return false;
    }

    /** Client area: {@code POST /clientarea/returntoadmin} ends the login as the client and goes back to its admin page. */
    public void returnToAdmin(Exchange ex) throws IOException {
        AdminAccount admin = ex.impersonator();
        if (!ex.isPost() || admin == null) {
            ex.redirect("/clientarea/services");
            return;
        }
        Client client = ex.client();
        log("ended - Client ID: " + client.id() + " - returned to the admin area", client.id(), admin, ex);
        clientSessions.flash(ex.existingSession().adminSession(),
                Notice.ok("You are back in the admin area; the login as " + client.fullName() + " has ended."));
        ex.endSession();
        ex.redirect("/admin/clientssummary?id=" + client.id());
    }

    /**
     * Client area: a logout of a session the admin opened, or a login or registration that replaces it, is the end
     * of the login as the client.
     */
    public void loggedOut(Exchange ex) {
        if (ex.impersonator() != null) {
            log("ended - Client ID: " + ex.client().id() + " - logged out of the client area", ex.client().id(),
                    ex.impersonator(), ex);
        }
    }

    /** Admin area, at the admin's logout: the client-area sessions this admin session opened end with it. */
    public void adminLoggedOut(Exchange admin) {
        WebSession session = admin.existingSession();
        if (session == null || session.adminId() == 0) {
            return;
        }
        for (long clientId : clientSessions.endImpersonatedBy(session)) {
            log("ended - Client ID: " + clientId + " - the admin logged out", clientId, admin.admin(), admin);
        }
    }

    /** An activity line credited to the admin (0 and "Admin" when the account is gone), with the request's address. */
    private void log(String what, long clientId, AdminAccount admin, Exchange ex) {
        Actor actor = admin == null ? Actor.admin(0, "Admin", ex.remoteAddress())
                : Actor.admin(admin.id(), admin.username(), ex.remoteAddress());
        host.activityLog().log("Login as Client " + what, clientId, actor);
    }
}
