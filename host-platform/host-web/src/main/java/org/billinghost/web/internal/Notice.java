package org.billinghost.web.internal;

import org.billinghost.api.module.CommandResult;

/** A one-line message shown once at the top of the next page; {@code kind} is {@code ok} or {@code error}. */
public record Notice(String kind, String text) {
    public static Notice ok(String text) {
        return new Notice("ok", text);
    }

    public static Notice error(String text) {
        return new Notice("error", text);
    }

    /** A module command's outcome: its own message when it has one (e.g. a status check's answer), else "… done". */
    public static Notice of(String what, CommandResult result) {
        String message = result.message();
        if (!result.succeeded()) {
            return error(what + " failed: " + message);
        }
        return ok(message.isEmpty() || "success".equals(message) ? what + " done." : what + ": " + message);
    }
}
