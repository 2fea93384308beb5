package org.billinghost.api.platform;

public enum CustomFieldType {
    TEXT, LINK, PASSWORD, DROPDOWN, TICKBOX, TEXTAREA;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
