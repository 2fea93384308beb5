package org.billinghost.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.billinghost.itests.support.DistributionBundles;
import org.billinghost.testsupport.HostProcess;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The real launcher refuses to start with exit status 1 and one sentence (no stack trace) as its last line
 * when the port is taken, the data directory is not writable, the database cannot be reached, or a bundle
 * in modules/ does not resolve; bad flags give status 2.
 */
public class LauncherFailuresIT {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder(Path.of("target").toAbsolutePath().toFile());

    @Test
    public void aTakenPortIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = taken.getLocalPort();
            Result result = launch("--port", Integer.toString(port), "--data", tmp.newFolder().toString());
            result.assertFailure(1, "Port " + port + " on 127.0.0.1 is already in use (choose another with --port).");
        }
    }

    @Test
    public void anUnwritableDataDirectoryIsNamed() throws Exception {
        Path file = Files.writeString(tmp.newFile().toPath(), "not a directory");
        Path data = file.resolve("data");
        launch("--port", Integer.toString(HostProcess.freePort()), "--data", data.toString())
                .assertFailure(1, "Data directory " + data + " is not writable.");
    }

    @Test
    public void anUnreachableDatabaseIsNamedByTheHostCore() throws Exception {
        int closedPort = HostProcess.freePort();
        Result result = launch("--port", Integer.toString(HostProcess.freePort()), "--data", tmp.newFolder().toString(),
                "--db-url", "jdbc:postgresql://127.0.0.1:" + closedPort + "/billing", "--db-user", "nobody");
        result.assertFailure(1, null);
        assertThat(result.lastLine()).contains("127.0.0.1:" + closedPort);
    }

    @Test
    public void aModuleThatDoesNotResolveIsNamedWithItsMissingPackage() throws Exception {
        Path modules = tmp.newFolder("modules").toPath();
        writeBundle(modules.resolve("broken.jar"), "org.example.broken", "com.example.missing;version=\"[2.0,3)\"");
        launch("--port", Integer.toString(HostProcess.freePort()), "--data", tmp.newFolder().toString(),
                "--modules", modules.toString())
                .assertFailure(1, "Bundle org.example.broken does not resolve: no installed bundle exports package "
                        + "com.example.missing (version 2.0.0 up to 3.0.0 excluded).");
    }

    @Test
    public void anUnknownFlagIsAUsageError() throws Exception {
        launch("--prot", "8080").assertFailure(2, "Unknown option --prot (see --help).");
    }

    private record Result(int exitCode, String output) {
        String lastLine() {
            List<String> lines = output.strip().lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        void assertFailure(int expectedExit, String expectedSentence) {
            assertThat(exitCode).as("exit status; output:\n" + output).isEqualTo(expectedExit);
            if (expectedSentence != null) {
                assertThat(lastLine()).as("last line; output:\n" + output).isEqualTo(expectedSentence);
            }
            assertThat(output).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception:");
        }
    }

    private static Result launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(DistributionBundles.distribution().resolve("bin/billing-host").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not exit: " + output);
        }
        return new Result(process.exitValue(), output);
    }

    private static void writeBundle(Path jar, String symbolicName, String imports) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Import-Package", imports);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
    }
}
