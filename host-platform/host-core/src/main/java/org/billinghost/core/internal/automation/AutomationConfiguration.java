package org.billinghost.core.internal.automation;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Billing host daily automation",
        description = "When the daily automation runs and what each of its steps does (WHMCS's automation settings)")
public @interface AutomationConfiguration {
    String PID = "org.billinghost.core.automation";

    @AttributeDefinition(name = "Hour of the daily run", description = "The hour (0-23, the host's time zone) at"
            + " which one of the hosts sharing the database starts the day's run", min = "0", max = "23")
    int hour() default 9;

    @AttributeDefinition(name = "Create renewal invoices", description = "Invoice the next period of each service")
    boolean invoicesEnabled() default true;

    @AttributeDefinition(name = "Invoice days ahead", description = "Days before the next due date on which its"
            + " renewal invoice is created", min = "0", max = "365")
    int invoiceDaysAhead() default 7;

    @AttributeDefinition(name = "Suspend overdue services", description = "Suspend Active services whose payment is overdue")
    boolean suspendEnabled() default true;

    @AttributeDefinition(name = "Suspend after days", description = "Days after the due date before an unpaid"
            + " service is suspended (0: never)", min = "0", max = "3650")
    int suspendDays() default 3;

    @AttributeDefinition(name = "Terminate overdue services", description = "Terminate services whose payment is overdue")
    boolean terminateEnabled() default true;

    @AttributeDefinition(name = "Terminate after days", description = "Days after the due date before an unpaid"
            + " service is terminated (0: never)", min = "0", max = "3650")
    int terminateDays() default 30;

    @AttributeDefinition(name = "Process cancellation requests", description = "Terminate the services whose"
            + " cancellation request's day has come; they become Cancelled")
    boolean cancellationsEnabled() default true;

    @AttributeDefinition(name = "Payment reminder days", description = "Days before an unpaid invoice's due date on"
            + " which the Invoice Payment Reminder is sent (0: never)", min = "0", max = "365")
    int reminderDays() default 7;

    @AttributeDefinition(name = "First overdue notice days", description = "Days after an unpaid invoice's due date"
            + " on which the First Invoice Overdue Notice is sent (0: never)", min = "0", max = "365")
    int firstOverdueDays() default 1;

    @AttributeDefinition(name = "Second overdue notice days", description = "Days after an unpaid invoice's due date"
            + " on which the Second Invoice Overdue Notice is sent (0: never); after the first notice's days",
            min = "0", max = "365")
    int secondOverdueDays() default 2;
}
