package org.billinghost.httpapi.internal.actions;

import java.util.List;
import java.util.Map;
import org.billinghost.api.billing.Clients;
import org.billinghost.api.billing.Permissions;
import org.billinghost.api.platform.ActivityEntry;
import org.billinghost.api.platform.ActivityLog;
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

    private Map<String, Object> getActivityLog(ApiRequest r) {
        r.refuseUnsupported("userid", "date", "user", "ipaddress");
        Paging paging = Paging.of(r);
        ResultPage<ActivityEntry> page = log.search(r.string("description", null), r.optId("clientid").orElse(0),
                paging.offset(), paging.limit());
        List<Map<String, Object>> entries = page.items().stream().map(e -> Replies.of("id", e.id(),
                "clientid", e.clientId(), "date", Formats.dateTime(e.time()), "description", e.message(),
                "user", e.user() == null ? "" : e.user(), "ipaddress", "")).toList();
        return Replies.page(page, "activity", "entry", entries);
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
