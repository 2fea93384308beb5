package org.billinghost.core.internal.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.billinghost.api.platform.ModuleDatabase.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the migration scripts of one owner (the core, or a module bundle) not yet recorded in its schema
 * history, in version order, each in its own transaction (PostgreSQL and H2 roll DDL back too; MariaDB commits
 * DDL at once). A row lock on {@code schema_lock}, held by a second connection, keeps two hosts sharing one
 * database from migrating at the same time. The history keeps a checksum per script: a released script edited
 * afterwards, or a history with versions newer than the scripts, stops the run with one sentence. A new H2 schema
 * is made from the scripts' {@link H2Baseline} when they have one.
 */
public final class MigrationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);

    /** How long a host on H2 waits for another's migration. */
    private static final int H2_MIGRATION_LOCK_WAIT_MILLIS = 300_000;

    private final Database database;
    private final Consumer<String> announce;

    public MigrationRunner(Database database) {
        this(database, line -> { });
    }

    /**
     * @param announce told, before anything is applied, which scripts an upgrade of an existing schema applies
     *                 (the launcher's console shows it)
     */
    public MigrationRunner(Database database, Consumer<String> announce) {
        this.database = database;
        this.announce = announce;
    }

    /**
     * Brings the core's schema up to date and answers the versions applied now; on H2 then realigns the
     * identity counters of every table (see {@link IdentityCounters}).
     *
     * @throws DatabaseUnavailableException naming the migration that failed
     */
    public List<Integer> migrate() {
        MigrationScripts core = MigrationScripts.core();
        if (core.list().isEmpty()) {
            throw new DatabaseUnavailableException("Cannot migrate the database: no migration scripts found in "
                    + MigrationScripts.FOLDER);
        }
        List<Integer> applied = migrate(core);
        if (database.dialect() == Dialect.H2) {
            try (Connection c = database.dataSource().getConnection()) {
                IdentityCounters.realign(c);
            } catch (SQLException e) {
                throw new DatabaseUnavailableException("Cannot realign the identity counters: "
                        + DatabaseUnavailableException.rootMessage(e));
            }
        }
        return applied;
    }

    /**
     * Brings the schema of {@code scripts}' owner up to date and answers the versions applied now.
     *
     * @throws DatabaseUnavailableException with one sentence naming the owner and the script at fault
     */
    public List<Integer> migrate(MigrationScripts scripts) {
        Dialect dialect = database.dialect();
        NavigableMap<Integer, Migration> chosen = chooseVariants(scripts.list(), dialect);
        Map<Integer, String> checksums = checksums(scripts, chosen);
        History history = new History(scripts.owner());
        try (Connection work = database.dataSource().getConnection()) {
            // the usual start: everything applied and checked already, so neither DDL nor the lock is needed
            Map<Integer, String> recorded = history.recordedIfAny(work);
            if (recorded != null && !check(scripts.owner(), chosen, checksums, recorded)) {
                return List.of();
            }
            createBookkeeping(work, dialect);
            try (Connection lock = database.dataSource().getConnection()) {
                lock.setAutoCommit(false);
                try (Statement s = lock.createStatement()) {
                    waitForLock(s, dialect);
                    recorded = history.recorded(work);
                    check(scripts.owner(), chosen, checksums, recorded);
                    announceUpgrade(scripts.owner(), chosen, recorded);
                    List<Integer> now = new ArrayList<>();
                    Optional<H2Baseline> baseline = recorded.isEmpty() && dialect == Dialect.H2
                            ? scripts.h2Baseline().filter(b -> b.covers(checksums)) : Optional.empty();
                    if (baseline.isPresent()) {
                        now.addAll(applyBaseline(work, scripts.owner(), baseline.get(), chosen, checksums, history));
                        recorded = history.recorded(work);
                    }
                    for (Migration m : chosen.values()) {
                        String sum = checksums.get(m.version());
                        if (!recorded.containsKey(m.version())) {
                            apply(work, scripts, m, sum, history, dialect);
                            now.add(m.version());
                        } else if (recorded.get(m.version()) == null) {
                            // a history written before checksums existed: the scripts it ran are these
                            history.recordChecksum(work, m.version(), sum);
                        }
                    }
                    return now;
                } finally {
                    lock.rollback();
                }
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Cannot migrate the database for " + scripts.owner() + ": "
                    + DatabaseUnavailableException.rootMessage(e));
        }
    }

    /** Names the scripts an existing schema is about to get (a new, empty database is just created). */
    private void announceUpgrade(String owner, Map<Integer, Migration> chosen, Map<Integer, String> recorded) {
        if (recorded.isEmpty()) {
            return;
        }
        List<String> pending = chosen.values().stream().filter(m -> !recorded.containsKey(m.version()))
                .map(Migration::fileName).toList();
        if (!pending.isEmpty()) {
            int current = recorded.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
            announce.accept("Upgrading the database schema of " + owner + " from V" + current + ": applying "
                    + String.join(", ", pending));
        }
    }

    /**
     * Takes the row lock. H2 gives up waiting for a lock after a few seconds, less than another host's whole
     * migration may take: there the wait is lengthened for this statement, then the session's own comes back.
     */
    private static void waitForLock(Statement s, Dialect dialect) throws SQLException {
        if (dialect != Dialect.H2) {
            s.executeQuery("SELECT id FROM schema_lock WHERE id = 1 FOR UPDATE").close();
            return;
        }
        String before;
        try (ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                + " WHERE SETTING_NAME = 'LOCK_TIMEOUT'")) {
            before = rs.next() ? rs.getString(1) : null;
        }
        s.execute("SET LOCK_TIMEOUT " + H2_MIGRATION_LOCK_WAIT_MILLIS);
        try {
            s.executeQuery("SELECT id FROM schema_lock WHERE id = 1 FOR UPDATE").close();
        } finally {
            if (before != null && before.chars().allMatch(Character::isDigit)) {
                s.execute("SET LOCK_TIMEOUT " + before);
            }
        }
    }

    /**
     * Refuses a history this code cannot continue (a newer version, an edited script); answers whether work
     * remains (a script not applied yet, or an applied one without its checksum).
     */
    private static boolean check(String owner, Map<Integer, Migration> chosen, Map<Integer, String> checksums,
            Map<Integer, String> recorded) {
        int known = chosen.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        int newest = recorded.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (newest > known) {
            throw new DatabaseUnavailableException("The database has schema version V" + newest + " of " + owner
                    + ", newer than this build knows (V" + known + "): start the newer build or restore a backup");
        }
        boolean remaining = false;
        for (Migration m : chosen.values()) {
            String applied = recorded.get(m.version());
            String current = checksums.get(m.version());
            if (!recorded.containsKey(m.version()) || applied == null) {
                remaining = true;
            } else if (!applied.equals(current)) {
                throw new DatabaseUnavailableException("Migration " + m.fileName() + " of " + owner
                        + " was changed after it was applied (checksum " + applied + ", now " + current
                        + "); restore it or add a new script");
            }
        }
        return remaining;
    }

    /** The script's checksum: SHA-256 of its text with line ends made uniform, so a checkout's CRLF is no change. */
    static String checksum(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(script.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Substitutes the portable type placeholders of a script for {@code dialect}. */
    static String substitute(String sql, Dialect dialect) {
        boolean maria = dialect == Dialect.MARIADB;
        return sql
                .replace("${ID}", maria ? "BIGINT AUTO_INCREMENT PRIMARY KEY" : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
                .replace("${TEXT}", switch (dialect) {
                    case H2 -> "CHARACTER VARYING";
                    case POSTGRESQL -> "TEXT";
                    case MARIADB -> "MEDIUMTEXT";
                })
                .replace("${TIMESTAMP}", maria ? "DATETIME(3)" : "TIMESTAMP(3)")
                // binary collation: comparisons and unique keys are case-sensitive, as on H2 and PostgreSQL
                .replace("${TABLE_OPTIONS}", maria ? "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin" : "");
    }

    /**
     * Splits a script at the semicolons outside quoted strings, quoted identifiers, comments and PostgreSQL
     * dollar-quoted bodies ({@code $$ … $$}, {@code $tag$ … $tag$}); comments are left out.
     */
    static List<String> statements(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '-' && script.startsWith("--", i)) {
                int eol = script.indexOf('\n', i);
                i = eol < 0 ? n : eol;
            } else if (c == '/' && script.startsWith("/*", i)) {
                int close = script.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                current.append(' ');
            } else if (c == '\'' || c == '"' || c == '`') {
                int close = script.indexOf(c, i + 1);
                int stop = close < 0 ? n : close + 1;
                current.append(script, i, stop);
                i = stop;
            } else if (c == '$' && dollarTag(script, i) != null) {
                String tag = dollarTag(script, i);
                int close = script.indexOf(tag, i + tag.length());
                int stop = close < 0 ? n : close + tag.length();
                current.append(script, i, stop);
                i = stop;
            } else if (c == ';') {
                addStatement(result, current);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        addStatement(result, current);
        return result;
    }

    /** The dollar-quote tag starting at {@code i} ({@code $$} or {@code $name$}), or null when there is none. */
    private static String dollarTag(String script, int i) {
        if (i > 0 && (Character.isLetterOrDigit(script.charAt(i - 1)) || script.charAt(i - 1) == '_')) {
            return null;
        }
        int j = i + 1;
        while (j < script.length() && (Character.isLetter(script.charAt(j)) || script.charAt(j) == '_')) {
            j++;
        }
        return j < script.length() && script.charAt(j) == '$' ? script.substring(i, j + 1) : null;
    }

    private static void addStatement(List<String> result, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            result.add(statement);
        }
        current.setLength(0);
    }

    /** Each version's script for {@code dialect}: its variant for the dialect if it has one, else the plain one. */
    static NavigableMap<Integer, Migration> chooseVariants(List<Migration> all, Dialect dialect) {
        String wanted = dialect.name().toLowerCase(Locale.ROOT);
        NavigableMap<Integer, Migration> chosen = new TreeMap<>();
        for (Migration m : all) {
            if (m.dialect() == null) {
                chosen.putIfAbsent(m.version(), m);
            }
        }
        for (Migration m : all) {
            if (wanted.equals(m.dialect())) {
                chosen.put(m.version(), m);
            }
        }
        return chosen;
    }

    /** The checksum of each chosen script, by version. */
    static Map<Integer, String> checksums(MigrationScripts scripts, Map<Integer, Migration> chosen) {
        Map<Integer, String> checksums = new TreeMap<>();
        chosen.forEach((version, m) -> checksums.put(version, checksum(scripts.read(m))));
        return checksums;
    }

    private static void createBookkeeping(Connection c, Dialect dialect) throws SQLException {
        try (Statement s = c.createStatement()) {
            createdMeanwhileIsFine(() -> s.execute(substitute("CREATE TABLE IF NOT EXISTS schema_version (version INT "
                    + "PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_at ${TIMESTAMP} NOT NULL, checksum VARCHAR(64)) "
                    + "${TABLE_OPTIONS}", dialect)));
            // histories written before checksums existed lack the column; the runner fills it in
            createdMeanwhileIsFine(() -> s.execute(
                    "ALTER TABLE schema_version ADD COLUMN IF NOT EXISTS checksum VARCHAR(64)"));
            createdMeanwhileIsFine(() -> s.execute(substitute(
                    "CREATE TABLE IF NOT EXISTS schema_lock (id INT PRIMARY KEY) ${TABLE_OPTIONS}", dialect)));
            createdMeanwhileIsFine(() -> {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM schema_lock")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        s.execute("INSERT INTO schema_lock (id) VALUES (1)");
                    }
                }
                return true;
            });
        }
    }

    @FunctionalInterface
    private interface Step {
        boolean run() throws SQLException;
    }

    /**
     * Runs a step of the bookkeeping set-up that another host may be doing at the same moment: when it
     * wins the race (PostgreSQL reports even CREATE TABLE IF NOT EXISTS as a duplicate then), the table
     * row or column exists, as wanted.
     */
    private static void createdMeanwhileIsFine(Step step) throws SQLException {
        try {
            step.run();
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            // 42710: PostgreSQL's concurrent CREATE TABLE IF NOT EXISTS may trip over the table's row type instead
            if (!state.equals("23505") && !state.equals("42P07") && !state.equals("42701") && !state.equals("42710")
                    && e.getErrorCode() != 1062
                    && e.getErrorCode() != 1060) {
                throw e;
            }
        }
    }

    private static void apply(Connection c, MigrationScripts scripts, Migration m, String checksum, History history,
            Dialect dialect) throws SQLException {
        String script = substitute(scripts.read(m), dialect);
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String sql : statements(script)) {
                s.execute(sql);
            }
            history.record(c, m, checksum);
            c.commit();
            LOG.info("Applied migration owner={} migration={}", scripts.owner(), m.label());
        } catch (SQLException e) {
            c.rollback();
            throw new DatabaseUnavailableException("Cannot migrate the database: " + m.fileName() + " of "
                    + scripts.owner() + " failed: " + DatabaseUnavailableException.rootMessage(e));
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * Makes a new H2 schema from the baseline in one go instead of script by script (the scripts' ALTER TABLEs
     * each copy their table on H2), and records the scripts it stands for as applied.
     */
    private static List<Integer> applyBaseline(Connection c, String owner, H2Baseline baseline,
            NavigableMap<Integer, Migration> chosen, Map<Integer, String> checksums, History history)
            throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String sql : statements(baseline.script())) {
                s.execute(sql);
            }
            List<Integer> covered = new ArrayList<>();
            for (Migration m : chosen.headMap(baseline.version(), true).values()) {
                history.record(c, m, checksums.get(m.version()));
                covered.add(m.version());
            }
            c.commit();
            LOG.info("Applied baseline owner={} migrations={} upTo={}", owner, covered.size(),
                    chosen.get(baseline.version()).label());
            return covered;
        } catch (SQLException e) {
            c.rollback();
            throw new DatabaseUnavailableException("Cannot migrate the database: the baseline of " + owner
                    + " failed: " + DatabaseUnavailableException.rootMessage(e));
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * The schema history of one owner: the core's in {@code schema_version} (as before modules had scripts), a
     * module bundle's in {@code module_schema_version} under its symbolic name (made by the core's V160).
     */
    private record History(String owner) {

        boolean core() {
            return owner.equals(MigrationScripts.CORE);
        }

        /** Version to checksum (null when recorded before checksums), or null when the history cannot be read yet. */
        Map<Integer, String> recordedIfAny(Connection c) {
            try {
                return recorded(c);
            } catch (SQLException e) {
                return null;
            }
        }

        Map<Integer, String> recorded(Connection c) throws SQLException {
            Map<Integer, String> rows = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(core()
                    ? "SELECT version, checksum FROM schema_version"
                    : "SELECT version, checksum FROM module_schema_version WHERE bundle = ?")) {
                if (!core()) {
                    ps.setString(1, owner);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.put(rs.getInt(1), rs.getString(2));
                    }
                }
            }
            return rows;
        }

        void record(Connection c, Migration m, String checksum) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(core()
                    ? "INSERT INTO schema_version (version, name, applied_at, checksum) VALUES (?, ?, ?, ?)"
                    : "INSERT INTO module_schema_version (version, name, applied_at, checksum, bundle) "
                            + "VALUES (?, ?, ?, ?, ?)")) {
                ps.setInt(1, m.version());
                ps.setString(2, m.name());
                ps.setObject(3, LocalDateTime.ofInstant(Jdbc.now(), ZoneOffset.UTC));
                ps.setString(4, checksum);
                if (!core()) {
                    ps.setString(5, owner);
                }
                ps.executeUpdate();
            }
        }

        void recordChecksum(Connection c, int version, String checksum) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(core()
                    ? "UPDATE schema_version SET checksum = ? WHERE version = ?"
                    : "UPDATE module_schema_version SET checksum = ? WHERE version = ? AND bundle = ?")) {
                ps.setString(1, checksum);
                ps.setInt(2, version);
                if (!core()) {
                    ps.setString(3, owner);
                }
                ps.executeUpdate();
            }
        }
    }
}
