package org.billinghost.jetpack.addon.internal;

import java.math.BigDecimal;
import java.util.List;
import org.billinghost.jetpack.partner.ApiOutcome;
import org.billinghost.jetpack.partner.LicenseCatalogue;
import org.billinghost.jetpack.partner.LicensePage;
import org.billinghost.jetpack.partner.LicenseProduct;
import org.billinghost.jetpack.partner.LicenseQuery;
import org.billinghost.jetpack.partner.LicenseResult;
import org.billinghost.jetpack.partner.LicensingApi;

/** The partner catalogue as the addon reads it; the addon calls nothing else of the Licensing API. */
final class FakeLicensingApi implements LicensingApi {
    volatile LicenseCatalogue partnerCatalogue = new LicenseCatalogue(ApiOutcome.success("ok"), List.of(
            new LicenseProduct("Jetpack Backup", "jetpack-backup", 2100, "Jetpack Backup (Daily)", "jetpack-backup-daily",
                    "usd", new BigDecimal("4.95"), "month"),
            new LicenseProduct("Jetpack Packs", "jetpack-packs", 2014, "Jetpack Complete", "jetpack-complete", "usd",
                    new BigDecimal("24.95"), "month")));

    @Override
    public LicenseCatalogue partnerCatalogue(String token) {
        return partnerCatalogue;
    }

    @Override
    public LicenseCatalogue catalogue() {
        throw new UnsupportedOperationException("the addon reads the partner's catalogue");
    }

    @Override
    public LicenseResult issue(String token, String productSlug) {
        throw new UnsupportedOperationException("the addon issues no license");
    }

    @Override
    public LicenseResult license(String token, String key) {
        throw new UnsupportedOperationException("the addon reads licenses through the ledger");
    }

    @Override
    public LicenseResult revoke(String token, String key) {
        throw new UnsupportedOperationException("the addon revokes through the ledger");
    }

    @Override
    public LicenseResult attach(String token, String key, String site) {
        throw new UnsupportedOperationException("the addon attaches nothing");
    }

    @Override
    public LicenseResult detach(String token, String key) {
        throw new UnsupportedOperationException("the addon detaches nothing");
    }

    @Override
    public LicensePage licenses(String token, LicenseQuery query) {
        throw new UnsupportedOperationException("the addon lists licenses through the ledger");
    }
}
