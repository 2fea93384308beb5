package org.billinghost.jetpack.sandbox.internal.licensing;

import java.time.Instant;

/**
 * One issued license: detached, attached to one site, or revoked for good. Each license guards its own state,
 * so calls for different licenses never wait for each other.
 */
final class License {

    /** Where a license was issued: by the API ({@code POST /license}) or directly at the sandbox. */
    enum Origin { API, SANDBOX }

    enum Change { DONE, ALREADY_ATTACHED, NOT_ATTACHED, REVOKED, ALREADY_REVOKED }

    private final long id;
    private final String key;
    private final String partnerId;
    private final LicensedProduct product;
    private final Instant issuedAt;
    private final Origin origin;
    private Long blogId;
    private String siteUrl;
    private Instant attachedAt;
    private Instant revokedAt;
    private long cancellationEmails;

    License(long id, String key, String partnerId, LicensedProduct product, Instant issuedAt, Origin origin) {
        this.id = id;
        this.key = key;
        this.partnerId = partnerId;
        this.product = product;
        this.issuedAt = issuedAt;
        this.origin = origin;
    }

    String key() {
        return key;
    }

    String partnerId() {
        return partnerId;
    }

    synchronized Change attach(long toBlogId, String toSiteUrl, Instant now) {
        if (revokedAt != null) {
            return Change.REVOKED;
        }
        if (blogId != null) {
            return Change.ALREADY_ATTACHED;
        }
        blogId = toBlogId;
        siteUrl = toSiteUrl;
        attachedAt = now;
        return Change.DONE;
    }

    /** The license may then go to another site. */
    synchronized Change detach(boolean cancellationEmail) {
        if (revokedAt != null) {
            return Change.REVOKED;
        }
        if (blogId == null) {
            return Change.NOT_ATTACHED;
        }
        blogId = null;
        siteUrl = null;
        attachedAt = null;
        if (cancellationEmail) {
            cancellationEmails++;
        }
        return Change.DONE;
    }

    /** Final; the site it was attached to stays on record. */
    synchronized Change revoke(Instant now) {
        if (revokedAt != null) {
            return Change.ALREADY_REVOKED;
        }
        revokedAt = now;
        return Change.DONE;
    }

    synchronized LicenseSnapshot snapshot() {
        return new LicenseSnapshot(id, key, partnerId, product, origin, blogId, siteUrl, issuedAt, attachedAt, revokedAt,
                cancellationEmails);
    }
}
