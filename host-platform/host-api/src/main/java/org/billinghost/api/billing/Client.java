package org.billinghost.api.billing;

import java.time.Instant;

public record Client(long id, String firstName, String lastName, String email, String companyName, String address1,
                     String city, String state, String postcode, String country, String phoneNumber, String status,
                     Instant created) {
    public String fullName() {
        return (firstName + " " + lastName).trim();
    }
}
