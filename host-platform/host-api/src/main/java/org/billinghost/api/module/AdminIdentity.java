package org.billinghost.api.module;

/** The administrator a request is made for. */
public record AdminIdentity(long id, String username, String role) {
}
