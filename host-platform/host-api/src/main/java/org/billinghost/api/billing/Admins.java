package org.billinghost.api.billing;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Admin users and roles. Passwords are hashed with a slow algorithm. Default roles: Full
 * Administrator, Sales Operator, Support Operator.
 */
@ProviderType
public interface Admins {

    String FULL_ADMINISTRATOR = "Full Administrator";

    Optional<AdminAccount> authenticate(String username, String password);

    List<AdminAccount> list();

    Optional<AdminAccount> get(long id);

    AdminAccount create(String username, String email, String password, String role);

    void changePassword(long adminId, String newPassword);

    /** Role names with their permissions (e.g. {@code configaddonmods}, {@code clients}, {@code orders}). */
    java.util.Map<String, Set<String>> roles();

    boolean hasPermission(String role, String permission);
}
