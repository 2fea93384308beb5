package org.billinghost.core.internal.automation;

/** The steps of a run in their order; {@link #column()} is the run's count of what the step did. */
enum Step {
    INVOICES("invoices"), SUSPEND("suspensions"), TERMINATE("terminations"), CANCELLATIONS("cancellations");

    private final String column;

    Step(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }

    /** The step's number as the run row stores it (1 to 4). */
    int number() {
        return ordinal() + 1;
    }
}
