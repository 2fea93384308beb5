package org.billinghost.api.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The dashboard's figures per day (UTC): income, orders, provisioning successes and failures. */
@ProviderType
public interface DailyFigures {

    /** The most days one call answers. */
    int MAX_DAYS = 366;

    /** One day's figures. */
    record Day(LocalDate day, BigDecimal income, long orders, long provisioned, long provisioningFailures) {
    }

    /** The {@code days} days up to and including today, oldest first (1 to {@link #MAX_DAYS}). */
    List<Day> lastDays(int days);
}
