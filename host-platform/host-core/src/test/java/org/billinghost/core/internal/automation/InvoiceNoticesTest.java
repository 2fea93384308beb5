package org.billinghost.core.internal.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.billinghost.api.billing.EmailMessage;
import org.billinghost.api.billing.Invoices;
import org.billinghost.core.internal.commands.Shop;
import org.billinghost.core.testkit.AllDatabases;
import org.billinghost.core.testkit.CoreAssembly;
import org.junit.jupiter.api.Test;

/**
 * The automation's invoice payment reminder and overdue notices, on every database. Only the notices step
 * runs; each test works in a year of its own, so the notices window of one never reaches another's invoices.
 */
class InvoiceNoticesTest {
    private static final Set<String> NOTICES = Set.of("invoice_payment_reminder", "invoice_first_overdue",
            "invoice_second_overdue");

    @AllDatabases.Test
    void aReminderBeforeTheDueDateThenTheFirstAndSecondOverdueNoticesEachSentOnce(CoreAssembly core) {
        long client = new Shop(core).client();
        long invoice = invoice(core, client, LocalDate.of(2061, 3, 1), LocalDate.of(2061, 3, 20));
        AutomationService automation = core.automation(noticesOnly(7, 1, 2), "host-a");

        List<Integer> counts = new ArrayList<>();
        for (LocalDate day : List.of(LocalDate.of(2061, 3, 12), LocalDate.of(2061, 3, 13), LocalDate.of(2061, 3, 13),
                LocalDate.of(2061, 3, 20), LocalDate.of(2061, 3, 21), LocalDate.of(2061, 3, 22),
                LocalDate.of(2061, 3, 22), LocalDate.of(2061, 3, 23))) {
            core.clock().set(day);
            counts.add(automation.runNow().notices());
        }
        core.emails().deliverDue("host-a");

        assertThat(counts).containsExactly(0, 1, 0, 0, 1, 1, 0, 0);
        assertThat(notices(core, client)).extracting(EmailMessage::subject).containsExactly(
                "Payment reminder: invoice #" + invoice + " is due on 2061-03-20",
                "First overdue notice: invoice #" + invoice,
                "Second overdue notice: invoice #" + invoice);
    }

    @AllDatabases.Test
    void afterMissedDaysOnlyTheLatestNoticeThatAppliesIsSent(CoreAssembly core) {
        long client = new Shop(core).client();
        invoice(core, client, LocalDate.of(2062, 3, 1), LocalDate.of(2062, 3, 10));
        core.clock().set(LocalDate.of(2062, 3, 15));

        core.automation(noticesOnly(7, 1, 2), "host-a").runNow();

        assertThat(notices(core, client)).extracting(EmailMessage::template).containsExactly("invoice_second_overdue");
    }

    @AllDatabases.Test
    void aPaidInvoiceGetsNoNotice(CoreAssembly core) {
        long client = new Shop(core).client();
        long paid = invoice(core, client, LocalDate.of(2063, 3, 1), LocalDate.of(2063, 3, 10));
        core.invoices().addPayment(paid, new BigDecimal("10.00"), "tx-notices-" + paid, "banktransfer");
        core.clock().set(LocalDate.of(2063, 3, 11));

        assertThat(core.automation(noticesOnly(7, 1, 2), "host-a").runNow().notices()).isEqualTo(0);
        assertThat(notices(core, client)).isEmpty();
    }

    @AllDatabases.Test
    void aNoticeSetToZeroDaysIsNotSent(CoreAssembly core) {
        long client = new Shop(core).client();
        invoice(core, client, LocalDate.of(2064, 3, 1), LocalDate.of(2064, 3, 10));
        AutomationService automation = core.automation(noticesOnly(0, 0, 2), "host-a");

        for (LocalDate day = LocalDate.of(2064, 3, 2); !day.isAfter(LocalDate.of(2064, 3, 12)); day = day.plusDays(1)) {
            core.clock().set(day);
            automation.runNow();
        }

        assertThat(notices(core, client)).extracting(EmailMessage::template).containsExactly("invoice_second_overdue");
    }

    @AllDatabases.Test
    void noReminderOnTheDayTheInvoiceWasCreatedButOnTheNextDay(CoreAssembly core) {
        long client = new Shop(core).client();
        invoice(core, client, LocalDate.of(2065, 3, 3), LocalDate.of(2065, 3, 10));
        AutomationService automation = core.automation(noticesOnly(7, 1, 2), "host-a");

        int onCreation = automation.runNow().notices();
        core.clock().set(LocalDate.of(2065, 3, 4));
        automation.runNow();

        assertThat(onCreation).isEqualTo(0);
        assertThat(notices(core, client)).extracting(EmailMessage::template).containsExactly("invoice_payment_reminder");
    }

    @Test
    void aSettingOutOfItsRangeIsRefusedByName() {
        assertThatThrownBy(() -> noticesOnly(-1, 1, 2)).hasMessage(
                "Invalid automation settings: reminderDays -1 is not 0 to 365");
        assertThatThrownBy(() -> noticesOnly(7, 3, 2)).hasMessage("Invalid automation settings: secondOverdueDays 2"
                + " is not after firstOverdueDays 3 (0 turns one of them off)");
    }

    /** The automation with every other step switched off. */
    private static AutomationSettings noticesOnly(int reminderDays, int firstOverdueDays, int secondOverdueDays) {
        return new AutomationSettings(9, false, 7, false, 3, false, 30, false, reminderDays, firstOverdueDays,
                secondOverdueDays);
    }

    /** An unpaid invoice of 10.00 created on {@code created}; the clock stays on that day. */
    private static long invoice(CoreAssembly core, long client, LocalDate created, LocalDate due) {
        core.clock().set(created);
        return core.invoices().create(client, due, List.of(new Invoices.Item("Hosting", new BigDecimal("10.00")))).id();
    }

    /** The client's notices, oldest first. */
    private static List<EmailMessage> notices(CoreAssembly core, long client) {
        List<EmailMessage> messages = new ArrayList<>(core.emails().list(client, "", 0, 100).items().stream()
                .filter(m -> NOTICES.contains(m.template())).toList());
        java.util.Collections.reverse(messages);
        return messages;
    }
}
