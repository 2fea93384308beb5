package org.billinghost.jetpack.internal.module;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.module.AdminIdentity;
import org.billinghost.api.module.ClientDetails;
import org.billinghost.api.module.CommandParams;

/** One service's command parameters; saves go to this service's own values and are recorded. */
public final class FakeCommandParams implements CommandParams {
    public record Save(long serviceId, String field, String value) {
    }

    public final List<String> configOptions = new ArrayList<>(List.of(" 1001 ", " demo-partner-secret "));
    public final List<String> productFields = new ArrayList<>(List.of("Site URL", "Local User", "Plan", "jetpack_provisioning_details"));
    public final Map<String, String> values = new LinkedHashMap<>();
    final List<Save> saves;
    final long serviceId;
    RuntimeException saveFailure;
    public ServiceStatus status = ServiceStatus.ACTIVE;

    FakeCommandParams(long serviceId, List<Save> saves) {
        this.serviceId = serviceId;
        this.saves = saves;
        values.put("Site URL", "https://shop.example.com/");
        values.put("Local User", "admin");
        values.put("Plan", "Premium");
        values.put("jetpack_provisioning_details", "");
    }

    public FakeCommandParams(long serviceId) {
        this(serviceId, new ArrayList<>());
    }

    public FakeCommandParams with(String field, String value) {
        values.put(field, value);
        return this;
    }

    @Override
    public long serviceId() {
        return serviceId;
    }

    @Override
    public long clientId() {
        return 7;
    }

    @Override
    public long productId() {
        return 3;
    }

    @Override
    public long orderId() {
        return 11;
    }

    @Override
    public String domain() {
        return "";
    }

    @Override
    public String productType() {
        return "other";
    }

    @Override
    public List<String> configOptions() {
        return configOptions;
    }

    @Override
    public Map<String, String> customFields() {
        return Map.copyOf(values);
    }

    @Override
    public List<String> productCustomFieldNames() {
        return productFields;
    }

    @Override
    public ClientDetails client() {
        return new ClientDetails(7, "Ada", "Lovelace", "ada@example.com", "", "GB");
    }

    @Override
    public void saveCustomField(String fieldName, String value) {
        if (saveFailure != null) {
            throw saveFailure;
        }
        if (!productFields.contains(fieldName)) {
            throw new IllegalArgumentException("no field " + fieldName);
        }
        saves.add(new Save(serviceId, fieldName, value));
        values.put(fieldName, value);
    }

    @Override
    public String customFunction() {
        return "";
    }

    @Override
    public Optional<ServiceStatus> status() {
        return Optional.of(status);
    }

    @Override
    public AdminIdentity admin() {
        return null;
    }
}
