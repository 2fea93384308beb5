package org.billinghost.httpapi.internal.actions;

import java.util.Map;
import org.billinghost.api.billing.ModuleCommands;
import org.billinghost.api.billing.Permissions;
import org.billinghost.api.billing.ServiceAccount;
import org.billinghost.api.billing.Services;
import org.billinghost.api.module.AdminIdentity;
import org.billinghost.api.module.CommandResult;
import org.billinghost.api.module.ModuleCommand;
import org.billinghost.httpapi.internal.ActionTable;
import org.billinghost.httpapi.internal.ApiError;
import org.billinghost.httpapi.internal.ApiRequest;

/** ModuleCreate, ModuleSuspend, ModuleUnsuspend, ModuleTerminate, ModuleChangePackage, ModuleCustom. */
public final class ModuleCommandActions {

    private final ModuleCommands commands;
    private final Services services;

    public ModuleCommandActions(ModuleCommands commands, Services services) {
        this.commands = commands;
        this.services = services;
    }

    public void register(ActionTable table) {
        table.add("ModuleCreate", Permissions.SERVICES, (r, admin) -> run(r, ModuleCommand.CREATE, null, admin))
                .add("ModuleSuspend", Permissions.SERVICES, (r, admin) -> answer(commands.suspend(
                        service(r).id(), r.string("suspendreason", ""), admin)))
                .add("ModuleUnsuspend", Permissions.SERVICES, (r, admin) -> run(r, ModuleCommand.UNSUSPEND, null, admin))
                .add("ModuleTerminate", Permissions.SERVICES, (r, admin) -> run(r, ModuleCommand.TERMINATE, null, admin))
                .add("ModuleChangePackage", Permissions.SERVICES,
                        (r, admin) -> run(r, ModuleCommand.CHANGE_PACKAGE, null, admin))
                .add("ModuleCustom", Permissions.SERVICES,
                        (r, admin) -> run(r, ModuleCommand.CUSTOM, r.string("func_name"), admin));
    }

    private Map<String, Object> run(ApiRequest r, ModuleCommand command, String function,
                                    AdminIdentity admin) {
        ServiceAccount service = service(r);
        CommandResult result = commands.run(service.id(), command, function, admin);
        return answer(result);
    }

    /** The service named by {@code serviceid} or by {@code accountid}, its older name in WHMCS's Module actions. */
    private ServiceAccount service(ApiRequest r) {
        if (!r.has("accountid")) {
            return ServiceActions.service(services, r);
        }
        long id = r.id("accountid");
        if (r.has("serviceid") && r.id("serviceid") != id) {
            throw ApiError.invalid("Parameters serviceid and accountid name different services: send one of them");
        }
        return ServiceActions.service(services, id);
    }

    /**
     * A command that ran and failed is answered as WHMCS does: HTTP 200 with {@code result=error}
     * and the module's message; the call itself was valid and the failure is in the activity log.
     */
    static Map<String, Object> answer(CommandResult result) {
        if (!result.succeeded()) {
            throw ApiError.refused(result.message());
        }
        return Map.of();
    }
}
