package org.billinghost.httpapi.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.billinghost.api.billing.AdminAccount;
import org.billinghost.api.billing.ApiCredential;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.module.AdminIdentity;
import org.billinghost.api.platform.CatalogException;
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

    public record Answer(int status, Map<String, Object> body) {
    }

    private final ApiBackend backend;
    private final ActionTable actions;

    public ApiDispatcher(ApiBackend backend, ActionTable actions) {
        this.backend = backend;
        this.actions = actions;
    }

    public Answer dispatch(ApiRequest request) {
        String actionName = "";
        try {
            String responseType = request.string("responsetype", "json");
            if (!responseType.equalsIgnoreCase("json")) {
                throw ApiError.badRequest("Unsupported responsetype '" + ApiRequest.shorten(responseType)
                        + "': this API answers json only");
            }
            ApiCredential credential = authenticate(request);
            actionName = request.string("action");
            ActionTable.Entry entry = find(actionName);
            actionName = entry.name();
            AdminIdentity admin = authorise(credential, entry);
            Map<String, Object> fields = entry.action().handle(request, admin);
            Map<String, Object> body = new LinkedHashMap<>(fields.size() + 1);
            body.put("result", "success");
            body.putAll(fields);
            return new Answer(200, body);
        } catch (ApiError e) {
            return error(e.status(), e.getMessage());
        } catch (BillingException e) {
            return error(status(e.category()), e.getMessage());
        } catch (CatalogException e) {
            return error(400, e.getMessage());
        } catch (IllegalArgumentException e) {
            // the services' own input checks; their messages are written for the caller
            LOG.debug("API action refused input: action={} message={}", actionName, e.getMessage());
            return error(400, e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: a module bundle that went away in the middle of the call
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("API action failed unexpectedly: action={} reference={}", actionName, reference, e);
            return error(500, "Internal error (reference " + reference + "); the host log has the details");
        }
    }

    private ApiCredential authenticate(ApiRequest request) {
        Optional<String> identifier = request.optString("identifier").or(() -> request.optString("username"));
        Optional<String> secret = request.optString("secret").or(() -> request.optString("password"));
        if (identifier.isEmpty() || secret.isEmpty()) {
            throw ApiError.forbidden(AUTH_FAILED);
        }
        Optional<ApiCredential> credential = backend.credentials().authenticate(identifier.get(), secret.get());
        if (credential.isEmpty()) {
            LOG.info("API authentication failed: identifier={}", ApiRequest.shorten(identifier.get()));
            throw ApiError.forbidden(AUTH_FAILED);
        }
        return credential.get();
    }

    private ActionTable.Entry find(String name) {
        return actions.find(name)
                .orElseThrow(() -> ApiError.badRequest("Unknown action: " + ApiRequest.shorten(name)));
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

    static int status(BillingException.Category category) {
        return switch (category) {
            case INVALID_INPUT -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
            case UNAVAILABLE -> 503;
        };
    }

    static Answer error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>(2);
        body.put("result", "error");
        body.put("message", message == null || message.isBlank() ? "Request refused" : message);
        return new Answer(status, body);
    }
}
