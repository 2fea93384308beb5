package org.billinghost.jetpack.sandbox.internal.licensing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.billinghost.jetpack.sandbox.internal.ApiAnswer;
import org.billinghost.jetpack.sandbox.internal.Site;

/**
 * The sandbox's own licensing endpoints under {@code /_sandbox/licenses}: every license, the calls that changed
 * one, what each partner (token) was billed, and licenses created directly at the sandbox.
 */
final class LicensingInspection {

    private static final ObjectReader NEW_LICENSE_READER = ApiAnswer.JSON.readerFor(NewLicense.class);

    /** The body of {@code POST /_sandbox/licenses}: the partner by id or by token, the product, optionally a site. */
    record NewLicense(
            @JsonProperty("partner_id") String partnerId,
            @JsonProperty("token") String token,
            @JsonProperty("product") String product,
            @JsonProperty("site") String site) {
    }

    record Listing(
            @JsonProperty("licenses") List<LicenseSnapshot.SandboxView> licenses,
            @JsonProperty("calls") LicenseStore.Calls calls) {
    }

    record Billing(
            @JsonProperty("partner_id") String partnerId,
            @JsonProperty("licenses_billed") long licensesBilled,
            @JsonProperty("amount_billed") BigDecimal amountBilled,
            @JsonProperty("currency") String currency) {
    }

    private final LicensingPartners partners;
    private final LicenseStore licenses;
    private final LicensingApi api;
    private final Clock clock;

    LicensingInspection(LicensingPartners partners, LicenseStore licenses, LicensingApi api, Clock clock) {
        this.partners = partners;
        this.licenses = licenses;
        this.api = api;
        this.clock = clock;
    }

    ApiAnswer list() {
        return ApiAnswer.json(200, new Listing(
                licenses.snapshots().stream().map(LicenseSnapshot::sandboxView).toList(), licenses.calls()));
    }

    /** Licenses issued and the sum of their partner prices (one period each), for every configured partner. */
    ApiAnswer billing() {
        List<LicenseSnapshot> all = licenses.snapshots();
        List<Billing> billing = partners.all().stream().map(partner -> {
            List<LicenseSnapshot> billed = all.stream().filter(l -> l.partnerId().equals(partner.id())).toList();
            BigDecimal amount = billed.stream().map(l -> l.product().amount()).reduce(new BigDecimal("0.00"), BigDecimal::add);
            return new Billing(partner.id(), billed.size(), amount, LicensedProduct.CURRENCY);
        }).toList();
        return ApiAnswer.json(200, Map.of("billing", billing));
    }

    ApiAnswer one(String key) {
        return licenses.find(key).map(l -> ApiAnswer.json(200, l.snapshot().sandboxView()))
                .orElseGet(() -> ApiAnswer.error(404, "unknown_license", "The sandbox has no license with this key."));
    }

    /** Issues (and bills) a license the way the real service would, without an API call: an orphan for the host. */
    ApiAnswer create(byte[] body) {
        NewLicense request;
        try {
            request = NEW_LICENSE_READER.readValue(body);
        } catch (UnrecognizedPropertyException e) {
            return invalid("Unknown field '" + e.getPropertyName() + "'; known fields: partner_id, token, product, site.");
        } catch (JsonProcessingException e) {
            return invalid("The body must be a JSON object with partner_id or token, product and optionally site.");
        } catch (IOException e) {
            return invalid("The body could not be read.");
        }
        if (request == null || (request.partnerId() == null) == (request.token() == null)) {
            return invalid("Give exactly one of partner_id and token.");
        }
        Optional<LicensingPartner> partner = request.partnerId() != null
                ? partners.byId(request.partnerId())
                : partners.byToken(request.token());
        if (partner.isEmpty()) {
            return invalid("No configured licensing partner has this " + (request.partnerId() != null ? "id." : "token."));
        }
        Optional<LicensedProduct> product = Catalogue.bySlug(request.product());
        if (product.isEmpty()) {
            return invalid("product must be a product slug of the catalogue (GET /product-families).");
        }
        Site site;
        try {
            site = request.site() == null ? null : api.site(request.site());
        } catch (LicensingError e) {
            return invalid(e.getMessage());
        }
        License license = licenses.issue(partner.get().id(), product.get(), License.Origin.SANDBOX, clock.instant());
        if (site != null) {
            api.attach(license, site);
        }
        return ApiAnswer.json(200, license.snapshot().sandboxView());
    }

    private static ApiAnswer invalid(String message) {
        return ApiAnswer.error(400, "invalid_license", message);
    }
}
