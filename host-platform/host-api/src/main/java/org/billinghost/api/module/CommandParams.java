package org.billinghost.api.module;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.billinghost.api.billing.ServiceStatus;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The parameters every command receives (WHMCS's {@code $params}): the same object for every
 * command of one service.
 */
@ProviderType
public interface CommandParams {
    long serviceId();

    long clientId();

    long productId();

    /** The order that created the service, 0 when it was made without one. */
    long orderId();

    /** The service's domain, may be empty. */
    String domain();

    /** hostingaccount, reselleraccount, server or other. */
    String productType();

    /** The product's server-module options in order; index 0 is configoption1. */
    List<String> configOptions();

    /** configoption{@code n}, 1-based; an empty string when not set. */
    default String configOption(int n) {
        List<String> options = configOptions();
        return n >= 1 && n <= options.size() && options.get(n - 1) != null ? options.get(n - 1) : "";
    }

    /** This service's custom field values by field name. */
    Map<String, String> customFields();

    /** Names of the custom fields defined on the product, whether or not they have a value. */
    List<String> productCustomFieldNames();

    ClientDetails client();

    /**
     * Saves a custom field value of <em>this</em> service (never another's); the field must be
     * defined on the service's product.
     *
     * @throws IllegalArgumentException when the product has no field of that name
     */
    void saveCustomField(String fieldName, String value);

    /** For {@link ModuleCommand#CUSTOM}: the button's function name; empty otherwise. */
    String customFunction();

    /**
     * The service's status as the host names it (Pending, Active, Suspended, Terminated, Cancelled,
     * ...) when the parameters were built; empty when the host does not know it.
     *
     * @since 1.1
     * @deprecated use {@link #status()}, which is typed; this label is {@code status().map(ServiceStatus::label)}
     */
    @Deprecated
    default String serviceStatus() {
        return status().map(ServiceStatus::label).orElse("");
    }

    /**
     * The service's status when the parameters were built; empty when the host does not know it
     * (e.g. a test connection, which has no service).
     *
     * @since 1.2
     */
    default Optional<ServiceStatus> status() {
        return Optional.empty();
    }

    /** The admin who runs the command, or null when the host runs it automatically. */
    AdminIdentity admin();
}
