package org.billinghost.web.internal;

import org.billinghost.api.billing.Client;
import org.billinghost.api.billing.NewClient;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A client's details as the registration, the client's own details page and the admin's client page take them:
 * every field checked at once (a list of ISO 3166 countries, a phone number, a postcode), each refusal beside
 * its field, and what was typed kept.
 */
public final class ClientForm {
    /** The fields in the form's order, with their labels. */
    public static final Map<String, String> LABELS = labels();
    private static final int MAX = 255;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern POSTCODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{1,11}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{3,25}");
    private static final Set<String> COUNTRY_CODES = Set.of(Locale.getISOCountries());
    /** A country's code and name, for the list. Public: the templates read it. */
    public record Country(String code, String name) {
    }
    /** Every ISO 3166 country by its English name. */
    public static final List<Country> COUNTRIES = Arrays.stream(Locale.getISOCountries())
            .map(c -> new Country(c, new Locale("", c).getDisplayCountry(Locale.ENGLISH)))
            .sorted(Comparator.comparing(Country::name)).toList();

    private final Map<String, String> values;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private ClientForm(Map<String, String> values) {
        this.values = values;
    }

    /** The form as posted, trimmed. */
    public static ClientForm of(Exchange ex) {
        Map<String, String> values = new LinkedHashMap<>();
        LABELS.keySet().forEach(f -> values.put(f, ex.param(f).trim()));
        return new ClientForm(values);
    }

    /** A client's stored details, to edit. */
    public static ClientForm of(Client c) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("firstname", c.firstName());
        values.put("lastname", c.lastName());
        values.put("email", c.email());
        values.put("companyname", nz(c.companyName()));
        values.put("address1", nz(c.address1()));
        values.put("city", nz(c.city()));
        values.put("state", nz(c.state()));
        values.put("postcode", nz(c.postcode()));
        values.put("country", nz(c.country()));
        values.put("phonenumber", nz(c.phoneNumber()));
        return new ClientForm(values);
    }

    /** Checks every field; answers whether all are right (the refusals are then in {@link #errors()}). */
    public boolean valid() {
        errors.clear();
        for (String f : List.of("firstname", "lastname", "email", "address1", "city", "postcode", "country",
                "phonenumber")) {
            if (values.get(f).isEmpty()) {
                errors.put(f, LABELS.get(f) + " is required.");
            }
        }
        values.forEach((f, v) -> {
            if (v.length() > MAX) {
                errors.put(f, LABELS.get(f) + " is longer than " + MAX + " characters.");
            }
        });
        check("email", EMAIL.matcher(values.get("email")).matches(), "This is not an e-mail address.");
        check("postcode", POSTCODE.matcher(values.get("postcode")).matches(),
                "A postcode has 2 to 12 letters, digits, spaces or dashes.");
        check("phonenumber", PHONE.matcher(values.get("phonenumber")).matches()
                        && values.get("phonenumber").chars().filter(Character::isDigit).count() >= 3,
                "A phone number has digits, spaces and + ( ) . / - only.");
        check("country", COUNTRY_CODES.contains(values.get("country")), "Choose a country from the list.");
        return errors.isEmpty();
    }

    /** Adds a refusal of one field (a duplicate e-mail the host found, say); a blank field: of the whole form. */
    public void refuse(String field, String message) {
        errors.put(field == null || field.isBlank() ? "form" : field, message);
    }

    private void check(String field, boolean ok, String message) {
        if (!ok && !values.get(field).isEmpty() && !errors.containsKey(field)) {
            errors.put(field, message);
        }
    }

    public Map<String, String> values() {
        return values;
    }

    public Map<String, String> errors() {
        return errors;
    }

    /** The details to store ({@code password} null when the form has none). */
    public NewClient details(String password) {
        return new NewClient(values.get("firstname"), values.get("lastname"), values.get("email"),
                values.get("companyname"), values.get("address1"), values.get("city"), values.get("state"),
                values.get("postcode"), values.get("country"), values.get("phonenumber"), password);
    }

    /** The model the {@code clientFields} macro shows. */
    public Map<String, Object> model() {
        return Exchange.model("values", values, "errors", errors, "labels", LABELS, "countries", COUNTRIES);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("firstname", "First name");
        labels.put("lastname", "Last name");
        labels.put("email", "E-mail");
        labels.put("companyname", "Company (optional)");
        labels.put("address1", "Address");
        labels.put("city", "City");
        labels.put("state", "State/region (optional)");
        labels.put("postcode", "Postcode");
        labels.put("country", "Country");
        labels.put("phonenumber", "Phone number");
        return labels;
    }
}
