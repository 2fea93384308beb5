package org.billinghost.jetpack.internal.module;

import static org.billinghost.jetpack.partner.PartnerApi.PREFIX;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.billinghost.api.module.CommandParams;
import org.billinghost.jetpack.partner.PartnerCredentials;
import org.billinghost.jetpack.partner.Plan;

/**
 * A service of a Jetpack product as the module reads it from the command parameters: partner
 * credentials (config options 1 and 2) and the custom fields. Credentials and the fields' values
 * are checked by the Partner API client before it sends anything.
 */
record JetpackService(PartnerCredentials credentials, String siteUrl, String localUser, String planValue,
                      String details) {
    static final String SITE_URL = "Site URL";
    static final String LOCAL_USER = "Local User";
    static final String PLAN = "Plan";
    static final String DETAILS = "jetpack_provisioning_details";

    /** Every command needs these on the product. */
    private static final List<String> REQUIRED_FIELDS = List.of(SITE_URL, LOCAL_USER, PLAN);

    static JetpackService of(CommandParams params) {
        return new JetpackService(new PartnerCredentials(params.configOption(1), params.configOption(2)),
                value(params, SITE_URL), value(params, LOCAL_USER), value(params, PLAN), value(params, DETAILS));
    }

    Optional<Plan> plan() {
        return Plan.parse(planValue);
    }

    /**
     * What is wrong with the product's set-up for a command, or null. {@code provisions}: the
     * command writes the provisioning details and needs a valid plan.
     */
    static String setUpProblem(CommandParams params, boolean provisions) {
        List<String> defined = params.productCustomFieldNames();
        List<String> needed = provisions
                ? List.of(SITE_URL, LOCAL_USER, PLAN, DETAILS) : REQUIRED_FIELDS;
        List<String> missing = needed.stream().filter(name -> !defined.contains(name)).toList();
        if (!missing.isEmpty()) {
            return PREFIX + "The product has no custom field " + quoted(missing) + ". Add the custom fields "
                    + quoted(List.of(SITE_URL, LOCAL_USER, PLAN, DETAILS)) + " to the product, or let the Jetpack"
                    + " addon create the Jetpack products (Manage Jetpack Products).";
        }
        if (provisions) {
            JetpackService service = of(params);
            if (service.plan().isEmpty()) {
                return PREFIX + "The service's Plan is '" + service.planValue() + "', which is not one of "
                        + Arrays.stream(Plan.values()).map(Plan::label).collect(Collectors.joining(", "))
                        + ". Set the product's Plan custom field to one of them.";
            }
        }
        return null;
    }

    private static String value(CommandParams params, String field) {
        String value = params.customFields().get(field);
        return value == null ? "" : value.trim();
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }
}
