package org.billinghost.core.internal.automation;

/**
 * The automation's settings, parsed once from {@link AutomationConfiguration}; 0 days means never. A value out
 * of its range is refused by its name, and the automation does not start until it is corrected.
 */
public record AutomationSettings(int hour, boolean invoices, int invoiceDaysAhead, boolean suspend, int suspendDays,
                                 boolean terminate, int terminateDays, boolean cancellations, int reminderDays,
                                 int firstOverdueDays, int secondOverdueDays) {

    public AutomationSettings {
        within("hour", hour, 0, 23);
        within("invoiceDaysAhead", invoiceDaysAhead, 0, 365);
        within("suspendDays", suspendDays, 0, 3650);
        within("terminateDays", terminateDays, 0, 3650);
        within("reminderDays", reminderDays, 0, 365);
        within("firstOverdueDays", firstOverdueDays, 0, 365);
        within("secondOverdueDays", secondOverdueDays, 0, 365);
        if (firstOverdueDays > 0 && secondOverdueDays > 0 && secondOverdueDays <= firstOverdueDays) {
            throw new IllegalArgumentException("Invalid automation settings: secondOverdueDays " + secondOverdueDays
                    + " is not after firstOverdueDays " + firstOverdueDays + " (0 turns one of them off)");
        }
    }

    private static void within(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("Invalid automation settings: " + name + " " + value + " is not "
                    + min + " to " + max);
        }
    }

    public static AutomationSettings defaults() {
        return new AutomationSettings(9, true, 7, true, 3, true, 30, true, 7, 1, 2);
    }

    public static AutomationSettings of(AutomationConfiguration config) {
        return new AutomationSettings(config.hour(), config.invoicesEnabled(), config.invoiceDaysAhead(),
                config.suspendEnabled(), config.suspendDays(), config.terminateEnabled(), config.terminateDays(),
                config.cancellationsEnabled(), config.reminderDays(), config.firstOverdueDays(),
                config.secondOverdueDays());
    }

    boolean suspends() {
        return suspend && suspendDays > 0;
    }

    boolean terminates() {
        return terminate && terminateDays > 0;
    }

    boolean notices() {
        return reminderDays > 0 || firstOverdueDays > 0 || secondOverdueDays > 0;
    }
}
