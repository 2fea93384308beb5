package org.billinghost.api.billing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A client. {@code credit} (since 2.0) is the client's credit balance, e.g. the surplus of an
 * overpaid invoice, as WHMCS's {@code credit}.
 */
public record Client(long id, String firstName, String lastName, String email, String companyName, String address1,
                     String city, String state, String postcode, String country, String phoneNumber, String status,
                     Instant created, BigDecimal credit) {
    public Client {
        credit = credit == null ? BigDecimal.ZERO : credit;
    }

    /** A client without credit (the constructor of API 1.2). */
    public Client(long id, String firstName, String lastName, String email, String companyName, String address1,
                  String city, String state, String postcode, String country, String phoneNumber, String status,
                  Instant created) {
        this(id, firstName, lastName, email, companyName, address1, city, state, postcode, country, phoneNumber, status,
                created, BigDecimal.ZERO);
    }

    public String fullName() {
        return (firstName + " " + lastName).trim();
    }
}
