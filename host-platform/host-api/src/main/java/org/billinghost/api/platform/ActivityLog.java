package org.billinghost.api.platform;

import org.osgi.annotation.versioning.ProviderType;

/** The host's activity log (WHMCS's System Activity Log). */
@ProviderType
public interface ActivityLog {

    /** Records a line; {@code clientId} 0 when no client is concerned. */
    void log(String message, long clientId);

    /** Newest first; {@code search} matches part of the message, ignoring case; null or empty for all. */
    ResultPage<ActivityEntry> search(String search, long clientId, int offset, int limit);
}
