package org.billinghost.web.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one way a destructive action (deactivate, cancel, delete) asks first: its form posted without
 * {@code confirm=yes} answers a page with the question and the same form again, confirmed; nothing changes
 * until then. The same for every action, so an admin meets one habit.
 */
public final class Confirmation {
    private Confirmation() {
    }

    /** Whether the form carries the confirmation. */
    public static boolean given(Exchange ex) {
        return "yes".equals(ex.param("confirm"));
    }

    /**
     * Answers the question page.
     *
     * @param fields the form's fields (besides the token), sent again with {@code confirm=yes}
     * @param back   where "No" goes
     */
    public static void ask(Exchange ex, String question, String action, Map<String, String> fields, String button,
                           String back) throws IOException {
        Map<String, String> hidden = new LinkedHashMap<>(fields);
        hidden.put("confirm", "yes");
        ex.render("confirm.ftlh", Exchange.model("question", question, "action", action, "fields", hidden,
                "button", button, "back", back));
    }
}
