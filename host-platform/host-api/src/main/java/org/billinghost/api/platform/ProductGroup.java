package org.billinghost.api.platform;

public record ProductGroup(long id, String name, boolean hidden) {
}
