package org.billinghost.core.internal.commands;

import java.util.Optional;

import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.module.CommandResult;
import org.billinghost.api.module.ModuleCommand;
import org.billinghost.core.internal.orders.ServiceRow;

/** Which commands a service's status allows, and the status a successful command leads to. */
final class StatusRules {
    private StatusRules() {
    }

    /** Why the command may not run now; empty when it may. A Create already running is a transient refusal. */
    static Optional<CommandResult> refusal(ServiceRow service, ModuleCommand command, boolean takeOver) {
        ServiceStatus status = service.status();
        String id = "Service " + service.id();
        if (status == ServiceStatus.PROVISIONING && !(takeOver && command == ModuleCommand.CREATE)) {
            return Optional.of(CommandResult.transientError(id + " is being provisioned: Create is already running", null));
        }
        return switch (command) {
            case CREATE -> switch (status) {
                case PENDING, PROVISIONING -> Optional.empty();
                case ACTIVE -> Optional.of(CommandResult.error(id + " is already Active: Create refused"));
                default -> Optional.of(CommandResult.error(id + " is " + status.label() + ": Create refused"));
            };
            case SUSPEND -> status == ServiceStatus.ACTIVE ? Optional.empty()
                    : Optional.of(CommandResult.error(id + " is " + status.label() + ", not Active: it cannot be suspended"));
            case UNSUSPEND -> status == ServiceStatus.SUSPENDED ? Optional.empty()
                    : Optional.of(CommandResult.error(id + " is " + status.label() + ", not Suspended: it cannot be unsuspended"));
            case TERMINATE -> status == ServiceStatus.TERMINATED || status == ServiceStatus.CANCELLED
                    ? Optional.of(CommandResult.error(id + " is already " + status.label() + ": Terminate refused"))
                    : Optional.empty();
            case CHANGE_PACKAGE -> status == ServiceStatus.ACTIVE || status == ServiceStatus.SUSPENDED ? Optional.empty()
                    : Optional.of(CommandResult.error(id + " is " + status.label() + ": ChangePackage needs an Active or Suspended service"));
            case CUSTOM, TEST_CONNECTION -> Optional.empty();
        };
    }

    /**
     * The status after a successful command, if it changes. A service the customer asked to cancel becomes
     * Cancelled rather than Terminated (WHMCS tells the two apart).
     */
    static Optional<ServiceStatus> after(ModuleCommand command, boolean cancellationRequested) {
        return switch (command) {
            case CREATE, UNSUSPEND -> Optional.of(ServiceStatus.ACTIVE);
            case SUSPEND -> Optional.of(ServiceStatus.SUSPENDED);
            case TERMINATE -> Optional.of(cancellationRequested ? ServiceStatus.CANCELLED : ServiceStatus.TERMINATED);
            default -> Optional.empty();
        };
    }
}
