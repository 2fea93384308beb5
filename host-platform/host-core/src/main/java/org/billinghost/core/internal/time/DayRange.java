package org.billinghost.core.internal.time;

import java.time.LocalDate;
import java.util.List;

/** Days from {@code from} up to, not including, {@code until} by the billing clock's zone; a null end is open. */
public record DayRange(LocalDate from, LocalDate until) {

    /**
     * The SQL condition (starting with " AND", empty when both ends are open) that a millisecond column lies in the
     * range, its parameters added to {@code params}.
     */
    public String condition(String column, BillingClock clock, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        if (from != null) {
            sql.append(" AND ").append(column).append(" >= ?");
            params.add(clock.startOf(from));
        }
        if (until != null) {
            sql.append(" AND ").append(column).append(" < ?");
            params.add(clock.startOf(until));
        }
        return sql.toString();
    }
}
