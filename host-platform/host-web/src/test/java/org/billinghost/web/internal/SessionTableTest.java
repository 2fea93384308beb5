package org.billinghost.web.internal;

import org.billinghost.core.testkit.AllDatabases;
import org.billinghost.core.testkit.CoreAssembly;

import static org.assertj.core.api.Assertions.assertThat;

/** The session table's SQL on H2, PostgreSQL and MariaDB. */
class SessionTableTest {

    @AllDatabases.Test
    void storesFindsTouchesFlashesAndDeletesSessions(CoreAssembly core) {
        SessionTable table = new SessionTable(core.moduleDatabase());
        String hash = SessionStore.hash(Tokens.random());
        table.insert(hash, SessionStore.ADMIN, 7, "token-1", null, 1_000, null, 0);
        assertThat(table.find(hash)).hasValue(new SessionTable.Row(SessionStore.ADMIN, 7, "token-1", null, 1_000, 1_000,
                null, 0));

        String longText = "x".repeat(SessionTable.MAX_FLASH + 10);
        table.flash(hash, Notice.error(longText));
        table.touch(hash, 5_000);
        SessionTable.Row row = table.find(hash).orElseThrow();
        assertThat(row.flash()).isEqualTo(Notice.error("x".repeat(SessionTable.MAX_FLASH - 1) + "…"));
        assertThat(row.lastAccess()).isEqualTo(5_000);
        table.flash(hash, null);
        assertThat(table.find(hash).orElseThrow().flash()).isNull();

        String idle = SessionStore.hash(Tokens.random());
        table.insert(idle, SessionStore.CLIENT, 8, "token-2", Notice.ok("Welcome."), 2_000, null, 0);
        assertThat(table.deleteExpired(3_000, 0)).isEqualTo(1);
        assertThat(table.find(idle)).isEmpty();
        assertThat(table.deleteExpired(0, 1_001)).isEqualTo(1);
        assertThat(table.find(hash)).isEmpty();

        String loggedOut = SessionStore.hash(Tokens.random());
        table.insert(loggedOut, SessionStore.CLIENT, 9, "token-3", null, 9_000, null, 0);
        table.delete(loggedOut);
        assertThat(table.find(loggedOut)).isEmpty();
    }

    @AllDatabases.Test
    void findsAndEndsTheClientSessionsAnAdminSessionOpened(CoreAssembly core) {
        SessionTable table = new SessionTable(core.moduleDatabase());
        String admin = SessionStore.hash(Tokens.random());
        table.insert(admin, SessionStore.ADMIN, 3, "token-a", null, 1_000, null, 0);
        String asClient = SessionStore.hash(Tokens.random());
        table.insert(asClient, SessionStore.CLIENT, 11, "token-c", null, 2_000, admin, 3);
        String ownLogin = SessionStore.hash(Tokens.random());
        table.insert(ownLogin, SessionStore.CLIENT, 12, "token-o", null, 2_000, null, 0);

        assertThat(table.find(asClient)).hasValue(new SessionTable.Row(SessionStore.CLIENT, 11, "token-c", null,
                2_000, 2_000, admin, 3));
        assertThat(table.impersonatedBy(admin)).containsExactly(new SessionTable.Opened(asClient, 11));
        assertThat(table.delete(asClient)).isTrue();
        assertThat(table.delete(asClient)).as("ended once").isFalse();
        assertThat(table.find(asClient)).isEmpty();
        assertThat(table.impersonatedBy(admin)).isEmpty();
        assertThat(table.find(ownLogin)).isPresent();
        assertThat(table.find(admin)).isPresent();
    }
}
