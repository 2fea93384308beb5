package org.billinghost.core.internal.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets H2's identity counters at or above their tables' largest id, at every start. H2 hands out the values of an
 * identity's freshly cached range (32) before the range reaches the file, so concurrent inserts can commit rows
 * with them first; after a SIGKILL such a counter came back behind the stored rows and inserts failed on the
 * primary key. A counter lags only after a restart, so realigning before the first insert ends the collisions.
 * Declaring the identities NO CACHE also ends them, but stores the file once per identity value: AddOrder then
 * ran at about half its throughput.
 */
final class IdentityCounters {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityCounters.class);

    private record Identity(String table, String column, long next) {
    }

    private IdentityCounters() {
    }

    /** Moves every identity counter of the current schema that is not above its column's largest value. */
    static void realign(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            List<Identity> identities = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name, column_name, identity_base FROM "
                    + "information_schema.columns WHERE table_schema = CURRENT_SCHEMA AND is_identity = 'YES'")) {
                while (rs.next()) {
                    identities.add(new Identity(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
            for (Identity identity : identities) {
                String table = quoted(identity.table());
                String column = quoted(identity.column());
                long largest;
                try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(" + column + "), 0) FROM " + table)) {
                    rs.next();
                    largest = rs.getLong(1);
                }
                if (largest >= identity.next()) {
                    s.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " RESTART WITH " + (largest + 1));
                    LOG.info("Identity counter realigned after an unclean stop: table={} from={} to={}",
                            identity.table(), identity.next(), largest + 1);
                }
            }
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
