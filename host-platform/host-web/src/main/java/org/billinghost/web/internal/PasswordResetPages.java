package org.billinghost.web.internal;

import java.io.IOException;

import org.billinghost.api.billing.AuthThrottle;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.Emails;

/**
 * "Forgot your password?" for one area: the request page (an e-mail address; the same answer whether or not
 * it has an account, throttled per address and per visitor) and the page the e-mailed link opens.
 */
public final class PasswordResetPages {
    static final String SENT = "If this address belongs to an account, a link to choose a new password is on its way."
            + " It works once, within " + Emails.RESET_MINUTES + " minutes.";
    private final Emails emails;
    private final AuthThrottle throttle;
    private final Emails.Account account;
    private final String root;
    private final int minPassword;

    /** {@code root}: the area's path before {@code /login}, {@code /forgotpassword} and {@code /resetpassword}. */
    public PasswordResetPages(Emails emails, AuthThrottle throttle, Emails.Account account, String root, int minPassword) {
        this.emails = emails;
        this.throttle = throttle;
        this.account = account;
        this.root = root;
        this.minPassword = minPassword;
    }

    public void forgot(Exchange ex) throws IOException {
        if (!ex.isPost()) {
            ex.render("forgotpassword.ftlh", model("email", ""));
            return;
        }
        String email = ex.param("email").trim();
        if (email.length() > LoginGate.MAX_NAME) {
            ex.render("forgotpassword.ftlh", model("email", "", "sent", SENT));
            return;
        }
        AuthThrottle.Attempt attempt = throttle.begin(AuthThrottle.Realm.PASSWORD_RESET, email, ex.remoteAddress());
        if (!attempt.allowed()) {
            ex.render(429, "forgotpassword.ftlh", model("email", email, "error", "Too many password reset requests"
                    + " for this address or from yours; try again in " + attempt.secondsLocked() + " seconds."));
            return;
        }
        try {
            emails.requestPasswordReset(account, email, ex.publicAddress() + root + "/resetpassword");
        } catch (RuntimeException e) {
            attempt.abandoned();
            throw e;
        }
        // every request stays counted: a request neither succeeds nor fails
        attempt.failed();
        ex.render("forgotpassword.ftlh", model("email", "", "sent", SENT));
    }

    public void reset(Exchange ex) throws IOException {
        String key = ex.param("key");
        if (!ex.isPost()) {
            ex.render("resetpassword.ftlh", model("key", key));
            return;
        }
        String password = ex.param("password");
        String error = null;
        if (password.length() < minPassword) {
            error = "The new password needs at least " + minPassword + " characters.";
        } else if (!password.equals(ex.param("password2"))) {
            error = "The two passwords are not the same.";
        } else {
            try {
                emails.resetPassword(account, key, password);
            } catch (BillingException e) {
                error = e.getMessage();
            }
        }
        if (error != null) {
            ex.render(400, "resetpassword.ftlh", model("key", key, "error", error));
            return;
        }
        ex.render("resetpassword.ftlh", model("key", "", "done", true));
    }

    private java.util.Map<String, Object> model(Object... keysAndValues) {
        java.util.Map<String, Object> model = Exchange.model(keysAndValues);
        model.put("root", root);
        return model;
    }
}
