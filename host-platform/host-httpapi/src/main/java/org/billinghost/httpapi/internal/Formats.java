package org.billinghost.httpapi.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** WHMCS's textual forms: dates as {@code yyyy-MM-dd HH:mm:ss} (UTC) and amounts with two decimals. */
public final class Formats {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** WHMCS shows a missing date as an empty string. */
    public static String dateTime(Instant t) {
        return t == null ? "" : DATE_TIME.format(t);
    }

    public static String date(Instant t) {
        return t == null ? "" : DATE.format(t);
    }

    /** A calendar day; WHMCS answers 0000-00-00 for none. */
    public static String day(LocalDate d) {
        return d == null ? "0000-00-00" : d.toString();
    }

    public static String amount(BigDecimal a) {
        return (a == null ? BigDecimal.ZERO : a).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
