package org.billinghost.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.billinghost.testsupport.HostProcess;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The distribution's class data sharing archive (lib/host-classes.jsa, made by the features build): the launcher
 * script hands it to the JVM, which then takes the launcher's and the bundles' classes from it; an archive that
 * does not fit the JVM's options is skipped without a word; the release tarball leaves it out, since it fits only
 * the Java that made it.
 */
public class ClassArchiveIT {
    private static final Pattern DEFAULT_OPTS = Pattern.compile("(?m)^DEFAULT_JAVA_OPTS=\"([^\"]+)\"$");
    private static final String FROM_ARCHIVE = "source: shared objects file (top)";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder(Path.of("target").toAbsolutePath().toFile());

    @Test
    public void theLauncherAndTheBundlesClassesComeFromTheArchive() throws Exception {
        Path log = tmp.getRoot().toPath().resolve("class-load.log");
        try (HostProcess host = HostProcess.options(tmp.newFolder("data").toPath()).demo()
                .javaOptions(defaultJavaOptions() + " -Xlog:class+load=info:file=" + log).start()) {
            assertThat(host.stop()).as("exit status after SIGTERM: the log is complete").isZero();
        }
        List<String> lines = Files.readAllLines(log);
        assertThat(loadOf(lines, "org.billinghost.launcher.Main")).endsWith(FROM_ARCHIVE);
        assertThat(loadOf(lines, "org.billinghost.core.internal.db.MigrationRunner")).endsWith(FROM_ARCHIVE);
        assertThat(loadOf(lines, "org.apache.felix.scr.impl.Activator")).endsWith(FROM_ARCHIVE);
    }

    @Test
    public void anArchiveThatDoesNotFitIsSkippedSilently() throws Exception {
        // the JVM checks the launcher's class path against the one the archive recorded: a copy of the
        // distribution in another folder (its script and lib/ copied, the rest linked) cannot use the archive
        Path dist = HostProcess.distribution();
        Path copy = tmp.newFolder("dist").toPath();
        for (String file : List.of("bin/billing-host", "lib/host-launcher.jar", "lib/org.apache.felix.framework.jar",
                "lib/host-classes.jsa")) {
            Files.createDirectories(copy.resolve(file).getParent());
            Files.copy(dist.resolve(file), copy.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        for (String dir : List.of("system", "conf", "modules", "demo")) {
            Files.createSymbolicLink(copy.resolve(dir), dist.resolve(dir));
        }
        Path log = tmp.getRoot().toPath().resolve("class-load.log");
        try (HostProcess host = HostProcess.options(tmp.newFolder("data").toPath()).demo().distribution(copy)
                .javaOptions(defaultJavaOptions() + " -Xlog:class+load=info:file=" + log).start()) {
            assertThat(host.stop()).as("exit status after SIGTERM: the output is complete").isZero();
            assertThat(host.output()).doesNotContainIgnoringCase("archive");
        }
        assertThat(loadOf(Files.readAllLines(log), "org.billinghost.launcher.Main"))
                .endsWith("source: file:" + copy.resolve("lib/host-launcher.jar"));
    }

    @Test
    public void theReleaseTarballLeavesTheArchiveOut() throws Exception {
        Path target = HostProcess.distribution().getParent();
        Path tarball;
        try (var files = Files.list(target)) {
            tarball = files.filter(f -> f.getFileName().toString().matches("billing-host-.+\\.tar\\.gz"))
                    .findFirst().orElseThrow(() -> new AssertionError("no release tarball in " + target));
        }
        List<String> entries = tarEntries(tarball);
        assertThat(entries).anyMatch(e -> e.endsWith("/lib/host-launcher.jar"));
        assertThat(entries).noneMatch(e -> e.endsWith(".jsa"));
    }

    private static List<String> tarEntries(Path tarball) throws IOException, InterruptedException {
        Process tar = new ProcessBuilder("tar", "-tzf", tarball.toString()).redirectErrorStream(true).start();
        String listing = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).as(listing).isZero();
        return listing.lines().toList();
    }

    private static String defaultJavaOptions() throws Exception {
        Matcher m = DEFAULT_OPTS.matcher(Files.readString(HostProcess.distribution().resolve("bin/billing-host")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String loadOf(List<String> lines, String className) {
        return lines.stream().filter(l -> l.contains("] " + className + " source: ")).findFirst()
                .orElseThrow(() -> new AssertionError(className + " was not loaded"));
    }
}
