package org.billinghost.api.platform;

public enum ProductType {
    HOSTINGACCOUNT, RESELLERACCOUNT, SERVER, OTHER;

    /** WHMCS's lower-case name. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
