package org.billinghost.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * {@code billing-host backup FILE}: an online, consistent copy of the embedded H2 database (H2's {@code BACKUP TO},
 * a zip holding {@code billing.mv.db}). A running host holds the database file, so it is the running launcher that
 * takes the copy, asked through a Unix domain socket in the data directory ({@code run/control.sock}, private to
 * the user like the rest of the data directory); with the host stopped the command opens the database itself.
 */
final class Backup {
    private static final String SOCKET = "control.sock";
    private static final String MODULE_DATABASE = "(objectClass=org.billinghost.api.platform.ModuleDatabase)";
    private static final int MAX_REQUEST_CHARS = 4096;

    private Backup() {
    }

    static Path socket(Path dataDir) {
        return dataDir.resolve("run").resolve(SOCKET);
    }

    /** Takes the backup into {@code file} (which must not exist yet) and answers the sentence to print. */
    static String take(LauncherOptions options, Path file, Distribution distribution) throws StartupException {
        if (!options.dbUrl().isEmpty()) {
            throw new StartupException("billing-host backup copies the embedded H2 database only; back up "
                    + "PostgreSQL or MariaDB with their own tools (see docs/operating.md).");
        }
        Path target = file.toAbsolutePath().normalize();
        checkTarget(target);
        Path socket = socket(options.dataDir());
        if (Files.exists(socket)) {
            try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                OutputStream out = Channels.newOutputStream(channel);
                out.write(("backup " + target + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                String answer = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                        StandardCharsets.UTF_8)).readLine();
                if (answer == null || !answer.startsWith("ok")) {
                    throw new StartupException(answer == null ? "The running host did not answer." : answer.substring(
                            answer.indexOf(' ') + 1));
                }
                return "Backed up the running host's database to " + target + ".";
            } catch (IOException e) {
                // a socket left by a host that was killed: nobody listens, the database is free
            }
        }
        Path db = options.dataDir().resolve("db");
        if (!Files.isRegularFile(db.resolve("billing.mv.db"))) {
            throw new StartupException("There is no database in " + db + " (check --data).");
        }
        try (Connection connection = openStopped(db, distribution)) {
            backUp(connection, target);
        } catch (SQLException e) {
            throw new StartupException("Cannot back up the database in " + db + ": " + firstLine(e), e);
        }
        return "Backed up the database in " + db + " to " + target + ".";
    }

    /**
     * Answers backup requests of {@code billing-host backup} while the host runs on H2: one request per connection,
     * one line each way. Runs on a daemon thread until the process ends.
     */
    static void serve(BundleContext context, Path dataDir) throws StartupException {
        Path socket = socket(dataDir);
        ServerSocketChannel server;
        try {
            Files.createDirectories(socket.getParent());
            Files.deleteIfExists(socket); // left by a killed host
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new StartupException("Cannot open the control socket " + socket + ".", e);
        }
        Thread thread = new Thread(() -> {
            while (server.isOpen()) {
                try (SocketChannel client = server.accept()) {
                    answer(context, client);
                } catch (IOException e) {
                    // the client went away; the next one is served
                }
            }
        }, "billing-host-control");
        thread.setDaemon(true);
        thread.start();
    }

    private static void answer(BundleContext context, SocketChannel client) throws IOException {
        String request = new BufferedReader(new InputStreamReader(Channels.newInputStream(client),
                StandardCharsets.UTF_8), MAX_REQUEST_CHARS).readLine();
        String reply;
        if (request == null || !request.startsWith("backup /") || request.length() > MAX_REQUEST_CHARS) {
            reply = "error The request was not understood.";
        } else {
            try {
                Path target = Path.of(request.substring("backup ".length()));
                checkTarget(target);
                try (Connection connection = runningDataSource(context).getConnection()) {
                    backUp(connection, target);
                }
                reply = "ok";
            } catch (StartupException e) {
                reply = "error " + e.getMessage();
            } catch (SQLException e) {
                reply = "error Cannot back up the database: " + firstLine(e);
            }
        }
        OutputStream out = Channels.newOutputStream(client);
        out.write((reply + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void checkTarget(Path target) throws StartupException {
        if (Files.exists(target)) {
            throw new StartupException(target + " exists already; choose a new file name.");
        }
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new StartupException("The folder of " + target + " does not exist.");
        }
    }

    private static void backUp(Connection connection, Path target) throws SQLException {
        try (PreparedStatement backup = connection.prepareStatement("BACKUP TO ?")) {
            backup.setString(1, target.toString());
            backup.execute();
        }
    }

    /** The host core's pool, through its ModuleDatabase service (read reflectively: the launcher cannot load the type). */
    private static DataSource runningDataSource(BundleContext context) throws StartupException {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(null, MODULE_DATABASE);
            if (refs == null) {
                throw new StartupException("The host's database is not open (yet).");
            }
            Object database = context.getService(refs[0]);
            try {
                return (DataSource) database.getClass().getMethod("dataSource").invoke(database);
            } finally {
                context.ungetService(refs[0]);
            }
        } catch (InvalidSyntaxException | ReflectiveOperationException e) {
            throw new StartupException("The host's database cannot be reached for a backup.", e);
        }
    }

    /** The stopped host's H2 database, with the distribution's H2 driver; never creates a database. */
    private static Connection openStopped(Path db, Distribution distribution) throws StartupException, SQLException {
        Path h2 = distribution.systemBundles().stream().filter(jar -> jar.getFileName().toString().startsWith("h2-"))
                .findFirst().orElseThrow(() -> new StartupException("The distribution has no H2 driver; rebuild it."));
        try {
            URLClassLoader loader = new URLClassLoader(new URL[] {h2.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Driver driver = (Driver) loader.loadClass("org.h2.Driver").getDeclaredConstructor().newInstance();
            Connection connection = driver.connect("jdbc:h2:file:" + db.resolve("billing") + ";IFEXISTS=TRUE", new Properties());
            if (connection == null) {
                throw new StartupException("The H2 driver refused the database in " + db + ".");
            }
            return connection;
        } catch (IOException | ReflectiveOperationException e) {
            throw new StartupException("The distribution's H2 driver cannot be loaded; rebuild it.", e);
        }
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }
}
