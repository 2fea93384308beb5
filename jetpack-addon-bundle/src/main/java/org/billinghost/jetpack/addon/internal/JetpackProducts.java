package org.billinghost.jetpack.addon.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.CustomFieldType;
import org.billinghost.api.platform.NewCustomField;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductType;
import org.billinghost.jetpack.partner.PartnerCredentials;
import org.billinghost.jetpack.partner.Plan;

/** What a Jetpack product looks like: the server module, its settings and its custom fields. */
final class JetpackProducts {
    static final String MODULE = "jetpack";
    static final String SITE_URL = "Site URL";
    static final String LOCAL_USER = "Local User";
    static final String PLAN = "Plan";
    static final String PROVISIONING_DETAILS = "jetpack_provisioning_details";

    private JetpackProducts() {
    }

    /** Hidden until the admin sets its price; set up automatically when the first invoice is paid. */
    static NewProduct newProduct(long groupId, Plan plan, PartnerCredentials credentials) {
        PayType payType = plan == Plan.FREE ? PayType.FREE : PayType.RECURRING;
        return new NewProduct(groupId, plan.productName(),
                "Jetpack " + plan.label() + " plan for a WordPress site, provisioned through the Jetpack Partner API.",
                ProductType.OTHER, true, payType, BigDecimal.ZERO, MODULE,
                List.of(credentials.clientId(), credentials.clientSecret()), AutoSetup.PAYMENT, customFields(plan));
    }

    private static List<NewCustomField> customFields(Plan plan) {
        return List.of(
                // a link: the host checks it with its web address parser (no pattern runs on the customer's input)
                new NewCustomField(SITE_URL, CustomFieldType.LINK,
                        "The address of your WordPress site, e.g. example.com or https://example.com/blog", "", List.of(),
                        false, true, true, false),
                NewCustomField.text(LOCAL_USER, "Your user name on the WordPress site, who will connect Jetpack", true, true),
                // an admin-only dropdown starts with its first option: this presets the plan of every new service
                NewCustomField.adminOnly(PLAN, CustomFieldType.DROPDOWN, "The Jetpack plan this product sells",
                        List.of(plan.slug())),
                NewCustomField.adminOnly(PROVISIONING_DETAILS, CustomFieldType.TEXT,
                        "Written by the Jetpack module: the activation link or the waiting message", List.of()));
    }

    /** The plan a Jetpack product sells, read from its preset {@code Plan} field, else from its name. */
    static Optional<Plan> planOf(Product product) {
        return product.customFields().stream()
                .filter(f -> PLAN.equals(f.name()) && !f.options().isEmpty())
                .findFirst()
                .flatMap(f -> Plan.parse(f.options().get(0)))
                .or(() -> planNamed(product.name()));
    }

    static Optional<Plan> planNamed(String productName) {
        for (Plan plan : Plan.values()) {
            if (plan.productName().equalsIgnoreCase(productName.trim())) {
                return Optional.of(plan);
            }
        }
        return Optional.empty();
    }
}
