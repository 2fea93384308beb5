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
import org.billinghost.api.platform.ModuleDatabase.Dialect;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.db.RowMapper;
import org.billinghost.core.internal.time.BillingClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The dashboard's figures. Each kind is one range read over an index on its time: payments and orders summed per
 * day by the database, the activity log's few module lines by their timestamp bucketed here.
 */
@Component(service = DailyFigures.class)
public final class DailyFiguresService implements DailyFigures {
    private static final long DAY_MILLIS = 86_400_000L;
    /**
     * How long an answer is reused: every dashboard view would otherwise sum a month of orders and payments. As
     * WHMCS caches its dashboard widgets, the charts may be this late; the dashboard's tiles are counted live.
     */
    static final long MAX_AGE_MILLIS = 60_000L;
    private final Jdbc jdbc;
    private final BillingClock clock;
    private volatile Figures cached;

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
        Figures figures = cached;
        long now = clock.millis();
        if (figures == null || !figures.today().equals(today) || figures.days() != days
                || now - figures.madeMillis() > MAX_AGE_MILLIS) {
            figures = new Figures(today, days, now, compute(today, days));
            cached = figures;
        }
        return figures.answer();
    }

    private List<Day> compute(LocalDate today, int days) {
        LocalDate first = today.minusDays(days - 1L);
        long from = first.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        Map<LocalDate, BigDecimal> income = perDay("payments", "SUM(amount)", from, rs -> rs.getBigDecimal(2));
        Map<LocalDate, Long> orders = perDay("orders", "COUNT(*)", from, rs -> rs.getLong(2));
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
        return List.copyOf(answer);
    }

    private record Figures(LocalDate today, int days, long madeMillis, List<Day> answer) {
    }

    /**
     * {@code aggregate} of {@code table}'s rows created since {@code from} (epoch millis), per UTC day, computed by
     * the database: a busy day's rows are not sent to the host one by one.
     */
    private <T> Map<LocalDate, T> perDay(String table, String aggregate, long from, RowMapper<T> value) {
        // the day number since the epoch; MariaDB's "/" gives a decimal, DIV the integer
        String day = jdbc.dialect() == Dialect.MARIADB ? "created DIV " + DAY_MILLIS : "created / " + DAY_MILLIS;
        Map<LocalDate, T> answer = new TreeMap<>();
        jdbc.query("SELECT " + day + ", " + aggregate + " FROM " + table + " WHERE created >= ? GROUP BY " + day, rs -> {
            answer.put(LocalDate.ofEpochDay(rs.getLong(1)), value.map(rs));
            return null;
        }, from);
        return answer;
    }
}
