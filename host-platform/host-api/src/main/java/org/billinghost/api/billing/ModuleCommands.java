package org.billinghost.api.billing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.billinghost.api.module.AdminIdentity;
import org.billinghost.api.module.CommandResult;
import org.billinghost.api.module.ModuleCommand;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs server-module commands for services, with Pre hooks that may veto, After/AfterFailed
 * hooks, status changes and activity-log lines. A module that is not installed answers a clear
 * error and changes nothing.
 */
@ProviderType
public interface ModuleCommands {

    /** Runs a command now, for an admin (or the API); {@code customFunction} only for CUSTOM. */
    CommandResult run(long serviceId, ModuleCommand command, String customFunction, AdminIdentity admin);

    /**
     * Runs Suspend now, as {@link #run} does, and records {@code reason} (at most 255 characters) as the service's
     * {@link Subscription#suspendReason()} in the same commit as the new status; an empty reason keeps the
     * current one. A reason that is too long is refused before the module runs.
     *
     * @since 2.1
     */
    CommandResult suspend(long serviceId, String reason, AdminIdentity admin);

    /** Runs the module's TestConnection with the given config options (a product being edited). */
    CommandResult testConnection(String module, List<String> configOptions);

    /** The commands the service's module offers; empty when the module is not available. */
    Set<ModuleCommand> supported(long serviceId);

    /**
     * The commands of {@link #supported(long)} that the service's status allows now (no Create on an Active
     * service, no Terminate on a Terminated one, Suspend only on an Active one...): the ones worth offering.
     *
     * @since 2.1
     */
    Set<ModuleCommand> allowed(long serviceId);

    /** Label → function name of the module's own buttons for this service. */
    Map<String, String> customButtons(long serviceId);

    /** The module's extra rows for the admin's service tab. */
    Map<String, String> adminTabFields(long serviceId);

    /** The module's HTML fragment for the client's service page. */
    Optional<String> clientArea(long serviceId);
}
