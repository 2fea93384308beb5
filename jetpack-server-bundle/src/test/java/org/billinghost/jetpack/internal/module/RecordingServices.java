package org.billinghost.jetpack.internal.module;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.billinghost.api.billing.ListQuery;
import org.billinghost.api.billing.ServiceAccount;
import org.billinghost.api.billing.ServiceFilter;
import org.billinghost.api.billing.ServiceUpdate;
import org.billinghost.api.billing.Services;
import org.billinghost.api.platform.ResultPage;

/** Records the updates the module asks for; it asks for nothing else. */
final class RecordingServices implements Services {
    record Update(long serviceId, ServiceUpdate update) {
    }

    final List<Update> updates = new CopyOnWriteArrayList<>();

    @Override
    public Optional<ServiceAccount> get(long serviceId) {
        throw new UnsupportedOperationException("the module reads services from its command parameters");
    }

    @Override
    public ResultPage<ServiceAccount> list(long clientId, int offset, int limit) {
        throw new UnsupportedOperationException("the module lists no services");
    }

    @Override
    public ResultPage<ServiceAccount> list(ServiceFilter filter, int offset, int limit) {
        throw new UnsupportedOperationException("the module lists no services");
    }

    @Override
    public ResultPage<ServiceAccount> list(ListQuery query, int offset, int limit) {
        throw new UnsupportedOperationException("the module lists no services");
    }

    @Override
    public ServiceAccount update(long serviceId, ServiceUpdate update) {
        updates.add(new Update(serviceId, update));
        return null;
    }
}
