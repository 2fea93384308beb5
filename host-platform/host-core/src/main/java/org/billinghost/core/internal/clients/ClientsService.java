package org.billinghost.core.internal.clients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.Client;
import org.billinghost.api.billing.Clients;
import org.billinghost.api.billing.NewClient;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.core.internal.db.DataAccessException;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.db.Paging;
import org.billinghost.core.internal.security.PasswordHasher;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Clients; the e-mail address is unique ignoring case and passwords are stored as slow hashes. Also registered
 * under its own (internal) type for the first-start seeding, which stores a precomputed demo hash.
 */
@Component(service = {Clients.class, ClientsService.class})
public final class ClientsService implements Clients {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Paging.Query PAGE = new Paging.Query("id, first_name, last_name, email, company_name, "
            + "address1, city, state, postcode, country, phone_number, status, created, credit", "clients", "id");
    private static final String COLUMNS = "SELECT " + PAGE.columns() + " FROM clients";

    private final Jdbc jdbc;
    private final PasswordHasher hasher;

    @Activate
    public ClientsService(@Reference Jdbc jdbc, @Reference PasswordHasher hasher) {
        this.jdbc = jdbc;
        this.hasher = hasher;
    }

    @Override
    public Client add(NewClient c) {
        return add(c, () -> c.password() == null || c.password().isEmpty() ? "" : hasher.hash(c.password()));
    }

    /** {@link #add} with a password hash made beforehand in {@link PasswordHasher}'s format; the client's password is ignored. */
    public Client addWithHash(NewClient c, String passwordHash) {
        return add(c, () -> passwordHash);
    }

    /** The slow hash is made only once the input is known to be valid. */
    private Client add(NewClient c, Supplier<String> passwordHash) {
        String first = required(c.firstName(), "firstname", "first name");
        String last = required(c.lastName(), "lastname", "last name");
        String email = required(c.email(), "email", "e-mail address");
        if (email.length() > 255 || !EMAIL.matcher(email).matches()) {
            throw BillingException.invalid("email", "The e-mail address '" + email + "' is not valid.");
        }
        Object[] details = {optional(c.companyName(), "companyname", 255), optional(c.address1(), "address1", 255),
                optional(c.city(), "city", 255), optional(c.state(), "state", 255),
                optional(c.postcode(), "postcode", 64), optional(c.country(), "country", 64),
                optional(c.phoneNumber(), "phonenumber", 64)};
        String hash = passwordHash.get();
        try {
            long id = jdbc.insert("INSERT INTO clients (first_name, last_name, email, email_key, company_name, address1, "
                            + "city, state, postcode, country, phone_number, status, password_hash, created) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    first, last, email, email.toLowerCase(Locale.ROOT), details[0], details[1], details[2], details[3],
                    details[4], details[5], details[6], "Active", hash, Jdbc.now());
            return get(id).orElseThrow();
        } catch (DataAccessException e) {
            if (e.isUniqueViolation()) {
                throw new BillingException(BillingException.Category.CONFLICT, "email",
                        "A client with the e-mail address " + email + " already exists.");
            }
            throw e;
        }
    }

    @Override
    public Optional<Client> get(long id) {
        return jdbc.queryOne(COLUMNS + " WHERE id = ?", ClientsService::map, id);
    }

    @Override
    public Optional<Client> byEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        return jdbc.queryOne(COLUMNS + " WHERE email_key = ?", ClientsService::map, email.trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public ResultPage<Client> search(String search, int offset, int limit) {
        try {
            if (Paging.isBlank(search)) {
                return Paging.page(jdbc, PAGE, "", List.of(), ClientsService::map, offset, limit);
            }
            String where = " WHERE " + Paging.contains(jdbc.dialect(), "first_name") + " OR "
                    + Paging.contains(jdbc.dialect(), "last_name") + " OR "
                    + Paging.contains(jdbc.dialect(), "company_name") + " OR email_key LIKE ? ESCAPE '!'";
            String p = Paging.containsPattern(search);
            return Paging.page(jdbc, PAGE, where, List.of(p, p, p, p), ClientsService::map, offset, limit);
        } catch (IllegalArgumentException e) {
            throw BillingException.invalid(e.getMessage());
        }
    }

    @Override
    public Optional<Client> authenticate(String email, String password) {
        String key = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        Optional<String> stored = jdbc.queryOne("SELECT password_hash FROM clients WHERE email_key = ?",
                rs -> rs.getString(1), key);
        if (stored.isEmpty()) {
            hasher.burnVerification(password);
            return Optional.empty();
        }
        return hasher.verify(password, stored.get()) ? byEmail(key) : Optional.empty();
    }

    /** @param field the input's name in AddClient and the registration form */
    private static String required(String value, String field, String what) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            throw BillingException.invalid(field, "The client's " + what + " is required.");
        }
        if (v.length() > 255) {
            throw BillingException.invalid(field, "The client's " + what + " is longer than 255 characters.");
        }
        return v;
    }

    private static String optional(String value, String field, int maxLength) {
        String v = value == null ? "" : value.trim();
        if (v.length() > maxLength) {
            throw BillingException.invalid(field, "The value '" + v.substring(0, 20) + "...' is longer than "
                    + maxLength + " characters.");
        }
        return v;
    }

    private static Client map(ResultSet rs) throws SQLException {
        return new Client(rs.getLong("id"), rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("email"), rs.getString("company_name"), rs.getString("address1"), rs.getString("city"),
                rs.getString("state"), rs.getString("postcode"), rs.getString("country"),
                rs.getString("phone_number"), rs.getString("status"), Jdbc.instant(rs, "created"),
                rs.getBigDecimal("credit"));
    }
}
