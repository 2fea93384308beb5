package org.billinghost.core.internal.automation;

/**
 * The steps of a run in their order; {@link #column()} is the run's count of what the step did. A new step
 * goes last: a run taken over after an upgrade goes on from the step number it stored.
 */
enum Step {
    INVOICES("invoices", "Service"), SUSPEND("suspensions", "Service"), TERMINATE("terminations", "Service"),
    CANCELLATIONS("cancellations", "Service"), NOTICES("notices", "Invoice");

    private final String column;
    private final String item;

    Step(String column, String item) {
        this.column = column;
        this.item = item;
    }

    String column() {
        return column;
    }

    /** What the step's items (and its cursor) are: services, or invoices for the notices. */
    String item() {
        return item;
    }

    /** The step's number as the run row stores it (1 to 5). */
    int number() {
        return ordinal() + 1;
    }
}
