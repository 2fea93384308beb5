package org.billinghost.core.internal.clients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.Client;
import org.billinghost.api.billing.ClientNote;
import org.billinghost.api.billing.Clients;
import org.billinghost.api.billing.ListQuery;
import org.billinghost.api.billing.InvoiceStatus;
import org.billinghost.api.billing.NewClient;
import org.billinghost.api.billing.OrderStatus;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.core.internal.db.DataAccessException;
import org.billinghost.api.platform.Actor;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.logs.ActivityLogService;
import org.billinghost.core.internal.db.Paging;
import org.billinghost.core.internal.db.Sorting;
import org.billinghost.core.internal.security.PasswordHasher;
import org.billinghost.core.internal.mail.MailOutbox;
import org.billinghost.core.internal.mail.MailTemplate;
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

    /** The sort keys of {@link #list(ListQuery, int, int)} and their columns (V241 indexes them). */
    private static final Map<String, List<String>> SORTS = Map.of("id", List.of("id"),
            "name", List.of("last_name", "first_name"), "company", List.of("company_name"),
            "email", List.of("email_key"), "created", List.of("created"));

    /** The shortest password a client may choose. */
    private static final int MIN_PASSWORD = 8;
    /** WHMCS's status of a closed client. */
    private static final String CLOSED = "Closed";
    /** The area of client-area sessions in {@code web_sessions} (the web bundle's SessionStore.CLIENT). */
    private static final String CLIENT_AREA = "client";

    private final Jdbc jdbc;
    private final PasswordHasher hasher;
    private final MailOutbox mail;

    @Activate
    public ClientsService(@Reference Jdbc jdbc, @Reference PasswordHasher hasher, @Reference MailOutbox mail) {
        this.jdbc = jdbc;
        this.hasher = hasher;
        this.mail = mail;
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
        Checked v = checked(c);
        String hash = passwordHash.get();
        // the signup e-mail is queued in the same transaction: one client, one message
        return uniqueEmail(v.email(), () -> get(jdbc.inTransaction(() -> {
            long added = jdbc.insert("INSERT INTO clients (first_name, last_name, email, email_key, company_name, "
                            + "address1, city, state, postcode, country, phone_number, status, password_hash, created) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    v.first(), v.last(), v.email(), v.email().toLowerCase(Locale.ROOT), v.company(), v.address1(),
                    v.city(), v.state(), v.postcode(), v.country(), v.phone(), "Active", hash, Jdbc.now());
            mail.queue(MailTemplate.CLIENT_SIGNUP, added, added, String.valueOf(added));
            Actor actor = Actor.current();
            // a visitor registering becomes the client the line is about
            ActivityLogService.write(jdbc, (actor.kind() == Actor.Kind.VISITOR ? "Client Registered" : "Client Created")
                    + " - Client ID: " + added + " - " + v.email(), added, actor.kind() == Actor.Kind.VISITOR
                    ? Actor.client(added, v.first() + " " + v.last(), actor.ip()) : actor);
            return added;
        })).orElseThrow());
    }

    @Override
    public Client update(long id, NewClient changes) {
        Client now = get(id).orElseThrow(() -> BillingException.notFound("Client ID Not Found: " + id));
        Checked v = checked(new NewClient(keep(changes.firstName(), now.firstName()),
                keep(changes.lastName(), now.lastName()), keep(changes.email(), now.email()),
                keep(changes.companyName(), now.companyName()), keep(changes.address1(), now.address1()),
                keep(changes.city(), now.city()), keep(changes.state(), now.state()),
                keep(changes.postcode(), now.postcode()), keep(changes.country(), now.country()),
                keep(changes.phoneNumber(), now.phoneNumber()), null));
        boolean newPassword = changes.password() != null && !changes.password().isEmpty();
        // hashed before the update, so the row is not held while the slow hash runs
        String hash = newPassword ? hasher.hash(changes.password()) : "";
        List<Object> params = new java.util.ArrayList<>(List.of(v.first(), v.last(), v.email(),
                v.email().toLowerCase(Locale.ROOT), v.company(), v.address1(), v.city(), v.state(), v.postcode(),
                v.country(), v.phone()));
        if (newPassword) {
            params.add(hash);
        }
        params.add(id);
        return uniqueEmail(v.email(), () -> jdbc.inTransaction(() -> {
            jdbc.update("UPDATE clients SET first_name = ?, last_name = ?, email = ?, email_key = ?, company_name = ?, "
                    + "address1 = ?, city = ?, state = ?, postcode = ?, country = ?, phone_number = ?"
                    + (newPassword ? ", password_hash = ?" : "") + " WHERE id = ?", params.toArray());
            ActivityLogService.write(jdbc, "Client Profile Modified - Client ID: " + id
                    + (now.email().equals(v.email()) ? "" : " - E-mail: " + now.email() + " to " + v.email())
                    + (newPassword ? " - Password Changed" : ""), id);
            return get(id).orElseThrow(() -> BillingException.notFound("Client ID Not Found: " + id));
        }));
    }

    private static String keep(String change, String stored) {
        return change == null ? stored : change;
    }

    /** A client's details as stored: trimmed and checked. */
    private record Checked(String first, String last, String email, String company, String address1, String city,
                           String state, String postcode, String country, String phone) {
    }

    private static Checked checked(NewClient c) {
        String email = required(c.email(), "email", "e-mail address");
        if (email.length() > 255 || !EMAIL.matcher(email).matches()) {
            throw BillingException.invalid("email", "The e-mail address '" + email + "' is not valid.");
        }
        return new Checked(required(c.firstName(), "firstname", "first name"),
                required(c.lastName(), "lastname", "last name"), email, optional(c.companyName(), "companyname", 255),
                optional(c.address1(), "address1", 255), optional(c.city(), "city", 255),
                optional(c.state(), "state", 255), optional(c.postcode(), "postcode", 64),
                optional(c.country(), "country", 64), optional(c.phoneNumber(), "phonenumber", 64));
    }

    /** Runs a write that sets {@code email}; another client's address is refused as a conflict. */
    private static Client uniqueEmail(String email, Supplier<Client> write) {
        try {
            return write.get();
        } catch (DataAccessException e) {
            if (e.isUniqueViolation()) {
                throw new BillingException(BillingException.Category.CONFLICT, "email",
                        "A client with the e-mail address " + email + " already exists.");
            }
            throw e;
        }
    }

    @Override
    public void changePassword(long clientId, String newPassword) {
        if (newPassword == null || newPassword.length() < MIN_PASSWORD || newPassword.length() > 1024) {
            throw BillingException.invalid("password", "The password must have " + MIN_PASSWORD + " to 1024 characters.");
        }
        if (jdbc.update("UPDATE clients SET password_hash = ? WHERE id = ?", hasher.hash(newPassword), clientId) == 0) {
            throw BillingException.notFound("Client ID Not Found");
        }
        ActivityLogService.write(jdbc, "Client Password Changed - Client ID: " + clientId, clientId);
    }

    @Override
    public ClientNote addNote(long clientId, String note) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.length() > MAX_NOTE) {
            throw BillingException.invalid("note", "A note has 1 to " + MAX_NOTE + " characters.");
        }
        get(clientId).orElseThrow(() -> BillingException.notFound("Client ID Not Found"));
        String author = Actor.current().label();
        long now = System.currentTimeMillis();
        long id = jdbc.inTransaction(() -> {
            long noteId = jdbc.insert("INSERT INTO client_notes (client_id, note, author, created) VALUES (?, ?, ?, ?)",
                    clientId, text, author, now);
            ActivityLogService.write(jdbc, "Client Note Added - Client ID: " + clientId, clientId);
            return noteId;
        });
        return new ClientNote(id, clientId, text, author, Instant.ofEpochMilli(now));
    }

    @Override
    public List<ClientNote> notes(long clientId, int limit) {
        return jdbc.query("SELECT id, client_id, note, author, created FROM client_notes WHERE client_id = ?"
                + " ORDER BY id DESC LIMIT ?", rs -> new ClientNote(rs.getLong("id"), rs.getLong("client_id"),
                rs.getString("note"), rs.getString("author"), Instant.ofEpochMilli(rs.getLong("created"))),
                clientId, Math.max(1, Math.min(limit, Paging.MAX_LIMIT)));
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
    public ResultPage<Client> list(ListQuery query, int offset, int limit) {
        ListQuery q = query == null ? ListQuery.ALL : query;
        String order = Sorting.orderBy(q, SORTS, "id", false);
        List<Object> params = new ArrayList<>();
        String where = "";
        if (q.search() != null) {
            String p = Paging.containsPattern(q.search());
            params.addAll(List.of(p, p, p));
            where = " WHERE " + Sorting.clientFields(jdbc.dialect(), "") + " OR id = ?";
            params.add(Sorting.number(q.search()));
        }
        try {
            return Paging.page(jdbc, new Paging.Query(PAGE.columns(), PAGE.table(), order), where, params,
                    ClientsService::map, offset, limit);
        } catch (IllegalArgumentException e) {
            throw BillingException.invalid(e.getMessage());
        }
    }

    @Override
    public Client close(long id) {
        return jdbc.inTransaction(() -> {
            Client client = get(id).orElseThrow(() -> BillingException.notFound("Client ID Not Found: " + id));
            if (CLOSED.equals(client.status())) {
                return client;
            }
            List<Long> running = jdbc.query("SELECT id FROM services WHERE client_id = ? AND status IN (?, ?, ?)"
                    + " ORDER BY id", rs -> rs.getLong(1), id, ServiceStatus.ACTIVE.label(),
                    ServiceStatus.SUSPENDED.label(), ServiceStatus.PROVISIONING.label());
            if (!running.isEmpty()) {
                throw BillingException.conflict("Client " + id + " still has services running (" + ids(running)
                        + "): terminate them first (ModuleTerminate), then close the client");
            }
            List<Long> partlyPaid = jdbc.query("SELECT id FROM invoices WHERE client_id = ? AND status = ?"
                    + " AND (paid > 0 OR credit > 0) ORDER BY id", rs -> rs.getLong(1), id, InvoiceStatus.UNPAID.label());
            if (!partlyPaid.isEmpty()) {
                throw BillingException.conflict("Client " + id + " has unpaid invoices with money taken on them ("
                        + ids(partlyPaid) + "): settle them first, then close the client");
            }
            long now = Jdbc.now().toEpochMilli();
            jdbc.update("UPDATE services SET status = ?, updated = ? WHERE client_id = ? AND status = ?",
                    ServiceStatus.CANCELLED.label(), now, id, ServiceStatus.PENDING.label());
            jdbc.update("UPDATE orders SET status = ?, updated = ? WHERE client_id = ? AND status = ?",
                    OrderStatus.CANCELLED.label(), now, id, OrderStatus.PENDING.label());
            // the money condition again: a payment that came in meanwhile keeps its invoice Unpaid
            jdbc.update("UPDATE invoices SET status = ? WHERE client_id = ? AND status = ? AND paid = 0 AND credit = 0",
                    InvoiceStatus.CANCELLED.label(), id, InvoiceStatus.UNPAID.label());
            jdbc.update("UPDATE clients SET status = ? WHERE id = ?", CLOSED, id);
            ActivityLogService.write(jdbc, "Client Closed - Client ID: " + id, id);
            return get(id).orElseThrow();
        });
    }

    @Override
    public void delete(long id) {
        jdbc.inTransaction(() -> {
            get(id).orElseThrow(() -> BillingException.notFound("Client ID Not Found: " + id));
            // a payment committed after these checks makes its invoice's delete fail on the payments' foreign key
            if (jdbc.queryLong("SELECT COUNT(*) FROM payments p JOIN invoices i ON i.id = p.invoice_id"
                    + " WHERE i.client_id = ?", id) > 0
                    || jdbc.queryLong("SELECT COUNT(*) FROM client_credits WHERE client_id = ?", id) > 0) {
                throw BillingException.conflict("Client " + id + " has payments or credit on record, which are never"
                        + " deleted: close the client instead (CloseClient)");
            }
            List<Long> kept = jdbc.query("SELECT DISTINCT s.id FROM services s LEFT JOIN jobs j ON j.service_id = s.id"
                    + " WHERE s.client_id = ? AND (s.status NOT IN (?, ?, ?) OR j.id IS NOT NULL) ORDER BY s.id",
                    rs -> rs.getLong(1), id, ServiceStatus.PENDING.label(), ServiceStatus.CANCELLED.label(),
                    ServiceStatus.FRAUD.label());
            if (!kept.isEmpty()) {
                throw BillingException.conflict("Client " + id + " has services that were provisioned or worked on by"
                        + " a module (" + ids(kept) + "): close the client instead (CloseClient)");
            }
            String services = "SELECT id FROM services WHERE client_id = ?";
            jdbc.update("DELETE FROM custom_field_values WHERE service_id IN (" + services + ")", id);
            jdbc.update("DELETE FROM cancel_requests WHERE client_id = ?", id);
            jdbc.update("DELETE FROM service_upgrades WHERE client_id = ?", id);
            jdbc.update("DELETE FROM invoice_items WHERE invoice_id IN (SELECT id FROM invoices WHERE client_id = ?)", id);
            jdbc.update("DELETE FROM invoices WHERE client_id = ?", id);
            jdbc.update("DELETE FROM services WHERE client_id = ?", id);
            jdbc.update("DELETE FROM orders WHERE client_id = ?", id);
            jdbc.update("DELETE FROM web_sessions WHERE area = ? AND account_id = ?", CLIENT_AREA, id);
            jdbc.update("DELETE FROM clients WHERE id = ?", id);
            ActivityLogService.write(jdbc, "Client Deleted - Client ID: " + id, id);
            return null;
        });
    }

    private static String ids(List<Long> ids) {
        return "#" + ids.stream().map(String::valueOf).collect(Collectors.joining(", #"));
    }

    @Override
    public Optional<Client> authenticate(String email, String password) {
        String key = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        Optional<String> stored = jdbc.queryOne("SELECT password_hash FROM clients WHERE email_key = ?",
                rs -> rs.getString(1), key);
        Optional<Client> client = Optional.empty();
        if (stored.isEmpty()) {
            hasher.burnVerification(password);
        } else if (hasher.verify(password, stored.get())) {
            client = byEmail(key).filter(c -> !CLOSED.equals(c.status()));
            hasher.upgrade(password, stored.get()).ifPresent(h -> jdbc.update(
                    "UPDATE clients SET password_hash = ? WHERE email_key = ? AND password_hash = ?", h, key, stored.get()));
        }
        String ip = Actor.current().ip();
        client.ifPresentOrElse(c -> ActivityLogService.write(jdbc, "Client Login - Client ID: " + c.id(), c.id(),
                        Actor.client(c.id(), c.firstName() + " " + c.lastName(), ip)),
                () -> ActivityLogService.write(jdbc, "Failed Client Login Attempt - E-mail: " + ActivityLogService.typed(email),
                        0, Actor.visitor(ip)));
        return client;
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
