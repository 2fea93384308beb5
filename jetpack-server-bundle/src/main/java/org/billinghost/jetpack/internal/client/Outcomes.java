package org.billinghost.jetpack.internal.client;

import static org.billinghost.jetpack.partner.PartnerApi.PREFIX;

import java.time.Duration;
import java.util.Map;
import org.billinghost.jetpack.partner.ApiOutcome;

/** The staff messages for every way a Partner API call can fail; each says what to do. */
final class Outcomes {

    /** The operations, named as the messages speak of them. */
    enum Operation {
        TOKEN("getting an access token"),
        PROVISION("provisioning the plan"),
        CANCEL("cancelling the plan"),
        STATUS("checking the site's status"),
        ISSUE("issuing a license"),
        LICENSE("reading the license"),
        REVOKE("revoking the license"),
        ATTACH("attaching the license to the site"),
        DETACH("detaching the license from the site"),
        LIST("listing the partner's licenses"),
        CATALOGUE("loading the Jetpack product catalogue");

        final String doing;

        Operation(String doing) {
            this.doing = doing;
        }
    }

    private static final String CONFIG_HINT = "the Partner API base URL (configuration " + PartnerApiConfiguration.PID + ")";

    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("invalid_siteurl", "Check the service's Site URL."),
            Map.entry("invalid_input", "Check the service's Site URL."),
            Map.entry("invalid_local_user", "Check the service's Local User: it must be the username, id or e-mail of an existing user of the WordPress site."),
            Map.entry("invalid_plan", "Check the service's Plan: it must be Free, Personal, Premium or Professional."),
            Map.entry("plan_downgrade_disallowed", "The site already has a higher Jetpack plan and downgrades are refused: choose a plan at least as high as the site's current one (the Check Status button shows it)."),
            Map.entry("method_not_found", "The site lacks a method Jetpack needs: make sure the Jetpack plugin is installed and up to date on the site, then try again."),
            Map.entry("invalid_scope", "These partner credentials may not manage partner plans: check the Partner Client ID and Secret, or ask Automattic's partner support."),
            Map.entry("invalid_blog", "WordPress.com does not know this site or it is not connected yet: check the Site URL."),
            Map.entry("incorrect_partner_key", "The plan was provisioned by another hosting partner and cannot be cancelled with these credentials."),
            Map.entry("not_jps_plan", "The site's plan is not a partner plan, so it cannot be cancelled here."),
            Map.entry("partner_key_disabled", "The partner key is disabled: ask Automattic's partner support."));

    private Outcomes() {
    }

    /**
     * The failure for replies every operation treats alike — trouble, 5xx, 429, redirects and
     * unreadable successful bodies — or null when the caller must read the answer itself.
     */
    static ApiOutcome common(Operation op, Reply reply, String baseUrl) {
        if (!reply.answered()) {
            return switch (reply.trouble()) {
                case TIMEOUT -> ApiOutcome.transientFailure(PREFIX + "The Jetpack Partner API did not answer in time while "
                        + op.doing + " (" + reply.detail() + "). This is usually temporary: please try again later"
                        + " (automatic commands are retried). If it keeps happening, check that this server can reach "
                        + baseUrl + ".", null);
                case CONNECTION -> ApiOutcome.transientFailure(PREFIX + "Could not talk to the Jetpack Partner API at "
                        + baseUrl + " while " + op.doing + " (" + reply.detail() + "). Please try again later"
                        + " (automatic commands are retried); if it keeps happening, check this server's network"
                        + " access and " + CONFIG_HINT + ".", null);
            };
        }
        int status = reply.status();
        if (status >= 500) {
            return ApiOutcome.transientFailure(PREFIX + "There was an error communicating with the Jetpack provisioning"
                    + " server while " + op.doing + " (HTTP " + status + "). Please try again later"
                    + " (automatic commands are retried).", reply.retryAfter());
        }
        if (status == 429) {
            return ApiOutcome.transientFailure(PREFIX + "The Jetpack Partner API is limiting requests (HTTP 429) while "
                    + op.doing + ". Please try again " + in(reply.retryAfter()) + " (automatic commands are retried).",
                    reply.retryAfter());
        }
        if (status >= 300 && status < 400) {
            return ApiOutcome.failure(PREFIX + "The Jetpack Partner API answered with a redirect (HTTP " + status
                    + ") while " + op.doing + ". Check " + CONFIG_HINT + ", now " + baseUrl + ".", false);
        }
        if (reply.successful() && reply.otherJson()) {
            return unexpectedAnswer(op, reply);
        }
        if (reply.successful() && reply.json() == null) {
            String body = reply.body().trim();
            if (body.isEmpty() || body.startsWith("{") || body.startsWith("[")) {
                return ApiOutcome.transientFailure(PREFIX + "The Jetpack Partner API sent an empty or incomplete answer"
                        + " (HTTP " + status + ") while " + op.doing + ". Please try again later"
                        + " (automatic commands are retried).", null);
            }
            return ApiOutcome.failure(PREFIX + "The Jetpack Partner API answered with something that is not JSON"
                    + " (HTTP " + status + ", " + contentType(reply) + ") while " + op.doing + ". Check "
                    + CONFIG_HINT + ", now " + baseUrl + ".", false);
        }
        return null;
    }

    /** A 4xx answer to the token request. */
    static ApiOutcome tokenRefused(Reply reply) {
        if (reply.status() == 400 || reply.status() == 401) {
            return refusal(PREFIX + "There was a problem getting an access token for your Jetpack hosting"
                    + " partner account. This usually means the Partner Client ID or Partner Client Secret is wrong:"
                    + " check them in the product's module settings and in the Jetpack addon's configuration."
                    + " The error from the server was: " + sentence(detail(reply)), reply);
        }
        return refusal(PREFIX + "There was an error getting an access token (HTTP " + reply.status() + "): "
                + sentence(detail(reply)) + " Check the partner credentials; if they are right, ask Automattic's partner support.", reply);
    }

    /** A 4xx answer to provision, cancel or status (404 of cancel excepted). */
    static ApiOutcome refused(Operation op, Reply reply) {
        if (reply.status() == 400 || reply.status() == 403) {
            String verb = switch (op) {
                case PROVISION -> "trying to provision a plan";
                case CANCEL -> "trying to cancel the plan";
                default -> op.doing;
            };
            return refusal(PREFIX + "The following error was returned " + verb + " - " + sentence(detail(reply)) + " "
                    + HINTS.getOrDefault(reply.errorCode(), "Correct the problem and run the command again."), reply);
        }
        return refusal(PREFIX + "There was an error " + op.doing + " (HTTP " + reply.status() + "): "
                + sentence(detail(reply)) + " " + HINTS.getOrDefault(reply.errorCode(), "Check the service's details and try again."), reply);
    }

    static ApiOutcome cancelNotFound(String site) {
        return ApiOutcome.failure(PREFIX + "The Jetpack Partner API answered HTTP 404 when cancelling the plan: the site"
                + " URL '" + site + "' is likely invalid. Check the service's Site URL.", false);
    }

    static ApiOutcome alreadyCancelled(String site) {
        return ApiOutcome.failure(PREFIX + "Unable to cancel this Jetpack plan as it has likely already been cancelled"
                + " (no partner plan found for " + site + "). Check Status shows the site's current plan.", false);
    }

    static ApiOutcome tokenRefusedTwice(Operation op, Reply reply) {
        return refusal(PREFIX + "The Jetpack Partner API refused a newly issued access token while " + op.doing
                + " (HTTP " + reply.status() + ": " + detail(reply) + "). Check the partner credentials and that the"
                + " partner account is enabled.", reply);
    }

    /**
     * A complete answer of a shape no call has (an array, a success without its fields...): permanent, as
     * trying again gets the same. The body is not shown, it comes from a remote server: the module log has it.
     */
    static ApiOutcome unexpectedAnswer(Operation op, Reply reply) {
        return ApiOutcome.failure(PREFIX + "The Jetpack Partner API gave an answer this module does not understand while "
                + op.doing + " (HTTP " + reply.status() + "). Switch on the Module Log and run the command again to see"
                + " the answer; if it persists, check " + CONFIG_HINT + ".", false);
    }

    /** A 2xx answer with {@code success: false} and an error code: an error that names the code. */
    static ApiOutcome unsuccessful(Operation op, Reply reply) {
        return refusal(PREFIX + "The Jetpack Partner API answered without success while " + op.doing + " - "
                + sentence(detail(reply)) + " " + HINTS.getOrDefault(reply.errorCode(),
                "Correct the problem and run the command again."), reply);
    }

    /** A permanent failure carrying the API's error code ({@code HTTP 4xx} when the answer has none). */
    private static ApiOutcome refusal(String message, Reply reply) {
        return ApiOutcome.refused(message, reply.errorCode().isEmpty() ? "HTTP " + reply.status() : reply.errorCode());
    }

    /** The text with a full stop, unless it already ends a sentence (the API's messages often do). */
    static String sentence(String text) {
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
    }

    static ApiOutcome invalidBaseUrl(String raw) {
        return ApiOutcome.failure(PREFIX + "The Partner API base URL '" + raw + "' is not a valid http or https URL."
                + " Fix baseUrl in the configuration " + PartnerApiConfiguration.PID + ".", false);
    }

    static ApiOutcome invalidStatusVersion(String raw) {
        return ApiOutcome.failure(PREFIX + "The status API version '" + raw + "' is not a version such as 1.3."
                + " Fix statusApiVersion in the configuration " + PartnerApiConfiguration.PID + ".", false);
    }

    static ApiOutcome missingCredentials() {
        return ApiOutcome.failure(PREFIX + "The Partner Client ID or Partner Client Secret is missing. Enter both in the"
                + " product's module settings (the Jetpack addon fills them in when it creates the products).", false);
    }

    static ApiOutcome missing(String what) {
        return ApiOutcome.failure(PREFIX + "The " + what + " is missing. Enter it in the service's details and run the"
                + " command again.", false);
    }

    static ApiOutcome invalidSiteUrl(String problem) {
        return ApiOutcome.failure(PREFIX + "The Site URL is not a valid web address: " + problem + ". Correct it in the"
                + " service's details and run the command again.", false);
    }

    static String unexpected(String doing) {
        return PREFIX + "An unexpected error happened while " + doing + ". Try again; if it persists, look at the"
                + " host's log for details.";
    }

    /** {@code code: message}, whichever the answer has. */
    static String detail(Reply reply) {
        String code = reply.errorCode();
        String message = reply.errorMessage();
        if (!code.isEmpty() && !message.isEmpty() && !message.equals(code)) {
            return code + ": " + message;
        }
        if (!code.isEmpty() || !message.isEmpty()) {
            return code.isEmpty() ? message : code;
        }
        return reply.json() == null && !reply.body().isBlank()
                ? "HTTP " + reply.status() + " with a body that is not JSON"
                : "HTTP " + reply.status() + " without an error description";
    }

    private static String in(Duration retryAfter) {
        return retryAfter == null ? "later" : "in " + Math.max(1, retryAfter.toSeconds()) + " seconds";
    }

    private static String contentType(Reply reply) {
        return reply.detail() == null || reply.detail().isBlank() ? "no content type" : reply.detail();
    }

}
