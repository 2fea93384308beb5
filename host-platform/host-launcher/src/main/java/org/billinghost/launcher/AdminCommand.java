package org.billinghost.launcher;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code billing-host admin reset-password|unlock USER}: runs the host core's {@code AdminCommands} on the configured
 * database, outside the framework, with the distribution's own jars (host core, its API, HikariCP, SLF4J and the JDBC
 * drivers) on a class loader of their own, so that the launcher stays free of them.
 */
final class AdminCommand {
    static final String RESET_PASSWORD = "reset-password";
    static final String UNLOCK = "unlock";
    private static final String PASSWORD_FILE = "--password-file";
    private static final Set<String> DATABASE_FLAGS = Set.of("--data", "--db-url", "--db-user", "--db-password-file");
    /** The jars AdminCommands needs, by Maven artifact id. */
    private static final List<String> ARTIFACTS = List.of("host-api", "host-core", "HikariCP", "slf4j-api", "h2",
            "postgresql", "mariadb-java-client");
    private static final String ENTRY = "org.billinghost.core.internal.security.AdminCommands";
    private static final int MAX_PASSWORD_CHARS = 200;

    private final String command;
    private final String username;
    private final LauncherOptions database;
    private final Path passwordFile;

    private AdminCommand(String command, String username, LauncherOptions database, Path passwordFile) {
        this.command = command;
        this.username = username;
        this.database = database;
        this.passwordFile = passwordFile;
    }

    /** Parses what follows {@code admin}; only the database flags (and a password file for a reset) are accepted. */
    static AdminCommand parse(List<String> args) throws StartupException {
        if (args.size() < 2 || !List.of(RESET_PASSWORD, UNLOCK).contains(args.get(0)) || args.get(1).startsWith("--")) {
            throw new StartupException("Usage: billing-host admin reset-password|unlock USER [options] (see --help).");
        }
        List<String> databaseArgs = new ArrayList<>();
        Path passwordFile = null;
        for (int i = 2; i < args.size(); i += 2) {
            String flag = args.get(i);
            boolean passwordFlag = PASSWORD_FILE.equals(flag) && RESET_PASSWORD.equals(args.get(0));
            if (!passwordFlag && !DATABASE_FLAGS.contains(flag)) {
                throw new StartupException("Option " + flag + " does not apply to admin " + args.get(0)
                        + " (see --help).");
            }
            if (i + 1 >= args.size()) {
                throw new StartupException("Option " + flag + " needs a value (see --help).");
            }
            if (passwordFlag) {
                passwordFile = Path.of(args.get(i + 1)).toAbsolutePath().normalize();
            } else {
                databaseArgs.addAll(List.of(flag, args.get(i + 1)));
            }
        }
        return new AdminCommand(args.get(0), args.get(1), LauncherOptions.parse(databaseArgs), passwordFile);
    }

    /** Carries the command out and answers the sentence to print. */
    String run(Distribution distribution) throws StartupException {
        Map<String, String> settings = Map.of(
                "billing.data.dir", database.dataDir().toString(),
                "billing.db.url", database.dbUrl(),
                "billing.db.user", database.dbUser(),
                "billing.db.password.file", database.dbPasswordFile() == null ? "" : database.dbPasswordFile().toString());
        String password = passwordFile == null ? "" : readPassword(passwordFile);
        // HikariCP logs through SLF4J; a command-line tool prints its one sentence and nothing else
        System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(jars(distribution), ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(loader);
            Method run = loader.loadClass(ENTRY).getMethod("run", Map.class, String.class, String.class, String.class);
            return (String) run.invoke(null, settings, command, username, password);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalStateException) {
                throw new StartupException(cause.getMessage(), cause);
            }
            throw new StartupException("The admin command failed: " + cause, cause);
        } catch (ReflectiveOperationException | IOException e) {
            throw new StartupException("The distribution's host core cannot run admin commands (" + e + "); "
                    + "rebuild the distribution.", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String readPassword(Path file) throws StartupException {
        try {
            String password = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
            if (password.isEmpty() || password.length() > MAX_PASSWORD_CHARS) {
                throw new StartupException("The first line of " + file + " must hold a password of 1 to "
                        + MAX_PASSWORD_CHARS + " characters.");
            }
            return password;
        } catch (IOException e) {
            throw new StartupException("Cannot read the password file " + file + ".", e);
        }
    }

    private static URL[] jars(Distribution distribution) throws StartupException {
        List<URL> urls = new ArrayList<>();
        for (Path jar : distribution.systemBundles()) {
            String name = jar.getFileName().toString();
            if (ARTIFACTS.stream().anyMatch(a -> name.startsWith(a + "-") && Character.isDigit(name.charAt(a.length() + 1)))) {
                try {
                    urls.add(jar.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new StartupException("Bundle " + jar + " cannot be loaded.", e);
                }
            }
        }
        if (urls.size() != ARTIFACTS.size()) {
            throw new StartupException("The distribution lacks jars the admin commands need (" + ARTIFACTS
                    + "); rebuild the distribution.");
        }
        return urls.toArray(URL[]::new);
    }
}
