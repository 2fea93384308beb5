package org.billinghost.web.internal;

import org.billinghost.api.billing.AuthThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The login steps both areas share: the throttle and the password check (the page then logs the
 * account in with {@link Exchange#logIn}). The
 * attempt is counted before the password is checked, so parallel guesses cannot all run the slow
 * check while the lock still looks open.
 */
public final class LoginGate {
    private static final Logger LOG = LoggerFactory.getLogger(LoginGate.class);
    /** No login name or e-mail address is longer (the accounts' columns); a longer one is not worth a key in the throttle. */
    static final int MAX_NAME = 255;

    /** The account that logged in, or the HTTP status and message of the refusal. */
    public record Outcome<T>(T account, int status, String error) {
        public boolean succeeded() {
            return account != null;
        }
    }

    private final AuthThrottle throttle;
    private final AuthThrottle.Realm realm;

    public LoginGate(AuthThrottle throttle, AuthThrottle.Realm realm) {
        this.throttle = throttle;
        this.realm = realm;
    }

    public <T> Outcome<T> login(Exchange exchange, String name, Supplier<Optional<T>> check) {
        String address = exchange.remoteAddress();
        if (name.length() > MAX_NAME) {
            return wrongNameOrPassword(name, address);
        }
        AuthThrottle.Attempt attempt = throttle.begin(realm, name, address);
        if (!attempt.allowed()) {
            LOG.warn("Login refused while locked: name={} address={}", LogText.of(name), LogText.of(address));
            return new Outcome<>(null, 429, "Too many failed logins. Logins for this account or from your address "
                    + "are paused; try again in " + attempt.secondsLocked() + " seconds.");
        }
        Optional<T> account;
        try {
            account = check.get();
        } catch (Throwable e) {
            // nothing was learnt about the password (the database was down, say): not a failure
            attempt.abandoned();
            throw e;
        }
        if (account.isEmpty()) {
            attempt.failed();
            return wrongNameOrPassword(name, address);
        }
        attempt.succeeded();
        return new Outcome<>(account.get(), 200, null);
    }

    private <T> Outcome<T> wrongNameOrPassword(String name, String address) {
        LOG.info("Login failed: name={} address={}", LogText.of(name), LogText.of(address));
        return new Outcome<>(null, 401, "Wrong login name or password. After " + throttle.maxFailures()
                + " failed attempts logins are paused for " + throttle.lockSeconds() + " seconds.");
    }
}
