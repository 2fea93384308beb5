package org.billinghost.core.internal.commands;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.billinghost.api.billing.ServiceStatus;

import org.billinghost.api.module.AdminIdentity;
import org.billinghost.api.module.ClientDetails;
import org.billinghost.api.module.CommandParams;
import org.billinghost.api.platform.CustomField;
import org.billinghost.api.platform.Product;
import org.billinghost.core.internal.orders.CustomFieldValues;
import org.billinghost.core.internal.orders.ServiceRow;

/** The parameters of one command for one service; saving a custom field touches this service only. */
final class ServiceCommandParams implements CommandParams {
    private final ServiceRow service;
    private final Product product;
    private final ClientDetails client;
    private final Map<String, String> customFields;
    private final CustomFieldValues values;
    private final String customFunction;
    private final AdminIdentity admin;

    ServiceCommandParams(ServiceRow service, Product product, ClientDetails client, CustomFieldValues values,
                         String customFunction, AdminIdentity admin) {
        this.service = service;
        this.product = product;
        this.client = client;
        this.values = values;
        this.customFields = Collections.synchronizedMap(new LinkedHashMap<>(values.byName(service.id(), product)));
        this.customFunction = customFunction == null ? "" : customFunction;
        this.admin = admin;
    }

    @Override
    public long serviceId() {
        return service.id();
    }

    @Override
    public long clientId() {
        return service.clientId();
    }

    @Override
    public long productId() {
        return product.id();
    }

    @Override
    public long orderId() {
        return service.orderId();
    }

    @Override
    public String domain() {
        return service.domain();
    }

    @Override
    public String productType() {
        return product.type().code();
    }

    @Override
    public List<String> configOptions() {
        return product.configOptions();
    }

    @Override
    public Map<String, String> customFields() {
        synchronized (customFields) {
            return Map.copyOf(customFields);
        }
    }

    @Override
    public List<String> productCustomFieldNames() {
        return product.customFields().stream().map(CustomField::name).toList();
    }

    @Override
    public ClientDetails client() {
        return client;
    }

    @Override
    public void saveCustomField(String fieldName, String value) {
        CustomField field = product.customFields().stream().filter(f -> f.name().equals(fieldName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "The product '" + product.name() + "' has no custom field '" + fieldName + "'"));
        String stored = value == null ? "" : value;
        values.put(field.id(), service.id(), stored);
        customFields.put(field.name(), stored);
    }

    @Override
    public String customFunction() {
        return customFunction;
    }

    @Override
    public Optional<ServiceStatus> status() {
        return Optional.of(service.status());
    }

    @Override
    public AdminIdentity admin() {
        return admin;
    }
}
