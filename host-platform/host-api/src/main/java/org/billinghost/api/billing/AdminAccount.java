package org.billinghost.api.billing;

import org.billinghost.api.module.AdminIdentity;

public record AdminAccount(long id, String username, String email, String role, boolean disabled) {
    public AdminIdentity identity() {
        return new AdminIdentity(id, username, role);
    }
}
