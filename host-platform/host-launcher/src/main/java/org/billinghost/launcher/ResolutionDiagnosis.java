package org.billinghost.launcher;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Felix's resolver message into one sentence naming the bundle that cannot resolve and what it misses.
 * Felix nests the causes ("[caused by: Unable to resolve ...]"): the innermost one is the real culprit.
 */
final class ResolutionDiagnosis {
    private static final Pattern UNABLE = Pattern.compile(
            "Unable to resolve (\\S+) \\[\\d+\\]\\([^)]*\\): missing requirement \\[\\S+ \\[\\d+\\]\\([^)]*\\)\\] ([\\w.]+); (\\(.*?\\))(?= \\[caused by| Unresolved requirements|\\]|$)");
    private static final Pattern PACKAGE = Pattern.compile("osgi\\.wiring\\.package=([^)]+)\\)");
    private static final Pattern MIN_VERSION = Pattern.compile("\\(version>=([^)]+)\\)");
    private static final Pattern MAX_VERSION = Pattern.compile("\\(!\\(version>=([^)]+)\\)\\)");

    private ResolutionDiagnosis() {
    }

    /** @param fallbackBundle named when the message has no resolver detail (e.g. another framework's wording) */
    static String sentence(String fallbackBundle, String resolverMessage) {
        String message = resolverMessage == null ? "" : resolverMessage;
        Matcher m = UNABLE.matcher(message);
        String bundle = null;
        String namespace = null;
        String filter = null;
        while (m.find()) {
            bundle = m.group(1);
            namespace = m.group(2);
            filter = m.group(3);
        }
        if (bundle == null) {
            String firstLine = message.lines().findFirst().orElse("no reason given");
            return "Bundle " + fallbackBundle + " does not resolve: " + firstLine + ".";
        }
        Matcher pkg = PACKAGE.matcher(filter);
        if ("osgi.wiring.package".equals(namespace) && pkg.find()) {
            return "Bundle " + bundle + " does not resolve: no installed bundle exports package " + pkg.group(1)
                    + versionRange(filter) + ".";
        }
        return "Bundle " + bundle + " does not resolve: nothing installed provides " + namespace + " " + filter + ".";
    }

    private static String versionRange(String filter) {
        Matcher min = MIN_VERSION.matcher(filter);
        Matcher max = MAX_VERSION.matcher(filter);
        String low = min.find() ? min.group(1) : null;
        String high = max.find() ? max.group(1) : null;
        if (low == null) {
            return "";
        }
        return " (version " + low + (high == null ? " or later" : " up to " + high + " excluded") + ")";
    }
}
