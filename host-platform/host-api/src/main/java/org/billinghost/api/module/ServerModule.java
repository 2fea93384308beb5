package org.billinghost.api.module;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A server (provisioning) module, registered as an OSGi service with the
 * {@link ModuleProperties#MODULE_NAME} property. Commands never throw: every failure becomes a
 * {@link CommandResult} with a message for staff. The host catches what a module throws all the
 * same and treats it as a permanent failure.
 */
@ConsumerType
public interface ServerModule {

    ServerMetadata metadata();

    /** At most {@link ModuleProperties#MAX_CONFIG_OPTIONS}; they reach commands as configoption1..N in order. */
    List<ConfigField> configOptions();

    /** The commands this module implements; others are not offered. */
    Set<ModuleCommand> supportedCommands();

    default CommandResult createAccount(CommandParams params) {
        return unsupported(ModuleCommand.CREATE);
    }

    default CommandResult suspendAccount(CommandParams params) {
        return unsupported(ModuleCommand.SUSPEND);
    }

    default CommandResult unsuspendAccount(CommandParams params) {
        return unsupported(ModuleCommand.UNSUSPEND);
    }

    default CommandResult terminateAccount(CommandParams params) {
        return unsupported(ModuleCommand.TERMINATE);
    }

    default CommandResult changePackage(CommandParams params) {
        return unsupported(ModuleCommand.CHANGE_PACKAGE);
    }

    /** Checks the credentials in the given config options (params of a product being edited). */
    default CommandResult testConnection(CommandParams params) {
        return unsupported(ModuleCommand.TEST_CONNECTION);
    }

    /** Extra admin buttons: label → function name passed to {@link #custom(String, CommandParams)}. */
    default Map<String, String> adminCustomButtons() {
        return Map.of();
    }

    default CommandResult custom(String function, CommandParams params) {
        return CommandResult.error("Unknown function " + function);
    }

    /** Extra read-only rows on the admin's service tab: label → HTML-escaped-by-host text. */
    default Map<String, String> adminServicesTabFields(CommandParams params) {
        return Map.of();
    }

    /** HTML fragment shown to the client on the service's page; the module escapes what it prints. */
    default Optional<String> clientArea(CommandParams params) {
        return Optional.empty();
    }

    /** Dispatches a command to its method. */
    default CommandResult run(ModuleCommand command, CommandParams params) {
        return switch (command) {
            case CREATE -> createAccount(params);
            case SUSPEND -> suspendAccount(params);
            case UNSUSPEND -> unsuspendAccount(params);
            case TERMINATE -> terminateAccount(params);
            case CHANGE_PACKAGE -> changePackage(params);
            case TEST_CONNECTION -> testConnection(params);
            case CUSTOM -> custom(params.customFunction(), params);
        };
    }

    private static CommandResult unsupported(ModuleCommand command) {
        return CommandResult.error("The module does not support " + command.functionName());
    }
}
