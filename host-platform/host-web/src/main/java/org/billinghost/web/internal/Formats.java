package org.billinghost.web.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Pattern;

import org.billinghost.api.billing.ServiceAccount;

/** Value formatting for templates, reachable there as {@code fmt}. */
public final class Formats {
    private static final Pattern SITE_FIELD = Pattern.compile("(?i)(site|web ?site)( ?(url|address))?|domain|url");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant) + " UTC";
    }

    /** A calendar day as {@code 2026-12-31}; empty for none. */
    public String date(LocalDate day) {
        return day == null ? "" : day.toString();
    }

    /**
     * What tells a service from the client's others: its domain, or else the value of a custom field about its
     * site (a Jetpack plan keeps the site's URL in "Site URL" and has no domain); empty when it has neither.
     */
    public String site(ServiceAccount service) {
        if (service.domain() != null && !service.domain().isBlank()) {
            return service.domain();
        }
        return service.customFields().entrySet().stream()
                .filter(e -> SITE_FIELD.matcher(e.getKey().strip()).matches() && !e.getValue().isBlank())
                .map(Map.Entry::getValue).sorted().findFirst().orElse("");
    }

    public String money(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
