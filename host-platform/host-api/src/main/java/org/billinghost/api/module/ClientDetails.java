package org.billinghost.api.module;

/** The client a command is run for, as modules see it. */
public record ClientDetails(long id, String firstName, String lastName, String email, String companyName,
                            String country) {
}
