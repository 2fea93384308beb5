package org.billinghost.httpapi.internal.actions;

import java.util.Map;

import org.billinghost.api.billing.Automation;
import org.billinghost.api.billing.AutomationRun;
import org.billinghost.api.billing.CancellationRequest;
import org.billinghost.api.billing.CancellationRequests;
import org.billinghost.api.billing.Permissions;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.httpapi.internal.ActionTable;
import org.billinghost.httpapi.internal.ApiError;
import org.billinghost.httpapi.internal.ApiRequest;
import org.billinghost.httpapi.internal.Formats;

/**
 * The host's own RunAutomation (WHMCS runs its cron from the command line, not the API) and WHMCS's
 * AddCancelRequest and GetCancelledPackages.
 */
public final class AutomationActions {

    private final Automation automation;
    private final CancellationRequests cancellations;

    public AutomationActions(Automation automation, CancellationRequests cancellations) {
        this.automation = automation;
        this.cancellations = cancellations;
    }

    public void register(ActionTable table) {
        table.add("RunAutomation", Permissions.AUTOMATION, (r, admin) -> run(automation.runNow()))
                .add("AddCancelRequest", Permissions.CANCELLATION_REQUESTS, (r, admin) -> addCancelRequest(r))
                .add("GetCancelledPackages", Permissions.CANCELLATION_REQUESTS, (r, admin) -> cancelled(r));
    }

    private static Map<String, Object> run(AutomationRun run) {
        return Replies.of("runid", run.id(), "state", run.state().label(), "started", Formats.dateTime(run.started()),
                "ended", Formats.dateTime(run.ended()), "invoices", run.invoices(), "suspensions", run.suspended(),
                "terminations", run.terminated(), "cancellations", run.cancelled(), "notices", run.notices(),
                "failures", run.failures());
    }

    private Map<String, Object> addCancelRequest(ApiRequest r) {
        long serviceId = r.id("serviceid");
        // WHMCS's default when no type is given
        String typeName = r.string("type", CancellationRequest.Type.END_OF_BILLING_PERIOD.label());
        CancellationRequest.Type type = CancellationRequest.Type.of(typeName).orElseThrow(() -> ApiError.invalid(
                "type '" + ApiRequest.shorten(typeName) + "' is not a cancellation type: Immediate or End of Billing Period"));
        CancellationRequest request = cancellations.request(serviceId, type, r.string("reason", ""));
        return Replies.of("serviceid", request.serviceId(), "userid", request.clientId());
    }

    private Map<String, Object> cancelled(ApiRequest r) {
        Paging paging = Paging.of(r);
        ResultPage<CancellationRequest> page = cancellations.list(paging.offset(), paging.limit());
        return Replies.page(page, "packages", "package", page.items().stream().map(c -> Replies.of("id", c.id(),
                "relid", c.serviceId(), "reason", c.reason(), "type", c.type().label(),
                "date", Formats.dateTime(c.created()), "effectivedate", c.effectiveDate().toString())).toList());
    }
}
