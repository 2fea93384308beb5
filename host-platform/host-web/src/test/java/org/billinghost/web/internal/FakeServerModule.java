package org.billinghost.web.internal;

import org.billinghost.api.module.CommandParams;
import org.billinghost.api.module.CommandResult;
import org.billinghost.api.module.ConfigField;
import org.billinghost.api.module.Html;
import org.billinghost.api.module.ModuleCommand;
import org.billinghost.api.module.ServerMetadata;
import org.billinghost.api.module.ServerModule;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** A server module whose commands succeed (or fail when told), with a custom button and client-area output. */
public final class FakeServerModule implements ServerModule {
    public final AtomicInteger reboots = new AtomicInteger();
    public volatile String createError;

    @Override
    public ServerMetadata metadata() {
        return new ServerMetadata("Fake Server", "1.1", false);
    }

    @Override
    public List<ConfigField> configOptions() {
        return List.of(ConfigField.text("plan", "Plan name", ""),
                ConfigField.password("secret", "Remote secret", ""),
                ConfigField.dropdown("size", "Size", "", List.of("s", "m", "l")));
    }

    @Override
    public Set<ModuleCommand> supportedCommands() {
        return Set.of(ModuleCommand.CREATE, ModuleCommand.SUSPEND, ModuleCommand.UNSUSPEND, ModuleCommand.TERMINATE,
                ModuleCommand.CUSTOM);
    }

    @Override
    public CommandResult createAccount(CommandParams params) {
        return createError == null ? CommandResult.success() : CommandResult.error(createError);
    }

    @Override
    public CommandResult suspendAccount(CommandParams params) {
        return CommandResult.success();
    }

    @Override
    public CommandResult unsuspendAccount(CommandParams params) {
        return CommandResult.success();
    }

    @Override
    public CommandResult terminateAccount(CommandParams params) {
        return CommandResult.success();
    }

    @Override
    public Map<String, String> adminCustomButtons() {
        return Map.of("Reboot", "reboot");
    }

    @Override
    public CommandResult custom(String function, CommandParams params) {
        reboots.incrementAndGet();
        return new CommandResult(true, "Rebooted <fast>", CommandResult.Failure.NONE, null);
    }

    @Override
    public Map<String, String> adminServicesTabFields(CommandParams params) {
        return Map.of("Remote id", "<b>r-" + params.serviceId() + "</b>");
    }

    @Override
    public Optional<String> clientArea(CommandParams params) {
        return Optional.of("<p class=\"fake-module\">Plan " + Html.escape(params.configOption(1)) + " is ready</p>");
    }
}
