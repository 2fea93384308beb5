package org.billinghost.core.internal.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.billinghost.api.platform.ModuleDatabase.Dialect;

/**
 * The schema and rows an owner's migration scripts leave in a new H2 database, as one script that the build makes
 * by applying them ({@link #main}) and H2's {@code SCRIPT} command. A new H2 database is made from it in one go:
 * H2 carries out each {@code ALTER TABLE … ADD COLUMN} of the scripts by copying the table, which made applying
 * them one by one the largest part of a first start. Its first line names the newest script it stands for and
 * a digest of the checksums of every script up to it; when these are not the scripts at hand (a script edited
 * without a new build), the runner applies the scripts instead.
 */
record H2Baseline(int version, String digest, String script) {

    /** Where a baseline lies, relative to its scripts' folder. */
    static final String FILE = "baseline/h2.sql";

    private static final String MARK = "-- H2 baseline of the migration scripts up to ";
    private static final Pattern FIRST_LINE = Pattern.compile(Pattern.quote(MARK) + "V(\\d+), digest ([0-9a-f]{64})");

    /** The baseline in {@code text}, or empty when its first line is not a baseline's. */
    static Optional<H2Baseline> parse(String text) {
        int eol = text.indexOf('\n');
        Matcher m = FIRST_LINE.matcher(eol < 0 ? text : text.substring(0, eol));
        return m.matches() ? Optional.of(new H2Baseline(Integer.parseInt(m.group(1)), m.group(2), text))
                : Optional.empty();
    }

    /** Whether this baseline was made from exactly these scripts, up to its version. */
    boolean covers(Map<Integer, String> checksums) {
        return checksums.containsKey(version) && digest.equals(digest(checksums, version));
    }

    /** SHA-256 over the version and checksum of every script up to {@code upTo}. */
    static String digest(Map<Integer, String> checksums, int upTo) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            checksums.forEach((version, checksum) -> {
                if (version <= upTo) {
                    sha.update(("V" + version + ":" + checksum + "\n").getBytes(StandardCharsets.UTF_8));
                }
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /**
     * Applies {@code scripts} one by one to a new H2 database and answers the baseline of what they made: every
     * table, index, constraint and row but the runner's own bookkeeping and H2's user.
     */
    static String make(Database database, MigrationScripts scripts) throws SQLException {
        List<Integer> applied = new MigrationRunner(database).migrate(scripts.withoutBaseline());
        if (applied.isEmpty()) {
            throw new IllegalStateException("No migration scripts of " + scripts.owner() + " to make a baseline of");
        }
        int version = applied.get(applied.size() - 1);
        Map<Integer, String> checksums = MigrationRunner.checksums(scripts,
                MigrationRunner.chooseVariants(scripts.list(), Dialect.H2));
        StringBuilder out = new StringBuilder(MARK + "V" + version + ", digest " + digest(checksums, version) + "\n"
                + "-- made by the build from the scripts (H2Baseline): do not edit\n");
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SCRIPT NOPASSWORDS NOSETTINGS")) {
            while (rs.next()) {
                String sql = rs.getString(1).strip();
                if (!sql.startsWith("--") && !sql.startsWith("CREATE USER") && !sql.contains("\"SCHEMA_VERSION\"")
                        && !sql.contains("\"SCHEMA_LOCK\"")) {
                    out.append(sql.endsWith(";") ? sql : sql + ";").append('\n');
                }
            }
        }
        return out.toString();
    }

    /**
     * Run by the build (host-core's pom) after compiling: writes the core's baseline to the file {@code args[0]}
     * in the classes folder, made in a scratch H2 file database as the host's.
     */
    public static void main(String[] args) throws IOException, SQLException {
        Path target = Path.of(args[0]);
        Path scratch = Files.createTempDirectory("h2-baseline");
        try {
            String text;
            try (Database database = Database.open(new DatabaseSettings(
                    DatabaseSettings.h2File(scratch.resolve("billing")), "", ""))) {
                text = make(database, MigrationScripts.core());
            }
            Files.createDirectories(target.getParent());
            Path written = Files.writeString(target.resolveSibling(target.getFileName() + ".tmp"), text);
            Files.move(written, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
