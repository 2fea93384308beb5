package org.billinghost.api.platform;

/** A catalog change was refused (unknown id, duplicate name, invalid value); nothing was changed. */
public class CatalogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CatalogException(String message) {
        super(message);
    }
}
