package org.billinghost.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.billinghost.api.billing.Admins;
import org.billinghost.api.billing.Permissions;
import org.billinghost.core.testkit.CoreAssembly;
import org.junit.jupiter.api.Test;

/** The API's permission constants and the roles the migrations seed are the same list. */
class PermissionsSeedTest {

    @Test
    void everyConstantIsSeededAndEverySeededPermissionIsAConstant() {
        try (CoreAssembly core = CoreAssembly.h2()) {
            Set<String> seeded = new TreeSet<>();
            core.admins().roles().values().forEach(seeded::addAll);

            assertThat(seeded).isEqualTo(new TreeSet<>(Permissions.ALL));
            assertThat(core.admins().roles().get(Admins.FULL_ADMINISTRATOR)).isEqualTo(Set.copyOf(Permissions.ALL));
        }
    }

    @Test
    void theConstantsAreDistinct() {
        assertThat(Set.copyOf(Permissions.ALL)).hasSize(Permissions.ALL.size());
    }
}
