package org.billinghost.jetpack.internal.client;

import static org.billinghost.jetpack.partner.PartnerApi.PREFIX;

import java.util.Map;
import org.billinghost.jetpack.internal.client.Outcomes.Operation;
import org.billinghost.jetpack.partner.ApiOutcome;

/** The staff messages for the Licensing API's refusals; each says what to do. */
final class LicensingOutcomes {

    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("invalid_token", "The partner API token was refused: check the token in the Jetpack addon's"
                    + " configuration and in the product's module settings (Partner API token)."),
            Map.entry("invalid_product", "The product slug is not in the Jetpack catalogue: choose another one in the"
                    + " product's module settings (Product slug)."),
            Map.entry("license_not_found", "The Jetpack Licensing API does not know this license key: check the key."),
            Map.entry("forbidden", "The license belongs to another partner account: check the key and the partner API token."),
            Map.entry("not_allowlisted", "This partner account may not attach licenses to sites: the customer adds the"
                    + " key on the site (My Jetpack, Add license), or ask Automattic to allow attaching."),
            Map.entry("license_revoked", "The license is revoked and can never be used again."),
            Map.entry("license_already_attached", "The license is already attached to a site: detach it first."),
            Map.entry("license_not_attached", "The license is not attached to a site."),
            Map.entry("license_already_revoked", "The license was revoked before."));

    private LicensingOutcomes() {
    }

    /** A non-2xx answer the caller did not treat as one of the common cases. */
    static ApiOutcome refused(Operation op, Reply reply) {
        String code = code(reply);
        String hint = HINTS.getOrDefault(code, op == Operation.ATTACH
                ? "Check the site: the API did not accept it (a full URL such as https://example.com/ is expected)."
                : "Correct the problem and run the command again.");
        return ApiOutcome.refused(PREFIX + "The Jetpack Licensing API refused " + op.doing + " (HTTP " + reply.status()
                + ") - " + Outcomes.sentence(detail(reply, code)) + " " + hint
                + requestId(reply), code.isEmpty() ? "HTTP " + reply.status() : code);
    }

    static ApiOutcome missingToken() {
        return ApiOutcome.failure(PREFIX + "The Jetpack partner API token is missing. Enter it in the Jetpack addon's"
                + " configuration and in the product's module settings (Partner API token).", false);
    }

    static ApiOutcome missing(String what) {
        return ApiOutcome.failure(PREFIX + "The " + what + " is missing.", false);
    }

    static ApiOutcome tooLong(String what, int max) {
        return ApiOutcome.failure(PREFIX + "The " + what + " is longer than " + max + " characters, so it cannot be right.", false);
    }

    /** The Licensing API's error code: {@code code}, or the Partner API's names. */
    static String code(Reply reply) {
        return reply.text("code", "error_code", "error");
    }

    private static String detail(Reply reply, String code) {
        String message = reply.text("message", "error_message", "error_description");
        if (!code.isEmpty() && !message.isEmpty() && !message.equals(code)) {
            return code + ": " + message;
        }
        return !code.isEmpty() || !message.isEmpty() ? (code.isEmpty() ? message : code) : Outcomes.detail(reply);
    }

    private static String requestId(Reply reply) {
        return reply.requestId().isEmpty() ? "" : " (request id " + reply.requestId() + ")";
    }
}
