package org.billinghost.core.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.billinghost.core.testkit.AllDatabases;
import org.billinghost.core.testkit.TestDatabase;

class JdbcTest {

    private static String name() {
        return "jdbc-" + UUID.randomUUID();
    }

    @AllDatabases.Test
    void nestedCallsJoinTheThreadsTransactionAndRollBackTogether(TestDatabase db) {
        Jdbc jdbc = db.jdbc();
        String a = name();
        String b = name();
        assertThatThrownBy(() -> jdbc.inTransaction(() -> {
            jdbc.update("INSERT INTO settings (name, setting_value) VALUES (?, ?)", a, "1");
            return jdbc.inTransaction(() -> {
                jdbc.update("INSERT INTO settings (name, setting_value) VALUES (?, ?)", b, "2");
                throw new IllegalStateException("refused");
            });
        })).hasMessage("refused");
        assertThat(jdbc.queryLong("SELECT COUNT(*) FROM settings WHERE name IN (?, ?)", a, b)).isZero();
        assertThat(jdbc.inTransaction()).isFalse();
    }

    @AllDatabases.Test
    void afterCommitRunsOnlyAfterTheOutermostCommit(TestDatabase db) {
        Jdbc jdbc = db.jdbc();
        List<String> seen = new ArrayList<>();
        String name = name();
        jdbc.inTransaction(() -> {
            jdbc.inTransaction(() -> {
                jdbc.update("INSERT INTO settings (name, setting_value) VALUES (?, ?)", name, "v");
                jdbc.afterCommit(() -> seen.add("after"));
                return null;
            });
            seen.add("still inside");
            return null;
        });
        assertThat(seen).containsExactly("still inside", "after");

        List<String> rolledBack = new ArrayList<>();
        assertThatThrownBy(() -> jdbc.inTransaction(() -> {
            jdbc.afterCommit(() -> rolledBack.add("after"));
            throw new IllegalStateException("no");
        }));
        assertThat(rolledBack).isEmpty();
    }

    @AllDatabases.Test
    void beforeCommitRunsLastInsideTheOutermostTransactionAndRollsBackWithIt(TestDatabase db) {
        Jdbc jdbc = db.jdbc();
        List<String> seen = new ArrayList<>();
        String name = name();
        jdbc.inTransaction(() -> jdbc.inTransaction(() -> {
            jdbc.beforeCommit(() -> {
                seen.add("before commit, open: " + jdbc.inTransaction());
                jdbc.update("UPDATE settings SET setting_value = ? WHERE name = ?", "last", name);
                jdbc.beforeCommit(() -> seen.add("added by it"));
            });
            jdbc.update("INSERT INTO settings (name, setting_value) VALUES (?, ?)", name, "first");
            seen.add("work done");
            return null;
        }));
        assertThat(seen).containsExactly("work done", "before commit, open: true", "added by it");
        assertThat(jdbc.queryOne("SELECT setting_value FROM settings WHERE name = ?", rs -> rs.getString(1), name))
                .contains("last");

        String other = name();
        List<String> after = new ArrayList<>();
        assertThatThrownBy(() -> jdbc.inTransaction(() -> {
            jdbc.update("INSERT INTO settings (name, setting_value) VALUES (?, ?)", other, "v");
            jdbc.beforeCommit(() -> {
                throw new IllegalStateException("refused at the end");
            });
            jdbc.afterCommit(() -> after.add("after"));
            return null;
        })).hasMessage("refused at the end");
        assertThat(jdbc.queryLong("SELECT COUNT(*) FROM settings WHERE name = ?", other)).isZero();
        assertThat(after).isEmpty();
    }

    @AllDatabases.Test
    void uniqueViolationsAreRecognisedAndTimestampsRoundTrip(TestDatabase db) {
        Jdbc jdbc = db.jdbc();
        String name = name();
        jdbc.update("INSERT INTO settings (name, setting_value) VALUES (?, ?)", name, "v");
        assertThatThrownBy(() -> jdbc.update("INSERT INTO settings (name, setting_value) VALUES (?, ?)", name, "w"))
                .isInstanceOfSatisfying(DataAccessException.class, e -> assertThat(e.isUniqueViolation()).isTrue())
                .hasMessageContaining("INSERT INTO settings");

        java.time.Instant now = Jdbc.now();
        long id = jdbc.insert("INSERT INTO activity_log (created, message, client_id, username) VALUES (?, ?, ?, ?)",
                now, name, 0L, "t");
        assertThat(jdbc.queryOne("SELECT created FROM activity_log WHERE id = ?", rs -> Jdbc.instant(rs, "created"), id))
                .contains(now);
        assertThat(jdbc.insert("INSERT INTO activity_log (created, message, client_id, username) VALUES (?, ?, ?, ?)",
                now, name, 0L, "t")).isGreaterThan(id);
    }
}
