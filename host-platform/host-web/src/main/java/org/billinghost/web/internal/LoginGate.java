package org.billinghost.web.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/** The login steps both areas share: the throttle, the password check and the new session id. */
public final class LoginGate {
    private static final Logger LOG = LoggerFactory.getLogger(LoginGate.class);

    /** The account that logged in, or the HTTP status and message of the refusal. */
    public record Outcome<T>(T account, int status, String error) {
        public boolean succeeded() {
            return account != null;
        }
    }

    private final LoginThrottle throttle;

    public LoginGate(Clock clock) {
        this.throttle = new LoginThrottle(clock);
    }

    public <T> Outcome<T> login(Exchange exchange, String name, Supplier<Optional<T>> check) {
        String address = exchange.remoteAddress();
        long wait = throttle.secondsLocked(name, address);
        if (wait > 0) {
            LOG.warn("Login refused while locked: name={} address={}", name, address);
            return new Outcome<>(null, 429, "Too many failed logins. Logins for this account or from your address "
                    + "are paused; try again in " + wait + " seconds.");
        }
        Optional<T> account = check.get();
        if (account.isEmpty()) {
            throttle.failed(name, address);
            LOG.info("Login failed: name={} address={}", name, address);
            return new Outcome<>(null, 401, "Wrong login name or password. After " + LoginThrottle.MAX_FAILURES
                    + " failed attempts logins are paused for " + LoginThrottle.LOCK.toSeconds() + " seconds.");
        }
        throttle.succeeded(name, address);
        exchange.rotateSession();
        return new Outcome<>(account.get(), 200, null);
    }
}
