package org.billinghost.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * The command-line flags of {@code billing-host}, parsed once into an immutable value.
 *
 * @param modulesDir null when {@code --modules} was not given: the distribution's {@code modules/} then serves
 * @param confDir null when {@code --conf} was not given: the distribution's {@code conf/} then serves
 * @param dbPasswordFile null when no password file was given
 * @param partnerApiUrl null unless {@code --partner-api-url} was given
 */
record LauncherOptions(int port, String bind, Path dataDir, Path modulesDir, Path confDir, String dbUrl, String dbUser,
        Path dbPasswordFile, String partnerApiUrl, boolean demo, boolean help, boolean version) {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: billing-host [options]",
            "       billing-host admin reset-password USER [--password-file F] [database options]",
            "       billing-host admin unlock USER [database options]",
            "       billing-host backup FILE [--data DIR]   (online copy of the embedded H2 database)",
            "       (database options: --data, --db-url, --db-user, --db-password-file, as for the host)",
            "  --port N                 HTTP port (default 8080)",
            "  --bind ADDR              address to listen on (default 127.0.0.1)",
            "  --data DIR               data directory: database, logs, bundle cache (default ./data)",
            "  --modules DIR            directory watched for module bundles (default <distribution>/modules)",
            "  --conf DIR               configuration files (*.cfg, logback.xml) (default <distribution>/conf)",
            "  --db-url URL             JDBC URL of a MariaDB or PostgreSQL database (default: H2 file database in DIR/db)",
            "  --db-user U              database user",
            "  --db-password-file F     file whose first line is the database password",
            "  --demo                   demo mode: binds 127.0.0.1, creates demo data, deploys the Partner API sandbox",
            "  --partner-api-url URL    Jetpack Partner API base URL, replacing conf/jetpack.partner.api.cfg's baseUrl",
            "                           (and the sandbox in demo mode), e.g. a sandbox shared by several hosts",
            "  --version                print the version",
            "  --help                   print this help");

    static LauncherOptions parse(List<String> args) throws StartupException {
        int port = 8080;
        String bind = "127.0.0.1";
        Path dataDir = Path.of("data");
        Path modulesDir = null;
        Path confDir = null;
        String dbUrl = "";
        String dbUser = "";
        Path dbPasswordFile = null;
        String partnerApiUrl = null;
        boolean demo = false;
        boolean help = false;
        boolean version = false;
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            switch (flag) {
                case "--demo" -> demo = true;
                case "--help", "-h" -> help = true;
                case "--version" -> version = true;
                case "--port" -> port = parsePort(valueOf(args, ++i, flag));
                case "--bind" -> bind = valueOf(args, ++i, flag);
                case "--data" -> dataDir = Path.of(valueOf(args, ++i, flag));
                case "--modules" -> modulesDir = Path.of(valueOf(args, ++i, flag)).toAbsolutePath().normalize();
                case "--conf" -> confDir = Path.of(valueOf(args, ++i, flag)).toAbsolutePath().normalize();
                case "--db-url" -> dbUrl = valueOf(args, ++i, flag);
                case "--db-user" -> dbUser = valueOf(args, ++i, flag);
                case "--partner-api-url" -> partnerApiUrl = valueOf(args, ++i, flag);
                case "--db-password-file" -> dbPasswordFile = Path.of(valueOf(args, ++i, flag)).toAbsolutePath().normalize();
                default -> throw new StartupException("Unknown option " + flag + " (see --help).");
            }
        }
        if (demo) {
            // the demo credentials are public: never expose them beyond this machine
            bind = "127.0.0.1";
        }
        return new LauncherOptions(port, bind, dataDir.toAbsolutePath().normalize(), modulesDir, confDir, dbUrl, dbUser,
                dbPasswordFile, partnerApiUrl, demo, help, version);
    }

    private static String valueOf(List<String> args, int index, String flag) throws StartupException {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new StartupException("Option " + flag + " needs a value (see --help).");
        }
        return args.get(index);
    }

    private static int parsePort(String value) throws StartupException {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the value the user typed
        }
        throw new StartupException("Port " + value + " is not a number between 1 and 65535.");
    }
}
