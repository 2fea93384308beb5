package org.billinghost.web.internal;

/** A one-line message shown once at the top of the next page; {@code kind} is {@code ok} or {@code error}. */
public record Notice(String kind, String text) {
    public static Notice ok(String text) {
        return new Notice("ok", text);
    }

    public static Notice error(String text) {
        return new Notice("error", text);
    }
}
