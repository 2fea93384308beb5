package org.billinghost.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.billinghost.core.internal.db.Database;
import org.billinghost.core.internal.db.DatabaseSettings;
import org.billinghost.core.internal.db.MigrationRunner;
import org.billinghost.core.internal.db.MigrationScripts;
import org.billinghost.testsupport.AdminSession;
import org.billinghost.testsupport.ApiClient;
import org.billinghost.testsupport.ExternalDatabase;
import org.billinghost.testsupport.HostProcess;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upgrade as docs/upgrading.md walks through it: the distribution archive of this build unpacked into a fresh
 * folder, started with {@code --data}, {@code --conf} and {@code --modules} outside it on a database of the
 * previous release's schema; then unpacked again (the next upgrade) onto the same folders; and a distribution
 * whose migrations end earlier refused on the migrated database.
 */
class UpgradeIT {
    /**
     * The schema 1.0.0 shipped: its migrations ended at V121 (commit 342476f, the last of the CHANGELOG's 1.0.0
     * section). No 1.0.0 artifact is at hand offline, so the older database is made by this build's own V001–V121,
     * unchanged since (their checksums would refuse the start otherwise).
     */
    private static final int SCHEMA_OF_1_0_0 = 121;
    private static final String CORE = "org.billinghost.host-core";
    private static final Pattern SCRIPT =
            Pattern.compile("db/migration/(V(\\d+)__[A-Za-z0-9_]+(?:\\.(h2|postgresql|mariadb))?\\.sql)");
    private static final String UPGRADING = "Upgrading the database schema of ";
    private static final String READY_LINE = "Billing host ready at ";
    private static final String API_IDENTIFIER = "kept-across-upgrades";
    private static final String API_SECRET = "a-secret-made-by-1.0.0";
    private static final String ADMIN_PASSWORD = "an-admin-password-of-1.0.0";
    /** 1.0.0's hash format (PBKDF2-SHA256, the count stored with it) of {@link #ADMIN_PASSWORD}. */
    private static final String ADMIN_HASH_OF_1_0_0 =
            "pbkdf2-sha256$10000$djC6tQXpLZ6INwOYO7dWww$mKxyOVlXpneFhe0F8i5ASQ9k7SjIYl35//ZJ+XRHjUQ";
    /** The same of the client's password {@code a-client-password}. */
    private static final String CLIENT_HASH_OF_1_0_0 =
            "pbkdf2-sha256$10000$B7AC0AP0v3ImfqcZpjucbQ$kVNTi1oh4kUHXhR4BgwRL/0gsE6er/KyzMLIlwZJy8Q";
    private static final String METRICS_TOKEN = "a-token-set-in-etc";
    /** When the 1.0.0 rows were written: their dates and the order number come from it. */
    private static final Instant WRITTEN = Instant.parse("2026-11-20T15:30:00Z");
    private static final BigDecimal PRICE = new BigDecimal("9.95");

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void anOlderH2DataDirectoryIsMigratedAndConfAndModulesFromOutsideAreKept() throws Exception {
        Path data = work.resolve("data");
        upgrade(new Target("h2", DatabaseSettings.h2File(data.resolve("db/billing")), "", false), data);
    }

    @Test
    void anOlderPostgresqlDatabaseIsMigratedAlike() throws Exception {
        upgradeOn(ExternalDatabase.Kind.POSTGRESQL);
    }

    @Test
    void anOlderMariadbDatabaseIsMigratedAlike() throws Exception {
        upgradeOn(ExternalDatabase.Kind.MARIADB);
    }

    private void upgradeOn(ExternalDatabase.Kind kind) throws Exception {
        ExternalDatabase db = ExternalDatabase.open(kind);
        // with CI=true open() fails instead of answering null
        Assumptions.assumeTrue(db != null, kind + " server absent");
        try (db) {
            upgrade(new Target(db.label(), db.url(), db.user(), true), work.resolve("data"));
        }
    }

