package org.billinghost.core.internal.commands;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.billinghost.api.module.CommandParams;
import org.billinghost.api.module.CommandResult;
import org.billinghost.api.module.ConfigField;
import org.billinghost.api.module.ModuleCommand;
import org.billinghost.api.module.ServerMetadata;
import org.billinghost.api.module.ServerModule;

/** A server module for tests: counts calls per command and service, answers queued results (success when none). */
public final class FakeServerModule implements ServerModule {
    private final Deque<Function<CommandParams, CommandResult>> answers = new ArrayDeque<>();
    private final List<CommandParams> calls = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile Function<CommandParams, CommandResult> always;
    private volatile boolean changePackage;

    /** The next command answers this (in order); afterwards success. */
    public synchronized FakeServerModule thenAnswer(CommandResult result) {
        answers.add(params -> result);
        return this;
    }

    /** The next command runs this (e.g. to throw, block or save a custom field). */
    public synchronized FakeServerModule thenDo(Function<CommandParams, CommandResult> action) {
        answers.add(action);
        return this;
    }

    /** Every command runs this when no queued answer is left. */
    public FakeServerModule always(Function<CommandParams, CommandResult> action) {
        this.always = action;
        return this;
    }

    public int calls(ModuleCommand command) {
        return counts.getOrDefault(command.name(), new AtomicInteger()).get();
    }

    /** Calls of a command for one service. */
    public int calls(ModuleCommand command, long serviceId) {
        return counts.getOrDefault(command.name() + "#" + serviceId, new AtomicInteger()).get();
    }

    public List<CommandParams> params() {
        return List.copyOf(calls);
    }

    @Override
    public ServerMetadata metadata() {
        return new ServerMetadata("Fake module", "1.1", false);
    }

    @Override
    public List<ConfigField> configOptions() {
        return List.of(ConfigField.text("plan", "Plan", ""), ConfigField.password("secret", "Secret", ""));
    }

    /** Supports ChangePackage too (by default the fake does not, as a module may not). */
    public FakeServerModule withChangePackage() {
        this.changePackage = true;
        return this;
    }

    @Override
    public Set<ModuleCommand> supportedCommands() {
        Set<ModuleCommand> commands = java.util.EnumSet.of(ModuleCommand.CREATE, ModuleCommand.SUSPEND,
                ModuleCommand.UNSUSPEND, ModuleCommand.TERMINATE, ModuleCommand.TEST_CONNECTION, ModuleCommand.CUSTOM);
        if (changePackage) {
            commands.add(ModuleCommand.CHANGE_PACKAGE);
        }
        return Set.copyOf(commands);
    }

    @Override
    public Map<String, String> adminCustomButtons() {
        return Map.of("Reset", "reset");
    }

    /** Echoes the service's Plan so a test sees the params reached the module. */
    @Override
    public Map<String, String> adminServicesTabFields(CommandParams params) {
        return Map.of("Plan", params.customFields().getOrDefault("Plan", ""));
    }

    /** Fails for services whose domain is {@code broken.example}, as a buggy module would. */
    @Override
    public java.util.Optional<String> clientArea(CommandParams params) {
        if (params.domain().equals("broken.example")) {
            throw new IllegalStateException("client area bug");
        }
        return java.util.Optional.of("<p>Service " + params.serviceId() + ": " + params.status().map(s -> s.label()).orElse("") + "</p>");
    }

    @Override
    public CommandResult run(ModuleCommand command, CommandParams params) {
        return answer(command, params);
    }

    @Override
    public CommandResult custom(String function, CommandParams params) {
        return answer(ModuleCommand.CUSTOM, params);
    }

    private CommandResult answer(ModuleCommand command, CommandParams params) {
        calls.add(params);
        counts.computeIfAbsent(command.name(), k -> new AtomicInteger()).incrementAndGet();
        counts.computeIfAbsent(command.name() + "#" + params.serviceId(), k -> new AtomicInteger()).incrementAndGet();
        Function<CommandParams, CommandResult> next;
        synchronized (this) {
            next = answers.poll();
        }
        if (next == null) {
            next = always;
        }
        return next == null ? CommandResult.success() : next.apply(params);
    }
}
