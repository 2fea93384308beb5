package org.billinghost.jetpack.addon.internal;

import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.CustomField;
import org.billinghost.api.platform.CustomFieldType;
import org.billinghost.api.platform.NewCustomField;
import org.billinghost.api.platform.Product;

/**
 * Turns the Site URL fields that addon 1.0.0 created — text fields checked by a regular expression that
 * overflowed the stack on a long dotted host name — into link fields, which the host checks with its
 * web address parser. Only fields still carrying that exact expression are changed, so an admin's own
 * validation stays; running it again changes nothing.
 */
final class SiteUrlFieldUpgrade {
    /** The Site URL validation of addon 1.0.0, as stored in its products' custom fields. */
    static final String LEGACY_REGEX = "(?i)\\s*(https?://)?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+"
            + "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(:[0-9]{1,5})?(/[a-z0-9._~!$&'()*+,;=:@%/-]*)?\\s*";

    private SiteUrlFieldUpgrade() {
    }

    /** Answers how many fields were changed. */
    static int run(Catalog catalog) {
        int changed = 0;
        for (Product product : catalog.productsOfModule(JetpackProducts.MODULE)) {
            for (CustomField f : product.customFields()) {
                if (f.name().equals(JetpackProducts.SITE_URL) && f.validationRegex().equals(LEGACY_REGEX)) {
                    catalog.updateCustomField(f.id(), new NewCustomField(f.name(), CustomFieldType.LINK, f.description(),
                            "", f.options(), f.adminOnly(), f.required(), f.showOnOrderForm(), f.showOnInvoice()));
                    changed++;
                }
            }
        }
        return changed;
    }
}
