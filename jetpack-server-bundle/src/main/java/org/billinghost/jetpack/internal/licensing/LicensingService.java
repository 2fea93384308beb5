package org.billinghost.jetpack.internal.licensing;

import static org.billinghost.jetpack.partner.PartnerApi.PREFIX;

import java.util.Optional;
import org.billinghost.api.module.CommandParams;
import org.billinghost.api.platform.WebAddress;
import org.billinghost.jetpack.internal.client.SiteUrls;
import org.billinghost.jetpack.partner.LicenseCatalogue;

/**
 * A service of a license product as the module reads it: config option 1 the partner API token, 2 the product
 * slug, 3 whether to attach to the customer's site, 4 what a suspension does; the optional custom field
 * {@value #SITE_URL}.
 */
record LicensingService(String token, String slug, boolean attach, boolean detachOnSuspension, String siteUrl) {
    static final String SITE_URL = "Site URL";
    static final int MAX_SLUG_LENGTH = 100;

    static LicensingService of(CommandParams params) {
        String site = params.productCustomFieldNames().contains(SITE_URL)
                ? Optional.ofNullable(params.customFields().get(SITE_URL)).orElse("").trim() : "";
        return new LicensingService(params.configOption(1).trim(), params.configOption(2).trim(),
                "on".equals(params.configOption(3).trim()),
                JetpackLicensingModule.DETACH_ON_SUSPENSION.equals(params.configOption(4).trim()), site);
    }

    /** What is wrong with the product's settings, or null; a slug is checked against the catalogue when it loads. */
    String problem(LicenseCatalogue catalogue) {
        if (token.isEmpty()) {
            return PREFIX + "The partner API token is missing. Enter it in the product's module settings (Partner API"
                    + " token), or let the Jetpack addon create the license products.";
        }
        if (slug.isEmpty()) {
            return PREFIX + "The product slug is missing. Choose the Jetpack product in the product's module settings"
                    + " (Product slug).";
        }
        if (slug.length() > MAX_SLUG_LENGTH) {
            return PREFIX + "The product slug is longer than " + MAX_SLUG_LENGTH + " characters, so it is not a Jetpack"
                    + " product. Choose one in the product's module settings (Product slug).";
        }
        if (catalogue.outcome().ok() && catalogue.product(slug).isEmpty()) {
            return PREFIX + "The product slug '" + slug + "' is not in the Jetpack catalogue. Choose one of the"
                    + " catalogue's products in the product's module settings (Product slug).";
        }
        return null;
    }

    /** The site to attach to ({@code example.com/blog}), or empty when the product does not attach or has no site. */
    String attachTarget() {
        return attach ? SiteUrls.clean(siteUrl) : "";
    }

    /** Why the Site URL cannot be a site, or empty. */
    String siteProblem() {
        return WebAddress.problem(SiteUrls.clean(siteUrl)).orElse("");
    }
}
