package org.billinghost.web.internal;

/** A link in an area's menu, made from the area's route table. */
public record MenuItem(String label, String path) {
}
