package org.billinghost.api.module;

import java.util.List;
import java.util.Objects;

/** What an addon says about itself (WHMCS's {@code _config()}). */
public record AddonMetadata(String displayName, String description, String version, String author,
                            List<ConfigField> fields) {
    public AddonMetadata {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(version, "version");
        description = description == null ? "" : description;
        author = author == null ? "" : author;
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
