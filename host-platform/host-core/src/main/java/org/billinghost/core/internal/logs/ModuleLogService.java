package org.billinghost.core.internal.logs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.billinghost.api.platform.ModuleLog;
import org.billinghost.api.platform.ModuleLogEntry;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.db.Paging;
import org.billinghost.core.internal.db.Settings;
import org.billinghost.core.internal.orders.PageRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The module debug log: off by default (setting {@value #ENABLED}), scrubbed before anything is stored. */
@Component(service = ModuleLog.class)
public final class ModuleLogService implements ModuleLog {

    static final String ENABLED = "module_log_enabled";
    private static final Paging.Query PAGE = new Paging.Query(
            "id, created, module, action, request, response, processed", "module_log", "id DESC");

    private final Jdbc jdbc;
    private final Settings settings;

    @Activate
    public ModuleLogService(@Reference Jdbc jdbc) {
        this.jdbc = jdbc;
        this.settings = new Settings(jdbc);
    }

    @Override
    public boolean isEnabled() {
        return settings.flag(ENABLED);
    }

    @Override
    public void setEnabled(boolean enabled) {
        settings.put(ENABLED, Boolean.toString(enabled));
        ActivityLogService.write(jdbc, "Module Logging " + (enabled ? "Enabled" : "Disabled"), 0);
    }

    @Override
    public void log(String module, String action, String request, String response, String processed,
                    Collection<String> scrub) {
        if (!isEnabled()) {
            return;
        }
        Scrubber scrubber = new Scrubber(scrub);
        jdbc.update("INSERT INTO module_log (created, module, action, request, response, processed) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", Jdbc.now(), truncate(module, 64), truncate(action, 255),
                scrubber.scrub(request), scrubber.scrub(response), scrubber.scrub(processed));
    }

    @Override
    public ResultPage<ModuleLogEntry> entries(String search, int offset, int limit) {
        PageRequest.limit(offset, limit);
        if (Paging.isBlank(search)) {
            return Paging.page(jdbc, PAGE, "", List.of(), ModuleLogService::map, offset, limit);
        }
        String where = " WHERE " + String.join(" OR ", Stream.of("module", "action", "request", "response")
                .map(column -> Paging.contains(jdbc.dialect(), column)).toList());
        String p = Paging.containsPattern(search);
        return Paging.page(jdbc, PAGE, where, List.of(p, p, p, p), ModuleLogService::map, offset, limit);
    }

    private static String truncate(String s, int max) {
        String v = s == null ? "" : s.strip();
        return v.length() > max ? v.substring(0, max) : v;
    }

    private static ModuleLogEntry map(ResultSet rs) throws SQLException {
        return new ModuleLogEntry(rs.getLong("id"), Jdbc.instant(rs, "created"), rs.getString("module"),
                rs.getString("action"), rs.getString("request"), rs.getString("response"), rs.getString("processed"));
    }
}
