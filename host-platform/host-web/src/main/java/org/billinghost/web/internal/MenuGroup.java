package org.billinghost.web.internal;

import java.util.List;

/** A drop-down of the admin menu ({@code label} null: its one link stands in the menu by itself). */
public record MenuGroup(String label, List<MenuItem> items) {
    public MenuGroup {
        items = List.copyOf(items);
    }
}
