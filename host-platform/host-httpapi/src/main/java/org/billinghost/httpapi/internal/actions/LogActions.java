package org.billinghost.httpapi.internal.actions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.billinghost.api.billing.Clients;
import org.billinghost.api.billing.Permissions;
import org.billinghost.api.platform.ActivityEntry;
import org.billinghost.api.platform.ActivityFilter;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.api.platform.Actor;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.httpapi.internal.ActionTable;
import org.billinghost.httpapi.internal.ApiError;
import org.billinghost.httpapi.internal.ApiRequest;
import org.billinghost.httpapi.internal.Formats;

/** GetActivityLog, LogActivity. */
public final class LogActions {

    private final ActivityLog log;
    private final Clients clients;

    public LogActions(ActivityLog log, Clients clients) {
        this.log = log;
        this.clients = clients;
    }

    public void register(ActionTable table) {
        table.add("GetActivityLog", Permissions.SYSTEM_LOGS, (r, admin) -> getActivityLog(r))
                .add("LogActivity", null, (r, admin) -> logActivity(r));
    }

    /**
     * WHMCS's filters ({@code clientid}, {@code description}, {@code date}: one day, {@code user}: part of the
     * actor's name) and the host's ({@code datefrom}/{@code dateto}: days, both included; {@code actortype}:
     * system, admin, client, api or visitor). Days are UTC, as the dates the answer gives.
     */
    private Map<String, Object> getActivityLog(ApiRequest r) {
        r.refuseUnsupported("userid", "ipaddress");
        Paging paging = Paging.of(r);
        Optional<LocalDate> day = r.optDate("date");
        if (day.isPresent() && (r.has("datefrom") || r.has("dateto"))) {
            throw ApiError.invalid("Give either date or datefrom/dateto, not both");
        }
        Instant from = day.or(() -> r.optDate("datefrom")).map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant())
                .orElse(null);
        Instant to = day.or(() -> r.optDate("dateto")).map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .orElse(null);
        ActivityFilter filter = new ActivityFilter(r.string("description", null), r.optId("clientid").orElse(0),
                from, to, r.optString("actortype").map(LogActions::actorKind).orElse(null), r.string("user", null));
        ResultPage<ActivityEntry> page = log.search(filter, paging.offset(), paging.limit());
        List<Map<String, Object>> entries = page.items().stream().map(e -> Replies.of("id", e.id(),
                "clientid", e.clientId(), "date", Formats.dateTime(e.time()), "description", e.message(),
                "user", e.user() == null ? "" : e.user(), "actortype", e.actor().kind().code(),
                "actorid", e.actor().id(), "ipaddress", e.actor().ip())).toList();
        return Replies.page(page, "activity", "entry", entries);
    }

    private static Actor.Kind actorKind(String code) {
        return Arrays.stream(Actor.Kind.values()).filter(k -> k.code().equalsIgnoreCase(code.strip())).findFirst()
                .orElseThrow(() -> ApiError.invalid("Parameter actortype must be one of system, admin, client, api,"
                        + " visitor; got '" + ApiRequest.shorten(code) + "'"));
    }

    private Map<String, Object> logActivity(ApiRequest r) {
        String description = r.string("description");
        long clientId = r.optId("clientid").orElse(0);
        if (clientId > 0 && clients.get(clientId).isEmpty()) {
            throw ApiError.notFound("Client ID Not Found: " + clientId);
        }
        log.log(description, clientId);
        return Map.of();
    }
}
