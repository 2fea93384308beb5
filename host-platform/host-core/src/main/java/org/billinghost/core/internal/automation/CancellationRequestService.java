package org.billinghost.core.internal.automation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.CancellationRequest;
import org.billinghost.api.billing.CancellationRequests;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.api.platform.HookTopics;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.core.internal.commands.HookPublisher;
import org.billinghost.core.internal.db.DataAccessException;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.mail.MailOutbox;
import org.billinghost.core.internal.mail.MailTemplate;
import org.billinghost.core.internal.db.Paging;
import org.billinghost.core.internal.db.RowMapper;
import org.billinghost.core.internal.orders.ServiceRow;
import org.billinghost.core.internal.orders.ServiceStore;
import org.billinghost.core.internal.time.BillingClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Cancellation requests: one per service (uq_cancel_requests_service), carried out by the daily automation. */
@Component(service = CancellationRequests.class)
public final class CancellationRequestService implements CancellationRequests {
    private static final Paging.Query QUERY = new Paging.Query("id, service_id, client_id, request_type, reason,"
            + " created, effective_date", "cancel_requests", "id DESC");
    private static final RowMapper<CancellationRequest> ROW = rs -> new CancellationRequest(rs.getLong("id"),
            rs.getLong("service_id"), rs.getLong("client_id"),
            CancellationRequest.Type.valueOf(rs.getString("request_type")), rs.getString("reason"),
            Instant.ofEpochMilli(rs.getLong("created")), rs.getObject("effective_date", LocalDate.class));

    private final Jdbc jdbc;
    private final ServiceStore services;
    private final ActivityLog activity;
    private final HookPublisher hooks;
    private final MailOutbox mail;
    private final BillingClock clock;

    @Activate
    public CancellationRequestService(@Reference Jdbc jdbc, @Reference ActivityLog activity,
                                      @Reference HookPublisher hooks, @Reference MailOutbox mail,
                                      @Reference BillingClock clock) {
        this.mail = mail;
        this.jdbc = jdbc;
        this.services = new ServiceStore(jdbc, clock);
        this.activity = activity;
        this.hooks = hooks;
        this.clock = clock;
    }

    @Override
    public CancellationRequest request(long serviceId, CancellationRequest.Type type, String reason) {
        if (type == null) {
            throw BillingException.invalid("type", "The type must be Immediate or End of Billing Period");
        }
        String text = reason == null ? "" : reason.strip();
        if (text.length() > MAX_REASON_LENGTH) {
            throw BillingException.invalid("reason", "The reason is longer than " + MAX_REASON_LENGTH + " characters");
        }
        long id = jdbc.inTransaction(() -> {
            jdbc.queryLong("SELECT id FROM services WHERE id = ? FOR UPDATE", serviceId);
            ServiceRow service = services.find(serviceId).orElseThrow(
                    () -> BillingException.notFound("serviceid", "Service " + serviceId + " not found"));
            if (service.status() == ServiceStatus.TERMINATED || service.status() == ServiceStatus.CANCELLED) {
                throw BillingException.conflict("Service " + serviceId + " is already " + service.status().label()
                        + ": there is nothing left to cancel");
            }
            long requestId;
            try {
                requestId = jdbc.insert("INSERT INTO cancel_requests (service_id, client_id, request_type, reason,"
                        + " created, effective_date) VALUES (?, ?, ?, ?, ?, ?)", serviceId, service.clientId(),
                        type.name(), text, clock.millis(), effectiveDate(service, type));
            } catch (DataAccessException e) {
                throw e.isUniqueViolation() ? BillingException.conflict("Service " + serviceId
                        + " already has a cancellation request") : e;
            }
            activity.log("Cancellation Request Submitted - Service ID: " + serviceId + " - " + type.label(),
                    service.clientId());
            mail.queue(MailTemplate.CANCELLATION_REQUEST, service.clientId(), serviceId, String.valueOf(requestId));
            Map<String, Object> properties = Map.of(HookTopics.SERVICE_ID, serviceId, HookTopics.CLIENT_ID,
                    service.clientId());
            jdbc.afterCommit(() -> hooks.post(HookTopics.CANCELLATION_REQUEST, properties));
            return requestId;
        });
        return jdbc.queryOne("SELECT " + QUERY.columns() + " FROM cancel_requests WHERE id = ?", ROW, id).orElseThrow();
    }

    /** Immediate: today (the next run); end of billing period: the end of what is paid, today if that passed. */
    private LocalDate effectiveDate(ServiceRow service, CancellationRequest.Type type) {
        LocalDate today = clock.today();
        LocalDate paidUntil = service.subscription().nextDueDate();
        return type == CancellationRequest.Type.END_OF_BILLING_PERIOD && paidUntil != null && paidUntil.isAfter(today)
                ? paidUntil : today;
    }

    @Override
    public ResultPage<CancellationRequest> list(int offset, int limit) {
        try {
            return Paging.page(jdbc, QUERY, "", List.of(), ROW, offset, limit);
        } catch (IllegalArgumentException e) {
            throw BillingException.invalid(e.getMessage());
        }
    }

    @Override
    public Optional<CancellationRequest> ofService(long serviceId) {
        return jdbc.queryOne("SELECT " + QUERY.columns() + " FROM cancel_requests WHERE service_id = ?", ROW, serviceId);
    }
}
