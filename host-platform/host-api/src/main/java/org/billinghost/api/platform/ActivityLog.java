package org.billinghost.api.platform;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The host's activity log (WHMCS's System Activity Log). */
@ProviderType
public interface ActivityLog {

    /** Records a line credited to the {@link Actor#current() current actor}; {@code clientId} 0 when no client is concerned. */
    void log(String message, long clientId);

    /** Records a line credited to {@code actor} (a login, before the request's actor is known). */
    void log(String message, long clientId, Actor actor);

    /** Newest first; {@code search} matches part of the message, ignoring case; null or empty for all. */
    default ResultPage<ActivityEntry> search(String search, long clientId, int offset, int limit) {
        return search(ActivityFilter.of(search, clientId), offset, limit);
    }

    /** Newest first, the lines the filter keeps. */
    ResultPage<ActivityEntry> search(ActivityFilter filter, int offset, int limit);

    /**
     * The newest {@code limit} lines (1 to 1000), without counting the log as {@link #search} does.
     *
     * @since 2.4
     */
    default List<ActivityEntry> recent(int limit) {
        return search(ActivityFilter.ALL, 0, limit).items();
    }

    /**
     * Whether a search for {@code text} in the messages is answered through an index rather than by reading every
     * line of the filter's range, so that a page may bound the other searches to recent lines (the admin activity
     * log searches the last 7 days unless asked for older lines). The answer is the same either way.
     *
     * @since 2.3
     */
    default boolean indexedSearch(String text) {
        return false;
    }
}
