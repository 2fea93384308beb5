package org.billinghost.core.internal.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.billinghost.api.platform.ModuleDatabase.Dialect;

/**
 * Where the database is: read once from the launcher's framework properties
 * ({@code billing.db.url}, {@code billing.db.user}, {@code billing.db.password.file},
 * {@code billing.data.dir}).
 */
public record DatabaseSettings(String url, String user, String password) {

    public static final String URL = "billing.db.url";
    public static final String USER = "billing.db.user";
    public static final String PASSWORD_FILE = "billing.db.password.file";
    public static final String DATA_DIR = "billing.data.dir";

    /** {@code password} is never part of {@link #toString()}. */
    @Override
    public String toString() {
        return "DatabaseSettings[url=" + displayUrl() + ", user=" + user + "]";
    }

    /**
     * Reads the settings; an empty URL means the embedded H2 file database {@code <data>/db/billing}.
     *
     * @throws IllegalStateException with one sentence when the password file cannot be read
     */
    public static DatabaseSettings from(UnaryOperator<String> properties) {
        String url = trimmed(properties.apply(URL));
        if (url.isEmpty()) {
            String dataDir = trimmed(properties.apply(DATA_DIR));
            Path dir = Path.of(dataDir.isEmpty() ? "data" : dataDir).toAbsolutePath().resolve("db");
            url = h2File(dir.resolve("billing"));
        }
        String passwordFile = trimmed(properties.apply(PASSWORD_FILE));
        String password = "";
        if (!passwordFile.isEmpty()) {
            try {
                password = Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the database password file " + passwordFile + ": "
                        + e.getClass().getSimpleName());
            }
        }
        return new DatabaseSettings(url, trimmed(properties.apply(USER)), password);
    }

    /**
     * The embedded file database; DB_CLOSE_ON_EXIT off because the host closes the pool itself on stop.
     * WRITE_DELAY=0 writes every commit out at once: H2's default delay (500 ms) lost the last committed
     * orders and job claims when the host was killed (measured by the reliability suite's crash test).
     */
    public static String h2File(Path base) {
        return "jdbc:h2:file:" + base.toAbsolutePath() + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    /** The directory of an H2 file database ({@code jdbc:h2:file:}), else null. */
    public Path h2FileDirectory() {
        String prefix = "jdbc:h2:file:";
        if (!url.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return null;
        }
        int end = url.indexOf(';');
        return Path.of(url.substring(prefix.length(), end < 0 ? url.length() : end)).toAbsolutePath().getParent();
    }

    public Dialect dialect() {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:h2:")) {
            return Dialect.H2;
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return Dialect.POSTGRESQL;
        }
        // jdbc:mysql: is left out on purpose: the MariaDB driver refuses it unless told otherwise
        if (u.startsWith("jdbc:mariadb:")) {
            return Dialect.MARIADB;
        }
        throw new IllegalStateException("Unsupported database URL " + displayUrl()
                + ": use jdbc:h2:, jdbc:postgresql: or jdbc:mariadb:");
    }

    public String driverClassName() {
        return switch (dialect()) {
            case H2 -> "org.h2.Driver";
            case POSTGRESQL -> "org.postgresql.Driver";
            case MARIADB -> "org.mariadb.jdbc.Driver";
        };
    }

    /** The URL with any password parameter masked, fit for messages and logs. */
    public String displayUrl() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String trimmed(String s) {
        return s == null ? "" : s.trim();
    }
}
