package org.billinghost.httpapi.internal.actions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.billinghost.api.platform.ResultPage;

/** Small builders for WHMCS's answer shapes. */
final class Replies {

    private Replies() {
    }

    /** An ordered map from alternating keys and values. */
    static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>(keysAndValues.length);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** WHMCS wraps lists twice: {@code "clients": {"client": [...]}}. */
    static Map<String, Object> wrapped(String itemName, List<?> items) {
        return Map.of(itemName, items);
    }

    /** The paging fields of WHMCS's list answers, followed by the wrapped list. */
    static Map<String, Object> page(ResultPage<?> page, String listName, String itemName, List<?> items) {
        return of("totalresults", page.total(), "startnumber", page.offset(), "numreturned", items.size(),
                listName, wrapped(itemName, items));
    }
}
