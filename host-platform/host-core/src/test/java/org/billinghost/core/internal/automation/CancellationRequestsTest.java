package org.billinghost.core.internal.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.CancellationRequest;
import org.billinghost.api.billing.InvoiceStatus;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.platform.BillingCycle;
import org.billinghost.api.platform.HookTopics;
import org.billinghost.core.testkit.AllDatabases;
import org.billinghost.core.testkit.CoreAssembly;

/** Cancellation requests and the automation carrying them out, on every database. */
class CancellationRequestsTest {

    @AllDatabases.Test
    void aSecondRequestForTheSameServiceIsRefusedAndTheFirstStays(CoreAssembly core) {
        Subscriber customer = Subscriber.of(core);
        long serviceId = customer.activeService(LocalDate.of(2030, 1, 10), BillingCycle.MONTHLY);
        core.cancellationRequests().request(serviceId, CancellationRequest.Type.IMMEDIATE, "Too expensive");

        BillingException refusal = assertThrows(BillingException.class, () -> core.cancellationRequests()
                .request(serviceId, CancellationRequest.Type.END_OF_BILLING_PERIOD, "Again"));

        assertThat(refusal.getMessage()).isEqualTo("Service " + serviceId + " already has a cancellation request");
        assertThat(core.cancellationRequests().ofService(serviceId).orElseThrow().reason()).isEqualTo("Too expensive");
    }

    @AllDatabases.Test
    void aRequestAtTheEndOfTheBillingPeriodStopsRenewalsAndCancelsTheServiceOnItsDueDate(CoreAssembly core) {
        Subscriber customer = Subscriber.of(core);
        long serviceId = customer.activeService(LocalDate.of(2032, 1, 10), BillingCycle.MONTHLY);
        CancellationRequest request = core.cancellationRequests().request(serviceId,
                CancellationRequest.Type.END_OF_BILLING_PERIOD, "Moving elsewhere");

        customer.runOn(LocalDate.of(2032, 2, 9));
        assertThat(customer.service(serviceId).status()).isEqualTo(ServiceStatus.ACTIVE);

        customer.runOn(LocalDate.of(2032, 2, 10));

        assertThat(request.effectiveDate()).isEqualTo(LocalDate.of(2032, 2, 10));
        assertThat(customer.renewals(serviceId)).isEmpty();
        assertThat(customer.service(serviceId).status()).isEqualTo(ServiceStatus.CANCELLED);
        assertThat(core.hooks().events(HookTopics.CANCELLATION_REQUEST)).extracting(e -> e.properties()
                .get(HookTopics.SERVICE_ID)).containsExactly(serviceId);
    }

    @AllDatabases.Test
    void anImmediateRequestCancelsTheServiceAndItsUnpaidRenewalAtTheNextRun(CoreAssembly core) {
        Subscriber customer = Subscriber.of(core);
        long serviceId = customer.activeService(LocalDate.of(2034, 1, 10), BillingCycle.MONTHLY);
        customer.runOn(LocalDate.of(2034, 2, 3));
        long renewal = customer.unpaid().get(0).id();

        core.cancellationRequests().request(serviceId, CancellationRequest.Type.IMMEDIATE, "");
        customer.runOn(LocalDate.of(2034, 2, 4));

        assertThat(customer.service(serviceId).status()).isEqualTo(ServiceStatus.CANCELLED);
        assertThat(core.invoices().get(renewal).orElseThrow().status()).isEqualTo(InvoiceStatus.CANCELLED);
    }

    @AllDatabases.Test
    void aTerminatedServiceCannotBeAskedToCancel(CoreAssembly core) {
        Subscriber customer = Subscriber.of(core);
        long serviceId = customer.activeService(LocalDate.of(2036, 1, 10), BillingCycle.MONTHLY);
        customer.runOn(LocalDate.of(2036, 2, 9));
        customer.runOn(LocalDate.of(2036, 3, 11));

        BillingException refusal = assertThrows(BillingException.class, () -> core.cancellationRequests()
                .request(serviceId, CancellationRequest.Type.IMMEDIATE, ""));

        assertThat(refusal.getMessage()).isEqualTo("Service " + serviceId + " is already Terminated: there is nothing"
                + " left to cancel");
    }
}
