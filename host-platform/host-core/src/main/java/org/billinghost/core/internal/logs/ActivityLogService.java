package org.billinghost.core.internal.logs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.platform.ActivityEntry;
import org.billinghost.api.platform.ActivityFilter;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.api.platform.Actor;
import org.billinghost.api.platform.ModuleDatabase.Dialect;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.db.Paging;
import org.billinghost.core.internal.orders.PageRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The system activity log. Pages are read newest first by id (the primary key, so no sort of the
 * whole table); a client's page uses the (client_id, id) index, an actor's the (actor_type, actor_id, id) one.
 * Each line records its actor and the request's address: the one given, or {@link Actor#current()}.
 */
@Component(service = ActivityLog.class)
public final class ActivityLogService implements ActivityLog {

    /** The user recorded for lines the host writes by itself. */
    public static final String SYSTEM_USER = "System";
    private static final int MAX_MESSAGE = 4000;
    /** The longest actor name a filter takes: the column's size. */
    private static final int MAX_ACTOR_NAME = 255;

    private static final Paging.Query PAGE = new Paging.Query(
            "id, created, message, client_id, username, actor_type, actor_id, ip", "activity_log", "id DESC");

    private final Jdbc jdbc;
    /** MariaDB's FULLTEXT settings, read at the first search. */
    private volatile FullTextWords fullText;
    /** Whether PostgreSQL has the trigram index of V250, read at the first question. */
    private volatile Boolean trigram;

    @Activate
    public ActivityLogService(@Reference Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void log(String message, long clientId) {
        log(message, clientId, Actor.current());
    }

    @Override
    public void log(String message, long clientId, Actor actor) {
        write(jdbc, message, clientId, actor);
    }

    /**
     * Writes a line with the caller's connection (inside its transaction, if any): for the core's own
     * services, so that an order's or a payment's line is kept exactly when the order or payment is.
     */
    public static void write(Jdbc jdbc, String message, long clientId, Actor actor) {
        String m = message == null ? "" : message.strip();
        if (m.length() > MAX_MESSAGE) {
            m = m.substring(0, MAX_MESSAGE - 3) + "...";
        }
        Actor who = actor == null ? Actor.SYSTEM : actor;
        jdbc.update("INSERT INTO activity_log (created, message, client_id, username, actor_type, actor_id, ip)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", Jdbc.now(), m, Math.max(clientId, 0), who.label(),
                who.kind().code(), who.id(), who.ip());
    }

    /** What someone typed (a login name), as a line may quote it: at most 100 characters, no control characters. */
    public static String typed(String text) {
        String t = text == null ? "" : text.strip().replaceAll("\\p{Cntrl}", "?");
        return t.length() <= 100 ? t : t.substring(0, 100) + "...";
    }

    /** {@link #write(Jdbc, String, long, Actor)} credited to the current actor. */
    public static void write(Jdbc jdbc, String message, long clientId) {
        write(jdbc, message, clientId, Actor.current());
    }

    @Override
    public ResultPage<ActivityEntry> search(ActivityFilter filter, int offset, int limit) {
        PageRequest.limit(offset, limit);
        ActivityFilter f = filter == null ? ActivityFilter.ALL : filter;
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (f.clientId() > 0) {
            where.append(" AND client_id = ?");
            params.add(f.clientId());
        }
        if (f.from() != null) {
            where.append(" AND created >= ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            where.append(" AND created < ?");
            params.add(f.to());
        }
        if (f.actorKind() != null) {
            where.append(" AND actor_type = ?");
            params.add(f.actorKind().code());
        }
        if (!Paging.isBlank(f.actorName())) {
            if (f.actorName().length() > MAX_ACTOR_NAME) {
                throw BillingException.invalid("The actor's name is longer than " + MAX_ACTOR_NAME + " characters.");
            }
            where.append(" AND ").append(Paging.contains(jdbc.dialect(), "username"));
            params.add(Paging.containsPattern(f.actorName()));
        }
        if (!Paging.isBlank(f.text())) {
            Optional<String> words = fullTextWords(f.text());
            if (words.isPresent()) {
                // narrows the lines through the FULLTEXT index; the LIKE below decides, so the answer is the scan's
                where.append(" AND MATCH (message_words) AGAINST (? IN BOOLEAN MODE)");
                params.add(words.get());
            }
            where.append(" AND ").append(Paging.contains(jdbc.dialect(), "message"));
            params.add(Paging.containsPattern(f.text()));
        }
        String condition = where.isEmpty() ? "" : " WHERE" + where.substring(" AND".length());
        return Paging.page(jdbc, PAGE, condition, params, ActivityLogService::map, offset, limit);
    }

    @Override
    public List<ActivityEntry> recent(int limit) {
        return Paging.items(jdbc, PAGE, "", List.of(), ActivityLogService::map, 0, limit);
    }

    /**
     * H2: never (it has no index for substrings). PostgreSQL: when V250 could make the trigram index and the term has
     * three letters or digits in a row (pg_trgm finds no trigram in a shorter run). MariaDB: when the term shows a
     * word its FULLTEXT index can narrow the search with ({@link FullTextWords}).
     */
    @Override
    public boolean indexedSearch(String text) {
        if (Paging.isBlank(text)) {
            return false;
        }
        return switch (jdbc.dialect()) {
            case H2 -> false;
            case POSTGRESQL -> trigramIndex() && text.strip().matches("(?s).*[\\p{L}\\p{N}]{3}.*");
            case MARIADB -> fullTextWords(text).isPresent();
        };
    }

    private Optional<String> fullTextWords(String text) {
        if (jdbc.dialect() != Dialect.MARIADB) {
            return Optional.empty();
        }
        FullTextWords words = fullText;
        if (words == null) { // read once: the server's settings do not change while it runs
            words = FullTextWords.of(jdbc);
            fullText = words;
        }
        return words.booleanQuery(text);
    }

    private boolean trigramIndex() {
        Boolean present = trigram;
        if (present == null) { // V250 makes it or not once; read once
            present = jdbc.queryLong("SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema()"
                    + " AND indexname = 'ix_activity_log_message_trgm'") > 0;
            trigram = present;
        }
        return present;
    }

    private static ActivityEntry map(ResultSet rs) throws SQLException {
        String label = rs.getString("username");
        Actor.Kind kind = Actor.Kind.of(rs.getString("actor_type"));
        // the label is what was shown; the actor's own name is the label without the kind's prefix
        String name = kind == Actor.Kind.API && label.startsWith("API: ") ? label.substring(5) : label;
        return new ActivityEntry(rs.getLong("id"), Jdbc.instant(rs, "created"), rs.getString("message"),
                rs.getLong("client_id"), label, new Actor(kind, rs.getLong("actor_id"), name, rs.getString("ip")));
    }
}
