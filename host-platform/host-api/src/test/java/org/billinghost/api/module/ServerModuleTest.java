package org.billinghost.api.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerModuleTest {
    private final List<String> calls = new ArrayList<>();

    /** A module that implements Create and Custom only, recording what ran. */
    private final ServerModule module = new ServerModule() {
        @Override
        public ServerMetadata metadata() {
            return null;
        }

        @Override
        public List<ConfigField> configOptions() {
            return List.of();
        }

        @Override
        public Set<ModuleCommand> supportedCommands() {
            return EnumSet.of(ModuleCommand.CREATE, ModuleCommand.CUSTOM);
        }

        @Override
        public CommandResult createAccount(CommandParams params) {
            calls.add("create");
            return CommandResult.success();
        }

        @Override
        public CommandResult custom(String function, CommandParams params) {
            calls.add("custom:" + function);
            return CommandResult.success();
        }
    };

    private static CommandParams customFunction(String name) {
        return (CommandParams) Proxy.newProxyInstance(CommandParams.class.getClassLoader(),
                new Class<?>[] {CommandParams.class},
                (proxy, method, args) -> method.getName().equals("customFunction") ? name : null);
    }

    @Test
    void runDispatchesEachCommandToItsMethod() {
        module.run(ModuleCommand.CREATE, customFunction(""));
        module.run(ModuleCommand.CUSTOM, customFunction("resync"));

        assertThat(calls).containsExactly("create", "custom:resync");
    }

    @Test
    void aCommandTheModuleDoesNotImplementAnswersAPermanentErrorNamingIt() {
        CommandResult result = module.run(ModuleCommand.SUSPEND, customFunction(""));

        assertThat(result.failure()).isEqualTo(CommandResult.Failure.PERMANENT);
        assertThat(result.message()).isEqualTo("The module does not support SuspendAccount");
    }
}
