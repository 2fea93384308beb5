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

    /**
     * Creates a role or replaces an existing role's permissions. A role needs at least one permission,
     * every permission must be one the host knows (those of {@link #FULL_ADMINISTRATOR}), and the Full
     * Administrator role always keeps all of them.
     *
     * @since 1.1
     */
    void saveRole(String name, Set<String> permissions);

    /**
     * Disables or enables an admin: a disabled admin can neither log in nor use API credentials. The
     * last enabled Full Administrator is never disabled.
     *
     * @since 1.1
     */
    void setDisabled(long adminId, boolean disabled);

    /**
     * Gives an admin another role; the last enabled Full Administrator keeps that role.
     *
     * @since 1.1
     */
    void changeRole(long adminId, String role);
}
