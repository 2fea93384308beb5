package org.billinghost.web.internal.admin;

import org.billinghost.api.platform.ActivityEntry;
import org.billinghost.api.platform.ActivityFilter;
import org.billinghost.api.platform.Actor;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;
import org.billinghost.web.internal.Pager;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/systemactivitylog}: the activity log, newest first, with paging and filters (text, date range,
 * actor kind and name, client). Each line names its actor and address and links what it names. A text search that
 * no index answers (H2 always) and that names no dates reads the last {@value #RECENT_DAYS} days only, so that it
 * stays quick on a long log; the page says so and links the same search over every line ({@code searcholder=1}).
 */
final class ActivityLogPage implements Page {
    /** The longest text a filter takes (the columns' sizes bound what could match). */
    private static final int MAX_TERM = 255;
    static final int RECENT_DAYS = 7;
    private final HostServices host;

    ActivityLogPage(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        String search = term(ex, "search", "The search");
        String actorName = term(ex, "actor", "The actor");
        String kindParam = ex.param("kind").trim();
        Actor.Kind kind = kindParam.isEmpty() ? null : Arrays.stream(Actor.Kind.values())
                .filter(k -> k.code().equals(kindParam)).findFirst()
                .orElseThrow(() -> PageException.badRequest("Unknown kind of actor."));
        long clientId = ex.number("clientid");
        String fromParam = ex.param("from").trim();
        String toParam = ex.param("to").trim();
        LocalDate from = day(fromParam, "From");
        LocalDate to = day(toParam, "To");
        boolean older = searchOlder(ex.param("searcholder").trim());
        boolean recentOnly = !search.isEmpty() && from == null && to == null && !older
                && !host.activityLog().indexedSearch(search);
        String link = "/admin/systemactivitylog?search=" + Pager.encode(search) + "&actor="
                + Pager.encode(actorName) + "&kind=" + Pager.encode(kindParam) + "&from=" + Pager.encode(fromParam)
                + "&to=" + Pager.encode(toParam) + (clientId > 0 ? "&clientid=" + clientId : "");
        Pager pager = Pager.of(ex, link + (older ? "&searcholder=1" : ""));
        // lines are stamped with the system clock (Jdbc.now), so the bound is taken from it too
        Instant since = recentOnly ? Instant.now().minus(Duration.ofDays(RECENT_DAYS)) : start(from);
        ResultPage<ActivityEntry> page = host.activityLog().search(new ActivityFilter(search, clientId, since,
                to == null ? null : start(to.plusDays(1)), kind, actorName), pager.offset(), pager.size());
        Map<String, String> names = ClientNames.of(host.clients(), page.items().stream().mapToLong(ActivityEntry::clientId));
        List<LogLinks.Line> lines = page.items().stream().map(e -> new LogLinks.Line(e, LogLinks.parts(e.message()),
                names.get(String.valueOf(e.clientId())), actorHref(e.actor()))).toList();
        ex.render("admin/activitylog.ftlh", Exchange.model("search", search, "actor", actorName, "kind", kindParam,
                "from", fromParam, "to", toParam, "clientid", clientId, "clientName",
                clientId > 0 ? host.clients().get(clientId).map(ClientNames::name).orElse("#" + clientId) : null,
                "kinds", Arrays.stream(Actor.Kind.values()).map(Actor.Kind::code).toList(),
                "lines", lines, "pager", pager.withTotal(page.total()),
                "recentDays", recentOnly ? RECENT_DAYS : 0, "olderHref", link + "&searcholder=1"));
    }

    private static String actorHref(Actor actor) {
        return actor.kind() == Actor.Kind.CLIENT && actor.id() > 0 ? "/admin/clientssummary?id=" + actor.id() : null;
    }

    private static String term(Exchange ex, String name, String label) {
        String value = ex.param(name).trim();
        if (value.length() > MAX_TERM) {
            throw PageException.badRequest(label + " is longer than " + MAX_TERM + " characters.");
        }
        return value;
    }

    private static boolean searchOlder(String value) {
        if (!value.isEmpty() && !value.equals("1")) {
            throw PageException.badRequest("searcholder must be 1 (search every line) or left out.");
        }
        return !value.isEmpty();
    }

    private static LocalDate day(String text, String label) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw PageException.badRequest(label + " must be a date like 2027-01-31.");
    }

    private static Instant start(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
