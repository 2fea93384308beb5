package org.billinghost.httpapi.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.billinghost.api.billing.AdminAccount;
import org.billinghost.api.billing.ApiCredential;
import org.billinghost.api.billing.AuthThrottle;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.log.FailureLog;
import org.billinghost.api.module.AdminIdentity;
import org.billinghost.api.platform.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates a call, finds its action, checks the credential's allowed actions and the admin's
 * role, runs the action and turns every outcome into a WHMCS-shaped answer. Nothing thrown below
 * reaches the caller as a stack trace: unexpected failures are logged with a reference the answer
 * carries.
 */
public final class ApiDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);

    /** WHMCS's wording, kept so that existing clients recognise it. */
    static final String AUTH_FAILED = "Authentication Failed";
    /** The refusal log's name for access key attempts: no identifier can be this. */
    static final String ACCESS_KEY = "(accesskey)";
    /** Authentications of one identifier run one at a time; identifiers share these locks by hash. */
    private static final int AUTH_LOCKS = 64;

    public record Answer(int status, Map<String, Object> body) {
    }

    private final ApiBackend backend;
    private final ActionTable actions;
    private final FailureLog failures = new FailureLog(LOG);
    private final AuthRefusalLog refusals = new AuthRefusalLog(LOG);
    private final ReentrantLock[] authLocks = new ReentrantLock[AUTH_LOCKS];
    private volatile ApiAccess access = ApiAccess.OPEN;

    public ApiDispatcher(ApiBackend backend, ActionTable actions) {
        this.backend = backend;
        this.actions = actions;
        Arrays.setAll(authLocks, i -> new ReentrantLock());
    }

    /** Answers one call; {@code address} is the caller's IP address, for the authentication throttle. */
    public Answer dispatch(ApiRequest request, String address) {
        String actionName = "";
        try {
            String responseType = request.string("responsetype", "json");
            if (!responseType.equalsIgnoreCase("json") && !responseType.equalsIgnoreCase("xml")) {
                throw ApiError.invalid("Unsupported responsetype '" + ApiRequest.shorten(responseType)
                        + "': this API answers json or xml");
            }
            checkAddress(request, address);
            ApiCredential credential = authenticate(request, address);
            ActionTable.Entry entry = find(request.string("action"));
            actionName = entry.name();
            AdminIdentity admin = authorise(credential, entry);
            Map<String, Object> fields;
            // the action's activity lines (and the module commands it queues) are the credential's
            try (Actor.Scope ignored = Actor.actAs(Actor.api(credential.id(), credential.identifier(), address))) {
                fields = entry.action().handle(request, admin);
            }
            Map<String, Object> body = new LinkedHashMap<>(fields.size() + 1);
            body.put("result", "success");
            body.putAll(fields);
            return new Answer(200, body);
        } catch (ApiError e) {
            return error(e);
        } catch (BillingException e) {
            return error(ApiError.of(e));
        } catch (IllegalArgumentException e) {
            // the services' own input checks; their messages are written for the caller
            LOG.debug("API action refused input: action={} message={}", actionName,
                    ApiRequest.printable(String.valueOf(e.getMessage()), 500));
            return error(ApiError.invalid(e.getMessage()));
        } catch (Throwable e) {
            // Errors too: a StackOverflowError in an action, a module bundle gone in the middle of the call
            return unexpected(e, actionName);
        }
    }

    /**
     * The answer to a failure nobody expected. Its stack trace is logged once a minute per kind of
     * failure, so a request that fails each time cannot fill the disk; every call gets a short line
     * with the reference its answer carries.
     */
    Answer unexpected(Throwable e, String actionName) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        if (!failures.error(e, "API call failed unexpectedly: action={} reference={}", actionName, reference)) {
            LOG.error("API call failed unexpectedly: action={} reference={} failure={} (its stack trace is logged"
                    + " once a minute)", actionName, reference, e.getClass().getName());
        }
        return error(500, "Internal error (reference " + reference + "); the host log has the details");
    }

    /** The address restriction from now on (the configuration changed). */
    void access(ApiAccess value) {
        access = value;
    }

    /**
     * WHMCS's API IP restriction: an address outside the allow-list is refused unless the call carries the access
     * key. A sent access key is always checked, and its failures are throttled per address like secrets.
     */
    private void checkAddress(ApiRequest request, String address) {
        ApiAccess current = access;
        Optional<String> key = request.rawString("accesskey");
        if (key.isPresent()) {
            if (!current.hasAccessKey()) {
                throw ApiError.invalid("Parameter accesskey is not accepted: no API access key is configured");
            }
            // counted per address only: one name for everyone would let anybody lock the key for all its users
            AuthThrottle.Attempt attempt = backend.throttle().begin(AuthThrottle.Realm.API,
                    ACCESS_KEY + " " + address, address);
            if (!attempt.allowed()) {
                refusals.refused(ACCESS_KEY, address, "access key locked after repeated failures");
                throw ApiError.forbidden(AUTH_FAILED + ": too many failed attempts; try again in "
                        + attempt.secondsLocked() + " seconds");
            }
            if (!current.accessKeyMatches(key.get())) {
                attempt.failed();
                refusals.refused(ACCESS_KEY, address, "wrong access key");
                throw ApiError.forbidden(AUTH_FAILED);
            }
            attempt.succeeded();
            return;
        }
        if (!current.allows(address)) {
            refusals.refused(request.optString("identifier").or(() -> request.optString("username")).orElse(""),
                    address, "address not in the API allow-list");
            throw ApiError.forbidden("Invalid IP " + ApiRequest.printable(String.valueOf(address), 64));
        }
    }

    /**
     * Checks the identifier and secret; the secret exactly as sent. The throttle counts the attempt
     * before the secret is compared, so parallel guesses get no more than its limit checked. It counts
     * an attempt in progress like a failure: the attempts of one identifier therefore run one at a
     * time, or an integration making parallel calls with the right secret would lock itself out.
     */
    private ApiCredential authenticate(ApiRequest request, String address) {
        Optional<String> identifier = request.optString("identifier").or(() -> request.optString("username"));
        Optional<String> secret = request.rawString("secret").or(() -> request.rawString("password"));
        if (identifier.isEmpty() || secret.isEmpty()) {
            throw ApiError.forbidden(AUTH_FAILED);
        }
        String name = identifier.get();
        ReentrantLock lock = authLocks[Math.floorMod(name.toLowerCase(Locale.ROOT).hashCode(), AUTH_LOCKS)];
        lock.lock();
        try {
            AuthThrottle.Attempt attempt = backend.throttle().begin(AuthThrottle.Realm.API, name, address);
            if (!attempt.allowed()) {
                refusals.refused(name, address, "locked after repeated failures");
                throw ApiError.forbidden(AUTH_FAILED + ": too many failed attempts; try again in "
                        + attempt.secondsLocked() + " seconds");
            }
            Optional<ApiCredential> credential;
            try {
                credential = backend.credentials().authenticate(name, secret.get());
            } catch (Throwable e) {
                // nothing was learnt about the secret (the database was down, say): not a failure
                attempt.abandoned();
                throw e;
            }
            if (credential.isEmpty()) {
                attempt.failed();
                refusals.refused(name, address, "wrong identifier or secret");
                throw ApiError.forbidden(AUTH_FAILED);
            }
            attempt.succeeded();
            return credential.get();
        } finally {
            lock.unlock();
        }
    }

    /** The action's canonical name, or "unknown": a caller's misspelling must not become a new metric series. */
    String metricAction(String name) {
        return name == null || name.isBlank() ? "none" : actions.find(name).map(ActionTable.Entry::name).orElse("unknown");
    }

    private ActionTable.Entry find(String name) {
        return actions.find(name)
                .orElseThrow(() -> ApiError.invalid("Unknown action: " + ApiRequest.shorten(name)));
    }

    private AdminIdentity authorise(ApiCredential credential, ActionTable.Entry entry) {
        if (!credential.allowedActions().isEmpty() && credential.allowedActions().stream()
                .noneMatch(a -> a.equalsIgnoreCase(entry.name()))) {
            throw ApiError.forbidden("This API credential is not allowed to call " + entry.name());
        }
        AdminAccount admin = backend.admins().get(credential.adminId())
                .filter(a -> !a.disabled())
                .orElseThrow(() -> ApiError.forbidden("The admin account of this API credential is disabled"));
        if (entry.permission() != null && !backend.admins().hasPermission(admin.role(), entry.permission())) {
            throw ApiError.forbidden("The role " + admin.role() + " lacks the permission "
                    + entry.permission() + " that " + entry.name() + " needs");
        }
        return admin.identity();
    }

    static Answer error(ApiError e) {
        return error(e.status(), e.getMessage());
    }

    static Answer error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>(2);
        body.put("result", "error");
        body.put("message", message == null || message.isBlank() ? "Request refused" : message);
        return new Answer(status, body);
    }
}
