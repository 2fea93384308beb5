package org.billinghost.api.platform;

public enum PayType {
    FREE, ONETIME, RECURRING;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
