package org.billinghost.testmodules.internal;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.billinghost.api.module.CommandParams;
import org.billinghost.api.module.CommandResult;
import org.billinghost.api.module.ConfigField;
import org.billinghost.api.module.Html;
import org.billinghost.api.module.ModuleCommand;
import org.billinghost.api.module.ModuleProperties;
import org.billinghost.api.module.ServerMetadata;
import org.billinghost.api.module.ServerModule;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server module for tests and as the README's example. Its first config option decides how
 * every command answers: {@code success}, {@code fail} (a permanent error) or {@code transient}
 * (a temporary error the host retries). Create writes the field {@code testmodule_details} when
 * the product has one.
 */
@Component(service = ServerModule.class, property = ModuleProperties.MODULE_NAME + "=" + TestServerModule.NAME)
public final class TestServerModule implements ServerModule {

    public static final String NAME = "testmodule";
    /** The custom field Create fills in when the product defines it. */
    public static final String DETAILS_FIELD = "testmodule_details";
    public static final String PING_FUNCTION = "ping";

    private static final Logger LOG = LoggerFactory.getLogger(TestServerModule.class);

    /** Commands run per service, shown on the admin's service tab (tests read it there). */
    private final Map<Long, AtomicInteger> commandsRun = new ConcurrentHashMap<>();

    @Override
    public ServerMetadata metadata() {
        return new ServerMetadata("Test Module", "1.1", false);
    }

    @Override
    public List<ConfigField> configOptions() {
        return List.of(
                ConfigField.dropdown("behaviour", "Behaviour", "How every command answers",
                        List.of("success", "fail", "transient")),
                ConfigField.text("label", "Label", "Text shown in the client area"),
                ConfigField.password("apikey", "API key", "A secret the module never shows"));
    }

    @Override
    public Set<ModuleCommand> supportedCommands() {
        return EnumSet.allOf(ModuleCommand.class);
    }

    @Override
    public CommandResult createAccount(CommandParams params) {
        CommandResult result = answer(params, ModuleCommand.CREATE);
        if (result.succeeded() && params.productCustomFieldNames().contains(DETAILS_FIELD)) {
            params.saveCustomField(DETAILS_FIELD, "created service " + params.serviceId()
                    + (params.domain().isEmpty() ? "" : " for " + params.domain()));
        }
        return result;
    }

    @Override
    public CommandResult suspendAccount(CommandParams params) {
        return answer(params, ModuleCommand.SUSPEND);
    }

    @Override
    public CommandResult unsuspendAccount(CommandParams params) {
        return answer(params, ModuleCommand.UNSUSPEND);
    }

    @Override
    public CommandResult terminateAccount(CommandParams params) {
        return answer(params, ModuleCommand.TERMINATE);
    }

    @Override
    public CommandResult changePackage(CommandParams params) {
        return answer(params, ModuleCommand.CHANGE_PACKAGE);
    }

    @Override
    public CommandResult testConnection(CommandParams params) {
        return answer(params, ModuleCommand.TEST_CONNECTION);
    }

    @Override
    public Map<String, String> adminCustomButtons() {
        return Map.of("Ping", PING_FUNCTION);
    }

    @Override
    public CommandResult custom(String function, CommandParams params) {
        if (!PING_FUNCTION.equals(function)) {
            return CommandResult.error("Unknown function " + function);
        }
        return answer(params, ModuleCommand.CUSTOM);
    }

    @Override
    public Map<String, String> adminServicesTabFields(CommandParams params) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Behaviour", behaviour(params));
        fields.put("Commands run", String.valueOf(count(params.serviceId())));
        return fields;
    }

    @Override
    public Optional<String> clientArea(CommandParams params) {
        String label = params.configOption(2).isEmpty() ? "Test service" : params.configOption(2);
        return Optional.of("<p class=\"testmodule\">" + Html.escape(label) + ": "
                + Html.escape(params.domain()) + "</p>");
    }

    /** How many commands ran for a service in this bundle's lifetime. */
    public int count(long serviceId) {
        AtomicInteger n = commandsRun.get(serviceId);
        return n == null ? 0 : n.get();
    }

    private CommandResult answer(CommandParams params, ModuleCommand command) {
        commandsRun.computeIfAbsent(params.serviceId(), id -> new AtomicInteger()).incrementAndGet();
        String behaviour = behaviour(params);
        LOG.info("Test module command: command={} service={} behaviour={}", command.functionName(),
                params.serviceId(), behaviour);
        return switch (behaviour) {
            case "fail" -> CommandResult.error("Test module refused " + command.functionName() + " (behaviour fail)");
            case "transient" -> CommandResult.transientError(
                    "Test module temporarily unavailable for " + command.functionName(), Duration.ofSeconds(1));
            default -> CommandResult.success();
        };
    }

    private static String behaviour(CommandParams params) {
        String b = params.configOption(1);
        return b.isEmpty() ? "success" : b;
    }
}
