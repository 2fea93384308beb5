import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Build step of the features module (run by exec-maven-plugin with the JDK's single-file source launcher).
 *
 * Reads the features template, fills every {@code mvn:group/artifact} with the version Maven resolved for this
 * module's dependencies (copied beforehand in repository layout), and writes from that one declaration:
 * the features repository, the distribution's {@code system/} with {@code bundles.list}, {@code modules/} and
 * {@code demo/}. Fails when the template and the Maven dependencies name different bundles, so neither can drift.
 *
 * Arguments: template projectVersion stagingRepository featuresOut distributionDir distSources
 */
public class AssembleDistribution {
    private static final Pattern FEATURE = Pattern.compile("<feature name=\"([^\"]+)\"[^>]*>(.*?)</feature>\\s*(?=<feature name|</features>)", Pattern.DOTALL);
    private static final Pattern BUNDLE = Pattern.compile("<bundle[^>]*>\\s*mvn:([^/<\\s]+)/([^/<\\s]+)\\s*</bundle>");
    private static final Pattern FEATURE_REF = Pattern.compile("<feature(?: [^>]*)?>([^<]+)</feature>");

    public static void main(String[] args) throws IOException {
        Path template = Path.of(args[0]);
        String projectVersion = args[1];
        Path staging = Path.of(args[2]);
        Path featuresOut = Path.of(args[3]);
        Path dist = Path.of(args[4]);
        Path distSources = Path.of(args[5]);

        deleteTree(dist);
        String text = Files.readString(template).replace("${project.version}", projectVersion);
        Map<String, String> versions = stagedVersions(staging);
        Set<String> declared = new TreeSet<>();
        Matcher m = BUNDLE.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            String ga = m.group(1) + "/" + m.group(2);
            String version = versions.get(ga);
            if (version == null) {
                fail("features.xml names bundle " + ga + " but features/pom.xml has no dependency on it");
            }
            declared.add(ga);
            m.appendReplacement(filled, Matcher.quoteReplacement(m.group().replace("mvn:" + ga, "mvn:" + ga + "/" + version)));
        }
        m.appendTail(filled);
        Set<String> undeclared = new TreeSet<>(versions.keySet());
        undeclared.removeAll(declared);
        if (!undeclared.isEmpty()) {
            fail("features/pom.xml depends on " + undeclared + " which no feature in features.xml names");
        }
        Files.createDirectories(featuresOut.getParent());
        Files.writeString(featuresOut, filled);

        Map<String, String> bodies = new TreeMap<>();
        Matcher f = FEATURE.matcher(text);
        while (f.find()) {
            bodies.put(f.group(1), f.group(2));
        }
        List<String> host = bundlesOf("billing-host", bodies);
        Path system = dist.resolve("system");
        StringBuilder list = new StringBuilder("# Generated from feature billing-host of features.xml, in start order.\n");
        for (String ga : host) {
            String path = repositoryPath(ga, versions.get(ga));
            copy(staging.resolve(path), system.resolve(path));
            list.append(path).append('\n');
        }
        Files.writeString(system.resolve("bundles.list"), list);
        copyFeatureOnly("jetpack", host, bodies, versions, staging, dist.resolve("modules"));
        copyFeatureOnly("jetpack-sandbox", host, bodies, versions, staging, dist.resolve("demo"));
        Files.copy(featuresOut, system.resolve("features.xml"), StandardCopyOption.REPLACE_EXISTING);
        copyTree(distSources, dist);
        System.out.println("Distribution assembled in " + dist + " (" + host.size() + " system bundles)");
    }

    /** The bundles of a feature after those of the features it requires, each once, in declaration order. */
    private static List<String> bundlesOf(String feature, Map<String, String> bodies) {
        String body = bodies.get(feature);
        if (body == null) {
            fail("features.xml has no feature " + feature);
        }
        Set<String> result = new LinkedHashSet<>();
        Matcher ref = FEATURE_REF.matcher(body);
        while (ref.find()) {
            result.addAll(bundlesOf(ref.group(1).strip(), bodies));
        }
        Matcher b = BUNDLE.matcher(body);
        while (b.find()) {
            result.add(b.group(1) + "/" + b.group(2));
        }
        return new ArrayList<>(result);
    }

    private static void copyFeatureOnly(String feature, List<String> host, Map<String, String> bodies,
            Map<String, String> versions, Path staging, Path target) throws IOException {
        Files.createDirectories(target);
        for (String ga : bundlesOf(feature, bodies)) {
            if (!host.contains(ga)) {
                String path = repositoryPath(ga, versions.get(ga));
                copy(staging.resolve(path), target.resolve(Path.of(path).getFileName()));
            }
        }
    }

    /** group/artifact → version of every jar copied in repository layout by maven-dependency-plugin. */
    private static Map<String, String> stagedVersions(Path staging) throws IOException {
        Map<String, String> versions = new TreeMap<>();
        try (Stream<Path> files = Files.walk(staging)) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Path versionDir = staging.relativize(jar.getParent());
                int n = versionDir.getNameCount();
                String version = versionDir.getName(n - 1).toString();
                String artifact = versionDir.getName(n - 2).toString();
                String group = versionDir.subpath(0, n - 2).toString().replace('/', '.');
                String previous = versions.put(group + "/" + artifact, version);
                if (previous != null && !previous.equals(version)) {
                    fail("two versions of " + group + "/" + artifact + " are staged in " + staging
                            + "; run mvn clean -pl features");
                }
            }
        }
        return versions;
    }

    private static String repositoryPath(String ga, String version) {
        String[] parts = ga.split("/");
        String jar = parts[1] + "-" + version + ".jar";
        return parts[0].replace('.', '/') + "/" + parts[1] + "/" + version + "/" + jar;
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.isRegularFile(from)) {
            // a SNAPSHOT jar is copied with its timestamped name when it comes from a remote repository
            fail("bundle " + from + " was not staged by maven-dependency-plugin");
        }
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                copy(source, target);
                if (target.getParent().getFileName().toString().equals("bin")) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void fail(String message) {
        System.err.println("[AssembleDistribution] " + message);
        System.exit(1);
    }
}
