package org.billinghost.core.internal.logs;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces secret values by asterisks in module-log text: each value as given, URL-encoded (form and
 * path style) and JSON-escaped, since modules log raw HTTP bodies in all three forms.
 */
final class Scrubber {

    static final String MASK = "********";

    private final List<String> forms;

    Scrubber(Collection<String> values) {
        Set<String> all = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                if (v == null || v.isEmpty()) {
                    continue;
                }
                String form = URLEncoder.encode(v, StandardCharsets.UTF_8);
                all.add(v);
                all.add(form);
                all.add(form.replace("+", "%20"));
                all.add(new String(JsonStringEncoder.getInstance().quoteAsString(v)));
            }
        }
        // longest first, so that a value is not half-replaced through a shorter form contained in it
        this.forms = all.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    String scrub(String text) {
        if (text == null) {
            return "";
        }
        String result = text;
        for (String form : forms) {
            result = result.replace(form, MASK);
        }
        return result;
    }
}
