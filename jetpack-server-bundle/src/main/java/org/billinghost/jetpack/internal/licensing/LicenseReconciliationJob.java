package org.billinghost.jetpack.internal.licensing;

import static org.billinghost.jetpack.partner.PartnerApi.PREFIX;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.HookTopics;
import org.billinghost.api.platform.Product;
import org.billinghost.jetpack.partner.License;
import org.billinghost.jetpack.partner.LicenseLedger;
import org.billinghost.jetpack.partner.LicenseReport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the daily automation, compares the licenses at the API with the services' for every partner token of the
 * license products, and writes one activity-log line per token when it finds orphans or missing licenses (or cannot
 * look). A clean comparison writes nothing.
 */
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "=" + HookTopics.AFTER_CRON_JOB)
public final class LicenseReconciliationJob implements EventHandler {
    /** Keys and ids named in one activity line, at most. */
    static final int MAX_NAMED = 10;
    private static final Logger LOG = LoggerFactory.getLogger(LicenseReconciliationJob.class);

    private final LicenseLedger ledger;
    private final Catalog catalog;
    private final ActivityLog activityLog;

    @Activate
    public LicenseReconciliationJob(@Reference LicenseLedger ledger, @Reference Catalog catalog,
                                    @Reference ActivityLog activityLog) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.activityLog = activityLog;
    }

    @Override
    public void handleEvent(Event event) {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.error("JETPACK MODULE: daily license reconciliation failed", e);
        }
    }

    /** Runs the comparison; answers the number of activity lines written. */
    int run() {
        Set<String> tokens = new LinkedHashSet<>();
        for (Product product : catalog.productsOfModule(JetpackLicensingModule.NAME)) {
            if (!product.configOptions().isEmpty() && !product.configOptions().get(0).isBlank()) {
                tokens.add(product.configOptions().get(0).trim());
            }
        }
        int written = 0;
        int partner = 0;
        for (String token : tokens) {
            partner++;
            LicenseReport report = ledger.report(token);
            String which = tokens.size() > 1 ? " (partner token " + partner + " of " + tokens.size() + ")" : "";
            if (!report.outcome().ok()) {
                activityLog.log(PREFIX + "daily license reconciliation could not run" + which + ": "
                        + report.outcome().message().substring(PREFIX.length()), 0);
                written++;
            } else if (!report.clean()) {
                activityLog.log(PREFIX + "daily license reconciliation" + which + ": " + report.orphans().size()
                        + " license(s) at the Jetpack Licensing API that no service owns"
                        + named(report.orphans().stream().map(License::key).collect(Collectors.toList())) + "; "
                        + report.missing().size() + " service(s) whose license the API no longer knows or revoked"
                        + named(report.missing().stream().map(l -> "#" + l.serviceId()).collect(Collectors.toList()))
                        + ". Addons > Jetpack > Licenses shows them and offers Revoke or Assign.", 0);
                written++;
            }
        }
        return written;
    }

    private static String named(java.util.List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        String shown = items.stream().limit(MAX_NAMED).collect(Collectors.joining(", "));
        return " (" + shown + (items.size() > MAX_NAMED ? ", ..." : "") + ")";
    }
}
