package org.billinghost.core.internal.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.DailyFigures;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.time.BillingClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The dashboard's figures. Each kind is one range read over an index on its time (payments and orders by their
 * millis, the activity log by its timestamp), bucketed by day here: the same on every database.
 */
@Component(service = DailyFigures.class)
public final class DailyFiguresService implements DailyFigures {
    private static final long DAY_MILLIS = 86_400_000L;
    private final Jdbc jdbc;
    private final BillingClock clock;

    @Activate
    public DailyFiguresService(@Reference Jdbc jdbc, @Reference BillingClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Day> lastDays(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw BillingException.invalid("days", "The dashboard shows 1 to " + MAX_DAYS + " days.");
        }
        LocalDate today = clock.today();
        LocalDate first = today.minusDays(days - 1L);
        long from = first.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        Map<LocalDate, BigDecimal> income = new TreeMap<>();
        jdbc.query("SELECT created, amount FROM payments WHERE created >= ?", rs -> {
            income.merge(day(rs.getLong(1)), rs.getBigDecimal(2), BigDecimal::add);
            return null;
        }, from);
        Map<LocalDate, Long> orders = new TreeMap<>();
        jdbc.query("SELECT created FROM orders WHERE created >= ?", rs -> {
            orders.merge(day(rs.getLong(1)), 1L, Long::sum);
            return null;
        }, from);
        Map<LocalDate, Long> created = new TreeMap<>();
        Map<LocalDate, Long> failed = new TreeMap<>();
        // the lines ModuleCommandService writes for every Create, whoever asked for it
        jdbc.query("SELECT created, message FROM activity_log WHERE created >= ? AND (message LIKE 'Module Create"
                + " Successful%' OR message LIKE 'Module Create Failed%')", rs -> {
                    LocalDate day = Jdbc.instant(rs, "created").atZone(ZoneOffset.UTC).toLocalDate();
                    (rs.getString(2).startsWith("Module Create Successful") ? created : failed).merge(day, 1L, Long::sum);
                    return null;
                }, Instant.ofEpochMilli(from));
        List<Day> answer = new ArrayList<>(days);
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            answer.add(new Day(d, income.getOrDefault(d, BigDecimal.ZERO), orders.getOrDefault(d, 0L),
                    created.getOrDefault(d, 0L), failed.getOrDefault(d, 0L)));
        }
        return answer;
    }

    private static LocalDate day(long millis) {
        return LocalDate.ofEpochDay(Math.floorDiv(millis, DAY_MILLIS));
    }
}