    private void upgrade(Target target, Path data) throws Exception {
        // the layout of docs/upgrading.md: copies of the shipped conf/ and modules/ outside the distribution
        Path first = unpack("opt-first");
        Path etc = copyOf(first.resolve("conf"), "etc/billing-host");
        Path modules = copyOf(first.resolve("modules"), "var/lib/billing-host/modules");
        Files.copy(Path.of(System.getProperty("test.modules.jar")), modules.resolve("third-party-testmodule.jar"));
        Files.writeString(etc.resolve("org.billinghost.metrics.cfg"), "bearerTokenSha256=" + sha256(METRICS_TOKEN) + "\n");
        Kept kept = createOlderDatabase(target, hostCoreJar(first));

        List<String> pending = scripts(hostCoreJar(first), target.dialect()).tailMap(SCHEMA_OF_1_0_0 + 1).values()
                .stream().toList();
        assertThat(pending).first().isEqualTo("V130__orders_idempotency_key.sql");
        try (HostProcess host = start(target, data, first, etc, modules)) {
            List<String> lines = host.output().lines().toList();
            int announced = lines.indexOf(UPGRADING + CORE + " from V" + SCHEMA_OF_1_0_0 + ": applying "
                    + String.join(", ", pending));
            assertThat(announced).as("the migrations announced in\n" + host.output()).isNotNegative();
            assertThat(announced).as("announced before the ready line").isLessThan(readyLine(lines));
            assertThat(host.output()).doesNotContain("Initial admin password");
            assertThat(lines.get(readyLine(lines))).contains(" data " + data + ", conf " + etc + ", modules "
                    + modules + ", log ");
            assertKept(host, kept, "Active");

            // the third-party module from the outside folder runs the command on the service 1.0.0 sold
            ApiClient api = new ApiClient(host.baseUrl(), API_IDENTIFIER, API_SECRET);
            api.call("ModuleSuspend", Map.of("serviceid", kept.serviceId()));
            assertThat(api.serviceStatus(kept.serviceId())).isEqualTo("Suspended");
            assertThat(host.stop()).isZero();
        }
        try (Connection c = target.connect()) {
            assertThat(queryLong(c, "SELECT COUNT(*) FROM schema_version WHERE checksum IS NULL"))
                    .as("1.0.0's history got its checksums").isZero();
            try (PreparedStatement s = c.prepareStatement("SELECT password_hash FROM admins WHERE username = 'admin'");
                 ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as("1.0.0's hash replaced at the admin's login").startsWith("$argon2id$");
            }
        }

        Path second = unpack("opt-second");
        try (HostProcess host = start(target, data, second, etc, modules)) {
            assertThat(host.output()).doesNotContain(UPGRADING);
            assertThat(host.output()).contains(", conf " + etc + ", modules " + modules + ", ");
            assertKept(host, kept, "Suspended");
            assertThat(host.stop()).isZero();
        }

        refusedByAnOlderDistribution(target, data, etc, modules);
    }

