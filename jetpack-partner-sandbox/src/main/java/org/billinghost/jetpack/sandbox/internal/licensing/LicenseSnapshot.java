package org.billinghost.jetpack.sandbox.internal.licensing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A license's state at one moment, and the two ways it is shown: to the API's caller and to the sandbox's user. */
record LicenseSnapshot(long id, String key, String partnerId, LicensedProduct product, License.Origin origin,
                       Long blogId, String siteUrl, Instant issuedAt, Instant attachedAt, Instant revokedAt,
                       long cancellationEmails) {

    /** The Licensing API's timestamps: UTC, no zone, e.g. {@code 2020-09-08 16:14:58}. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    enum State { DETACHED, ATTACHED, REVOKED }

    /** A License as the API answers it: the documented fields and those seen in list answers. */
    record ApiView(
            @JsonProperty("license_id") long licenseId,
            @JsonProperty("license_key") String licenseKey,
            @JsonProperty("product_id") long productId,
            @JsonProperty("product") String product,
            @JsonProperty("blog_id") Long blogId,
            @JsonProperty("siteurl") String siteUrl,
            @JsonProperty("issued_at") String issuedAt,
            @JsonProperty("attached_at") String attachedAt,
            @JsonProperty("revoked_at") String revokedAt) {
    }

    /** A license as {@code /_sandbox/licenses} shows it: who owns it, its state and where it came from. */
    record SandboxView(
            @JsonProperty("license_id") long licenseId,
            @JsonProperty("license_key") String licenseKey,
            @JsonProperty("partner_id") String partnerId,
            @JsonProperty("product") String product,
            @JsonProperty("product_id") long productId,
            @JsonProperty("state") String state,
            @JsonProperty("blog_id") Long blogId,
            @JsonProperty("siteurl") String siteUrl,
            @JsonProperty("issued_at") String issuedAt,
            @JsonProperty("attached_at") String attachedAt,
            @JsonProperty("revoked_at") String revokedAt,
            @JsonProperty("issued_by") String issuedBy,
            @JsonProperty("cancellation_emails") long cancellationEmails) {
    }

    State state() {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        return blogId == null ? State.DETACHED : State.ATTACHED;
    }

    ApiView apiView() {
        return new ApiView(id, key, product.productId(), product.name(), blogId, siteUrl, format(issuedAt),
                format(attachedAt), format(revokedAt));
    }

    SandboxView sandboxView() {
        return new SandboxView(id, key, partnerId, product.slug(), product.productId(), lower(state()), blogId, siteUrl,
                format(issuedAt), format(attachedAt), format(revokedAt), lower(origin), cancellationEmails);
    }

    static String format(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
