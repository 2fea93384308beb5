package org.billinghost.core.internal.mail;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.billinghost.api.module.CommandParams;
import org.billinghost.api.module.CommandResult;
import org.billinghost.api.module.ConfigField;
import org.billinghost.api.module.ModuleCommand;
import org.billinghost.api.module.ServerMetadata;
import org.billinghost.api.module.ServerModule;
import org.billinghost.api.module.WelcomeEmail;

/** A server module whose commands succeed and that gives the welcome e-mail an activation link per service. */
final class WelcomingModule implements ServerModule, WelcomeEmail {
    static final String NAME = "welcoming";

    static String activationUrl(long serviceId) {
        return "https://activate.example/jetpack?service=" + serviceId + "&plan=security";
    }

    @Override
    public ServerMetadata metadata() {
        return new ServerMetadata("Welcoming module", "1.0", false);
    }

    @Override
    public List<ConfigField> configOptions() {
        return List.of();
    }

    @Override
    public Set<ModuleCommand> supportedCommands() {
        return EnumSet.of(ModuleCommand.CREATE, ModuleCommand.SUSPEND, ModuleCommand.UNSUSPEND);
    }

    @Override
    public CommandResult run(ModuleCommand command, CommandParams params) {
        return CommandResult.success();
    }

    @Override
    public Map<String, String> welcomeVariables(CommandParams params) {
        return Map.of("activationUrl", activationUrl(params.serviceId()), "bad name", "dropped");
    }
}