    /** A build whose migrations end one version earlier: refused before it changes anything. */
    private void refusedByAnOlderDistribution(Target target, Path data, Path etc, Path modules) throws Exception {
        Path older = unpack("opt-older");
        List<Integer> versions = new ArrayList<>(scripts(hostCoreJar(older), target.dialect()).keySet());
        int newest = versions.get(versions.size() - 1);
        int before = versions.get(versions.size() - 2);
        withoutMigration(hostCoreJar(older), newest);
        long recorded;
        try (Connection c = target.connect()) {
            recorded = queryLong(c, "SELECT COUNT(*) FROM schema_version");
        }

        List<String> command = new ArrayList<>(List.of(older.resolve("bin/billing-host").toString(),
                "--port", String.valueOf(HostProcess.freePort()), "--data", data.toString(),
                "--conf", etc.toString(), "--modules", modules.toString()));
        if (target.external()) {
            command.addAll(List.of("--db-url", target.url(), "--db-user", target.user()));
        }
        Path output = work.resolve("older-output.txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the older distribution did not exit: " + Files.readString(output));
        }
        assertThat(process.exitValue()).as(Files.readString(output)).isEqualTo(1);
        assertThat(Files.readString(output)).contains("The database has schema version V" + newest + " of " + CORE
                + ", newer than this build knows (V" + before + "): start the newer build or restore a backup");
        try (Connection c = target.connect()) {
            assertThat(queryLong(c, "SELECT COUNT(*) FROM schema_version")).isEqualTo(recorded);
            assertThat(queryLong(c, "SELECT MAX(version) FROM schema_version")).isEqualTo(newest);
        }
    }

    /** The 1.0.0 rows, as read through this build: API, admin area, and the settings and modules from outside. */
    private void assertKept(HostProcess host, Kept kept, String serviceStatus) throws Exception {
        HttpResponse<String> ready = get(host, "health/ready", null);
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);

        ApiClient api = new ApiClient(host.baseUrl(), API_IDENTIFIER, API_SECRET);
        assertThat(api.call("GetClientsDetails", Map.of("clientid", kept.clientId())).path("email").asText())
                .isEqualTo("olga.older@example.com");
        JsonNode service = api.service(kept.serviceId());
        assertThat(List.of(service.path("name").asText(), service.path("domain").asText(),
                service.path("status").asText(), service.path("billingcycle").asText(),
                service.path("regdate").asText(), service.path("nextduedate").asText())).as(service.toString())
                // a recurring product of 1.0.0 was billed monthly (V170), and is not invoiced again until an admin
                // sets its next due date; the day is the one it was written on
                .containsExactly("Old Plan", "old.example.com", serviceStatus, "Monthly", "2026-11-20", "0000-00-00");
        JsonNode order = api.call("GetOrders", Map.of("id", kept.orderId())).path("orders").path("order").get(0);
        // V210 numbers the orders of before from their id
        assertThat(order.path("ordernum").asText())
                .isEqualTo(String.valueOf(1_000_000_000L + Math.floorMod(kept.orderId() * 982_451_653L, 9_000_000_000L)));
        assertThat(api.call("GetInvoice", Map.of("invoiceid", kept.invoiceId())).path("status").asText())
                .isEqualTo("Paid");

        AdminSession admin = AdminSession.login(host, "admin", ADMIN_PASSWORD);
        assertThat(admin.get("admin/clientssummary?id=" + kept.clientId()).body()).contains("olga.older@example.com");

        // the setting in the outside conf/ is in force
        assertThat(get(host, "metrics", METRICS_TOKEN).statusCode()).isEqualTo(200);
        assertThat(get(host, "metrics", null).statusCode()).isEqualTo(401);
    }

    /**
     * The previous release's database: this build's migrations up to {@value #SCHEMA_OF_1_0_0}, taken from the
     * unpacked distribution and applied by the runner, with the history as 1.0.0's runner kept it, and rows as
     * that schema takes them: an admin with an API credential, a product of a module, a client, and a paid order
     * with its invoice, payment and active service.
     */
    private Kept createOlderDatabase(Target target, Path hostCoreJar) throws Exception {
        Path root = work.resolve("scripts-1.0.0");
        Path folder = Files.createDirectories(root.resolve("db/migration"));
        try (JarFile jar = new JarFile(hostCoreJar.toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                Matcher m = SCRIPT.matcher(entry.getName());
                if (m.matches() && Integer.parseInt(m.group(2)) <= SCHEMA_OF_1_0_0) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, folder.resolve(m.group(1)));
                    }
                }
            }
        }
        // no parent loader: the scripts of the folder alone
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
             Database db = Database.open(new DatabaseSettings(target.url(), target.user(), ""))) {
            List<Integer> applied = new MigrationRunner(db).migrate(MigrationScripts.onClassPath(CORE, loader,
                    "db/migration"));
            assertThat(applied).last().isEqualTo(SCHEMA_OF_1_0_0);
        }

        LocalDateTime at = LocalDateTime.ofInstant(WRITTEN, ZoneOffset.UTC);
        long ms = WRITTEN.toEpochMilli();
        try (Connection c = target.connect()) {
            try (Statement s = c.createStatement()) {
                // 1.0.0's runner kept no checksums: this build's adds the column and fills it in
                s.execute("ALTER TABLE schema_version DROP COLUMN checksum");
            }
            long adminId = insert(c, "INSERT INTO admins (username, email, password_hash, role, disabled, created) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", "admin", "admin@example.com", ADMIN_HASH_OF_1_0_0,
                    "Full Administrator", false, at);
            insert(c, "INSERT INTO api_credentials (identifier, secret_hash, admin_id, description, allowed_actions, "
                    + "created) VALUES (?, ?, ?, ?, ?, ?)", API_IDENTIFIER, sha256(API_SECRET), adminId, "", "", at);
            long groupId = insert(c, "INSERT INTO product_groups (name, hidden, created) VALUES (?, ?, ?)",
                    "Hosting", false, at);
            long productId = insert(c, "INSERT INTO products (group_id, name, description, product_type, hidden, "
                    + "pay_type, price, module, auto_setup, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    groupId, "Old Plan", "", "other", false, "recurring", PRICE,
                    "testmodule", "payment", at);
            update(c, "INSERT INTO product_config_options (product_id, n, option_value) VALUES (?, ?, ?)",
                    productId, 1, "success");
            long clientId = insert(c, "INSERT INTO clients (first_name, last_name, email, email_key, company_name, "
                    + "address1, city, state, postcode, country, phone_number, status, password_hash, created) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "Olga", "Older", "olga.older@example.com",
                    "olga.older@example.com", "", "1 Old Road", "Springfield", "State", "12345", "US", "5550100",
                    "Active", CLIENT_HASH_OF_1_0_0, at);
            long orderId = insert(c, "INSERT INTO orders (client_id, status, total, payment_method, created, updated) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", clientId, "Active", PRICE, "banktransfer",
                    ms, ms);
            long invoiceId = insert(c, "INSERT INTO invoices (client_id, order_id, status, total, paid, created, "
                    + "date_paid) VALUES (?, ?, ?, ?, ?, ?, ?)", clientId, orderId, "Paid",
                    PRICE, PRICE, ms, ms);
            update(c, "UPDATE orders SET invoice_id = ? WHERE id = ?", invoiceId, orderId);
            long serviceId = insert(c, "INSERT INTO services (client_id, order_id, product_id, domain, status, amount, "
                    + "created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", clientId, orderId, productId,
                    "old.example.com", "Active", PRICE, ms, ms);
            insert(c, "INSERT INTO invoice_items (invoice_id, service_id, description, amount) VALUES (?, ?, ?, ?)",
                    invoiceId, serviceId, "Old Plan - old.example.com", PRICE);
            insert(c, "INSERT INTO payments (invoice_id, amount, transaction_id, gateway, created) VALUES (?, ?, ?, ?, ?)",
                    invoiceId, PRICE, "TX-1.0.0", "banktransfer", ms);
            return new Kept(clientId, orderId, invoiceId, serviceId);
        }
    }

    private static HostProcess start(Target target, Path data, Path distribution, Path etc, Path modules) {
        HostProcess.Options options = HostProcess.options(data).distribution(distribution).conf(etc).modules(modules);
        if (target.external()) {
            options.database(target.url(), target.user(), null);
        }
        return options.start();
    }

    /** The distribution archive of this build unpacked into a new folder, as an operator does it. */
    private Path unpack(String into) throws Exception {
        Path archive = Path.of(System.getProperty("billing.dist.archive"));
        Path dir = Files.createDirectories(work.resolve(into));
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", dir.toString())
                .redirectErrorStream(true).start();
        String said = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor()).as(said).isZero();
        return dir.resolve("billing-host-" + System.getProperty("project.version"));
    }

    private Path copyOf(Path from, String to) throws IOException {
        Path target = Files.createDirectories(work.resolve(to));
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, target.resolve(f.getFileName().toString()));
            }
        }
        return target;
    }

    private static Path hostCoreJar(Path distribution) {
        String version = System.getProperty("project.version");
        return distribution.resolve("system/org/billinghost/host-core/" + version + "/host-core-" + version + ".jar");
    }

    /** The core's script per version for {@code dialect}: its variant where it has one, else the common one. */
    private static TreeMap<Integer, String> scripts(Path hostCoreJar, String dialect) throws IOException {
        TreeMap<Integer, String> chosen = new TreeMap<>();
        try (JarFile jar = new JarFile(hostCoreJar.toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                Matcher m = SCRIPT.matcher(entry.getName());
                if (m.matches() && (m.group(3) == null ? !chosen.containsKey(Integer.parseInt(m.group(2)))
                        : m.group(3).equals(dialect))) {
                    chosen.put(Integer.parseInt(m.group(2)), m.group(1));
                }
            }
        }
        return chosen;
    }

    /** Rewrites the jar without the scripts of {@code version}: the build of before that migration. */
    private static void withoutMigration(Path jarFile, int version) throws IOException {
        Path rewritten = jarFile.resolveSibling("rewritten.jar");
        try (JarFile jar = new JarFile(jarFile.toFile());
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(rewritten))) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                Matcher m = SCRIPT.matcher(entry.getName());
                if (m.matches() && Integer.parseInt(m.group(2)) == version) {
                    continue;
                }
                out.putNextEntry(new JarEntry(entry.getName()));
                try (InputStream in = jar.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        Files.move(rewritten, jarFile, StandardCopyOption.REPLACE_EXISTING);
    }

    private HttpResponse<String> get(HostProcess host, String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(host.baseUrl() + path))
                .timeout(Duration.ofSeconds(10));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int readyLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(READY_LINE)) {
                return i;
            }
        }
        throw new AssertionError("no ready line in\n" + String.join("\n", lines));
    }

    private static long insert(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, args);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1); // PostgreSQL answers every column: id is the first of each table
            }
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    private static long queryLong(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Where the database is: the data directory's H2 file, or a PostgreSQL or MariaDB database named by URL. */
    private record Target(String dialect, String url, String user, boolean external) {
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, "");
        }
    }

    /** The ids of the 1.0.0 rows the upgraded host must still show. */
    private record Kept(long clientId, long orderId, long invoiceId, long serviceId) {
    }
}
