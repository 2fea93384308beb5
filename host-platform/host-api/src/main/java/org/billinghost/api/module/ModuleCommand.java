package org.billinghost.api.module;

import java.util.Locale;
import java.util.Optional;

/** The commands a server module may support; the UI offers only the supported ones. */
public enum ModuleCommand {
    CREATE("Create", "CreateAccount"),
    SUSPEND("Suspend", "SuspendAccount"),
    UNSUSPEND("Unsuspend", "UnsuspendAccount"),
    TERMINATE("Terminate", "TerminateAccount"),
    CHANGE_PACKAGE("ChangePackage", "ChangePackage"),
    TEST_CONNECTION("TestConnection", "TestConnection"),
    /** A module's own admin button; the button's function name travels beside the command. */
    CUSTOM("Custom", "Custom");

    private final String hookName;
    private final String functionName;

    ModuleCommand(String hookName, String functionName) {
        this.hookName = hookName;
        this.functionName = functionName;
    }

    /** The name used in hook topics: {@code PreModule<hookName>}, {@code AfterModule<hookName>}. */
    public String hookName() {
        return hookName;
    }

    /** WHMCS's function name, e.g. {@code CreateAccount}. */
    public String functionName() {
        return functionName;
    }

    /** Finds a command by hook or function name, ignoring case ({@code create}, {@code CreateAccount}). */
    public static Optional<ModuleCommand> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.toLowerCase(Locale.ROOT);
        for (ModuleCommand c : values()) {
            if (c.hookName.toLowerCase(Locale.ROOT).equals(n) || c.functionName.toLowerCase(Locale.ROOT).equals(n)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
