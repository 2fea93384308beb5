package org.billinghost.web.internal.admin;

import org.billinghost.api.platform.ActivityEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An activity line cut into text and links: "Service ID: 5", "Invoice ID: 7", "Order ID: 3" and "Client ID: 2"
 * link to the admin page of what they name. The template prints each part escaped.
 */
public final class LogLinks {
    private static final Pattern REFERENCE = Pattern.compile("(Service|Invoice|Order|Client) ID: (\\d{1,18})");

    /** A part of a line; {@code href} null for plain text. Public: the templates read it. */
    public record Part(String text, String href) {
    }

    /** A line as the log page shows it: its parts, its client's name, and a link to its actor (or null). */
    public record Line(ActivityEntry entry, List<Part> parts, String client, String actorHref) {
    }

    private LogLinks() {
    }

    static List<Part> parts(String message) {
        List<Part> parts = new ArrayList<>();
        Matcher m = REFERENCE.matcher(message);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(new Part(message.substring(at, m.start()), null));
            }
            parts.add(new Part(m.group(), href(m.group(1), m.group(2))));
            at = m.end();
        }
        if (at < message.length()) {
            parts.add(new Part(message.substring(at), null));
        }
        return parts;
    }

    private static String href(String kind, String id) {
        return switch (kind) {
            case "Service" -> "/admin/clientsservices?id=" + id;
            case "Invoice" -> "/admin/invoices?id=" + id;
            case "Order" -> "/admin/orders?id=" + id;
            default -> "/admin/clientssummary?id=" + id;
        };
    }
}
