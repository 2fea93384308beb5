package org.billinghost.api.billing;

/** A client to register; {@code password} is hashed by the host, never stored in clear. */
public record NewClient(String firstName, String lastName, String email, String companyName, String address1,
                        String city, String state, String postcode, String country, String phoneNumber,
                        String password) {
}
