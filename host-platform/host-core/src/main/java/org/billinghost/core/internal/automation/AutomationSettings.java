package org.billinghost.core.internal.automation;

/** The automation's settings, parsed once from {@link AutomationConfiguration}; 0 days means never. */
public record AutomationSettings(int hour, boolean invoices, int invoiceDaysAhead, boolean suspend, int suspendDays,
                                 boolean terminate, int terminateDays, boolean cancellations) {

    public AutomationSettings {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("Invalid automation settings: hour " + hour + " is not 0 to 23");
        }
        if (invoiceDaysAhead < 0 || suspendDays < 0 || terminateDays < 0) {
            throw new IllegalArgumentException("Invalid automation settings: a number of days is negative");
        }
    }

    public static AutomationSettings defaults() {
        return new AutomationSettings(9, true, 7, true, 3, true, 30, true);
    }

    public static AutomationSettings of(AutomationConfiguration config) {
        return new AutomationSettings(config.hour(), config.invoicesEnabled(), config.invoiceDaysAhead(),
                config.suspendEnabled(), config.suspendDays(), config.terminateEnabled(), config.terminateDays(),
                config.cancellationsEnabled());
    }

    boolean suspends() {
        return suspend && suspendDays > 0;
    }

    boolean terminates() {
        return terminate && terminateDays > 0;
    }
}
