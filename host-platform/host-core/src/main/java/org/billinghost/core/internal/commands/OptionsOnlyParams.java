package org.billinghost.core.internal.commands;

import java.util.List;
import java.util.Map;

import org.billinghost.api.module.AdminIdentity;
import org.billinghost.api.module.ClientDetails;
import org.billinghost.api.module.CommandParams;

/** Parameters for TestConnection of a product being edited: config options only, no service. */
record OptionsOnlyParams(List<String> configOptions) implements CommandParams {
    OptionsOnlyParams {
        configOptions = configOptions.stream().map(o -> o == null ? "" : o).toList();
    }

    @Override
    public long serviceId() {
        return 0;
    }

    @Override
    public long clientId() {
        return 0;
    }

    @Override
    public long productId() {
        return 0;
    }

    @Override
    public long orderId() {
        return 0;
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
    public Map<String, String> customFields() {
        return Map.of();
    }

    @Override
    public List<String> productCustomFieldNames() {
        return List.of();
    }

    @Override
    public ClientDetails client() {
        return new ClientDetails(0, "", "", "", "", "");
    }

    @Override
    public void saveCustomField(String fieldName, String value) {
        throw new IllegalArgumentException("There is no service to save the custom field '" + fieldName + "' on");
    }

    @Override
    public String customFunction() {
        return "";
    }

    @Override
    public AdminIdentity admin() {
        return null;
    }
}
