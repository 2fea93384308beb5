package org.billinghost.core.internal.orders;

import java.time.LocalDate;
import org.billinghost.core.internal.db.Jdbc;

/**
 * Sequential invoice numbers, given when an invoice is paid: the counter row {@code invoice_number} of
 * {@code billing_counters} is moved on in the paying transaction, so concurrent payments take turns on its row
 * lock and a payment rolled back gives its number back: no number is given twice and none is skipped. The paying
 * transaction takes the number as its last work ({@code Jdbc.beforeCommit}), so the turns last a commit each.
 */
final class InvoiceNumbers {
    static final String DEFAULT_FORMAT = "{NUMBER}";
    private static final String NUMBER = "{NUMBER}";
    private static final String[] PLACEHOLDERS = {NUMBER, "{YEAR}", "{MONTH}", "{DAY}"};
    /** invoices.invoice_num holds 64: this text, a date of 8 digits and a number of at most 19. */
    private static final int MAX_TEXT = 32;

    private final Jdbc jdbc;
    private final String format;

    InvoiceNumbers(Jdbc jdbc, String format) {
        checkFormat(format);
        this.jdbc = jdbc;
        this.format = format;
    }

    /** Refuses a format without {@code {NUMBER}} or with too much text around the placeholders. */
    static void checkFormat(String format) {
        if (format == null || !format.contains(NUMBER)) {
            throw new IllegalArgumentException("Invalid invoice number format '" + format + "': it must hold {NUMBER}");
        }
        String text = format;
        boolean repeated = false;
        for (String placeholder : PLACEHOLDERS) {
            repeated |= format.indexOf(placeholder) != format.lastIndexOf(placeholder);
            text = text.replace(placeholder, "");
        }
        if (text.length() > MAX_TEXT || repeated) {
            throw new IllegalArgumentException("Invalid invoice number format: at most " + MAX_TEXT
                    + " characters besides the placeholders, and each placeholder once");
        }
    }

    /** The next number, inside the caller's transaction, formatted for a payment on {@code day}. */
    String next(LocalDate day) {
        jdbc.update("UPDATE billing_counters SET last_value = last_value + 1 WHERE name = ?", "invoice_number");
        long number = jdbc.queryLong("SELECT last_value FROM billing_counters WHERE name = ?", "invoice_number");
        return format.replace("{YEAR}", String.valueOf(day.getYear()))
                .replace("{MONTH}", String.format("%02d", day.getMonthValue()))
                .replace("{DAY}", String.format("%02d", day.getDayOfMonth()))
                .replace(NUMBER, String.valueOf(number));
    }
}
