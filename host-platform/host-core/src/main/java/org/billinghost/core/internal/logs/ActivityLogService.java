package org.billinghost.core.internal.logs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.billinghost.api.platform.ActivityEntry;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.db.Paging;
import org.billinghost.core.internal.orders.PageRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The system activity log. Pages are read newest first by id (the primary key, so no sort of the
 * whole table); a client's page uses the (client_id, id) index.
 */
@Component(service = ActivityLog.class)
public final class ActivityLogService implements ActivityLog {

    /** The user recorded for lines the host writes by itself. */
    public static final String SYSTEM_USER = "System";
    private static final int MAX_MESSAGE = 4000;

    private static final Paging.Query PAGE = new Paging.Query("id, created, message, client_id, username",
            "activity_log", "id DESC");

    private final Jdbc jdbc;

    @Activate
    public ActivityLogService(@Reference Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void log(String message, long clientId) {
        logAs(message, clientId, SYSTEM_USER);
    }

    /** Records a line on behalf of {@code user} (an admin's username or a client's e-mail). */
    public void logAs(String message, long clientId, String user) {
        String m = message == null ? "" : message.strip();
        if (m.length() > MAX_MESSAGE) {
            m = m.substring(0, MAX_MESSAGE - 3) + "...";
        }
        jdbc.update("INSERT INTO activity_log (created, message, client_id, username) VALUES (?, ?, ?, ?)",
                Jdbc.now(), m, Math.max(clientId, 0), user == null || user.isBlank() ? SYSTEM_USER : user.strip());
    }

    @Override
    public ResultPage<ActivityEntry> search(String search, long clientId, int offset, int limit) {
        PageRequest.limit(offset, limit);
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (clientId > 0) {
            where.append(" AND client_id = ?");
            params.add(clientId);
        }
        if (!Paging.isBlank(search)) {
            where.append(" AND ").append(Paging.contains(jdbc.dialect(), "message"));
            params.add(Paging.containsPattern(search));
        }
        String condition = where.isEmpty() ? "" : " WHERE" + where.substring(" AND".length());
        return Paging.page(jdbc, PAGE, condition, params, ActivityLogService::map, offset, limit);
    }

    private static ActivityEntry map(ResultSet rs) throws SQLException {
        return new ActivityEntry(rs.getLong("id"), Jdbc.instant(rs, "created"), rs.getString("message"),
                rs.getLong("client_id"), rs.getString("username"));
    }
}
