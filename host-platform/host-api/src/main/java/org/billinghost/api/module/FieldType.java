package org.billinghost.api.module;

/** The input types of addon configuration fields and server-module config options. */
public enum FieldType {
    TEXT, PASSWORD, YESNO, TEXTAREA, DROPDOWN, RADIO;

    /** Values of this type are secrets: never returned in clear to pages, API answers or logs. */
    public boolean isSecret() {
        return this == PASSWORD;
    }
}
