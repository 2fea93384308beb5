package org.billinghost.jetpack.addon.internal;

import static org.billinghost.api.module.Html.escape;

import java.util.List;
import java.util.Map;

/** Small HTML builders; every argument that is text is escaped here, so callers pass plain text. */
final class Markup {
    enum Kind { SUCCESS, INFO, WARNING, DANGER }

    private Markup() {
    }

    static String heading(String text) {
        return "<h2>" + escape(text) + "</h2>\n";
    }

    static String paragraph(String text) {
        return "<p>" + escape(text) + "</p>\n";
    }

    /** A message box; {@code htmlTail} is markup already built by these helpers (e.g. a link), may be empty. */
    static String alert(Kind kind, String text, String htmlTail) {
        String css = kind.name().toLowerCase(java.util.Locale.ROOT);
        // "notice"/"error" are the host layout's classes, "alert-*" name the kind for other skins and tests
        boolean danger = kind == Kind.DANGER;
        return "<div class=\"notice" + (danger ? " error" : "") + " alert alert-" + css + "\" role=\""
                + (danger ? "alert" : "status") + "\">"
                + escape(text) + (htmlTail.isEmpty() ? "" : " " + htmlTail) + "</div>\n";
    }

    static String link(String href, String text) {
        return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
    }

    /** A POST form to {@code action} with the CSRF token; {@code fieldsHtml} is built by these helpers. */
    static String postForm(String action, String csrfToken, String fieldsHtml, String buttonLabel) {
        return form("<form method=\"post\"", action, csrfToken, fieldsHtml, buttonLabel);
    }

    /** A button-only POST form that sits on the same line as its neighbours. */
    static String inlinePostForm(String action, String csrfToken, String buttonLabel) {
        return form("<form method=\"post\" class=\"inline\"", action, csrfToken, "", buttonLabel);
    }

    private static String form(String opening, String action, String csrfToken, String fieldsHtml, String buttonLabel) {
        return opening + " action=\"" + escape(action) + "\">\n"
                + hidden("token", csrfToken) + fieldsHtml
                + "<button type=\"submit\">" + escape(buttonLabel) + "</button>\n</form>\n";
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">\n";
    }

    static String textInput(String name, String label, String value, String placeholder) {
        return "<div class=\"field\"><label for=\"" + escape(name) + "\">" + escape(label) + "</label><input type=\"text\" id=\""
                + escape(name) + "\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\" placeholder=\""
                + escape(placeholder) + "\" required></div>\n";
    }

    /** A select over {@code options} (value → label) with {@code selected} chosen. */
    static String select(String name, String label, Map<String, String> options, String selected) {
        StringBuilder html = new StringBuilder("<div class=\"field\"><label for=\"").append(escape(name)).append("\">")
                .append(escape(label)).append("</label><select id=\"").append(escape(name)).append("\" name=\"")
                .append(escape(name)).append("\">");
        options.forEach((value, text) -> html.append("<option value=\"").append(escape(value)).append('"')
                .append(value.equals(selected) ? " selected" : "").append('>').append(escape(text)).append("</option>"));
        return html.append("</select></div>\n").toString();
    }

    /** A table; {@code rows} hold cell markup already built by these helpers (use {@link #text}). */
    static String table(List<String> headers, List<List<String>> rows) {
        StringBuilder html = new StringBuilder("<table class=\"table\">\n<thead><tr>");
        headers.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(cell).append("</td>"));
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    static String text(String text) {
        return escape(text);
    }

    /** A definition list of label → plain text. */
    static String details(Map<String, String> entries) {
        StringBuilder html = new StringBuilder("<dl>\n");
        entries.forEach((k, v) -> html.append("<dt>").append(escape(k)).append("</dt><dd>").append(escape(v)).append("</dd>\n"));
        return html.append("</dl>\n").toString();
    }
}
