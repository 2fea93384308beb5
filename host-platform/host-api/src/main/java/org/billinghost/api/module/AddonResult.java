package org.billinghost.api.module;

import java.util.Objects;

/** The answer of an addon's activate or deactivate: an error aborts the action. */
public record AddonResult(Status status, String description) {
    public enum Status { SUCCESS, ERROR, INFO }

    public AddonResult {
        Objects.requireNonNull(status, "status");
        description = description == null ? "" : description;
    }

    public static AddonResult success(String description) {
        return new AddonResult(Status.SUCCESS, description);
    }

    public static AddonResult error(String description) {
        return new AddonResult(Status.ERROR, description);
    }

    public static AddonResult info(String description) {
        return new AddonResult(Status.INFO, description);
    }

    public boolean isError() {
        return status == Status.ERROR;
    }
}
