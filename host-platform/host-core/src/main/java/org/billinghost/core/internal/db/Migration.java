package org.billinghost.core.internal.db;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One schema migration script: {@code V<NNN>__<name>.sql}, or a per-dialect variant
 * {@code V<NNN>__<name>.<h2|postgresql|mariadb>.sql}.
 */
record Migration(int version, String name, String dialect, String resource) {

    private static final Pattern FILE = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)(?:\\.(h2|postgresql|mariadb))?\\.sql");

    /** Null when {@code fileName} is not a migration script. */
    static Migration parse(String fileName, String resource) {
        Matcher m = FILE.matcher(fileName);
        if (!m.matches()) {
            return null;
        }
        return new Migration(Integer.parseInt(m.group(1)), m.group(2), m.group(3), resource);
    }

    String label() {
        return String.format("V%03d__%s", version, name);
    }

    /** The script's file name, as its author knows it. */
    String fileName() {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }
}
