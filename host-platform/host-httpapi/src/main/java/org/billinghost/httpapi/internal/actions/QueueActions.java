package org.billinghost.httpapi.internal.actions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import org.billinghost.api.billing.ModuleQueue;
import org.billinghost.api.billing.Permissions;
import org.billinghost.api.billing.QueueItem;
import org.billinghost.api.module.ModuleCommand;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.httpapi.internal.ActionTable;
import org.billinghost.httpapi.internal.ApiError;
import org.billinghost.httpapi.internal.ApiRequest;
import org.billinghost.httpapi.internal.Formats;

/**
 * GetModuleQueue and the host's own RetryModuleQueueItem and ResolveModuleQueueItem (WHMCS offers
 * retry and resolve only on its admin page; issue 7 wants them in the API too).
 */
public final class QueueActions {

    private static final int SCAN_PAGE = 500;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ModuleQueue queue;

    public QueueActions(ModuleQueue queue) {
        this.queue = queue;
    }

    public void register(ActionTable table) {
        table.add("GetModuleQueue", Permissions.MODULE_QUEUE, (r, admin) -> getModuleQueue(r))
                .add("RetryModuleQueueItem", Permissions.MODULE_QUEUE,
                        (r, admin) -> ModuleCommandActions.answer(queue.retry(r.id("id"))))
                .add("ResolveModuleQueueItem", Permissions.MODULE_QUEUE,
                        (r, admin) -> Replies.of("item", item(queue.resolve(r.id("id")))));
    }

    private Map<String, Object> getModuleQueue(ApiRequest r) {
        String serviceType = r.string("servicetype", "service");
        if (!serviceType.equalsIgnoreCase("service")) {
            throw ApiError.invalid("serviceType '" + ApiRequest.shorten(serviceType)
                    + "' is not supported: this host queues service commands only");
        }
        OptionalLong related = r.optId("relatedid");
        Optional<String> module = r.optString("modulename");
        Optional<String> action = r.optString("moduleaction");
        Optional<Instant> since = r.optString("since").map(QueueActions::since);
        boolean includeResolved = r.bool("includeresolved", false);
        Predicate<QueueItem> filter = i -> (related.isEmpty() || i.serviceId() == related.getAsLong())
                && (module.isEmpty() || i.module().equalsIgnoreCase(module.get()))
                && (action.isEmpty() || sameAction(i.action(), action.get()))
                && (since.isEmpty() || !latest(i).isBefore(since.get()));
        List<Map<String, Object>> items = new ArrayList<>();
        int offset = 0;
        while (true) {
            ResultPage<QueueItem> chunk = queue.list(includeResolved, offset, SCAN_PAGE);
            chunk.items().stream().filter(filter).map(QueueActions::item).forEach(items::add);
            offset += chunk.items().size();
            if (chunk.items().isEmpty() || offset >= chunk.total()) {
                break;
            }
        }
        return Replies.of("count", items.size(), "queue", items);
    }

    /** {@code Create}, {@code CreateAccount} and {@code create} name the same command. */
    private static boolean sameAction(String stored, String wanted) {
        Optional<ModuleCommand> a = ModuleCommand.fromName(stored);
        Optional<ModuleCommand> b = ModuleCommand.fromName(wanted);
        return a.isPresent() && b.isPresent() ? a.get() == b.get() : stored.equalsIgnoreCase(wanted);
    }

    private static Instant latest(QueueItem i) {
        return i.lastAttempt() != null ? i.lastAttempt() : i.created();
    }

    private static Instant since(String text) {
        try {
            return text.length() <= 10
                    ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : LocalDateTime.parse(text, DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiError.invalid("Parameter since must be a date as YYYY-MM-DD or YYYY-MM-DD HH:MM:SS, got '"
                    + ApiRequest.shorten(text) + "'");
        }
    }

    private static Map<String, Object> item(QueueItem i) {
        return Replies.of("id", i.id(), "service_type", "service", "service_id", i.serviceId(),
                "client_id", i.clientId(), "module_name", i.module(), "module_action", i.action(),
                "last_attempt", Formats.dateTime(i.lastAttempt()), "last_attempt_error", i.lastError(),
                "num_retries", i.attempts(), "completed", "resolved".equals(i.state()) ? 1 : 0,
                "state", i.state(), "next_attempt", Formats.dateTime(i.nextAttempt()),
                "created_at", Formats.dateTime(i.created()), "updated_at", Formats.dateTime(latest(i)));
    }
}
