package org.billinghost.core.internal.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.BillingCycle;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.Currency;
import org.billinghost.api.platform.CyclePrice;
import org.billinghost.api.platform.CustomField;
import org.billinghost.api.platform.CustomFieldType;
import org.billinghost.api.platform.NewCustomField;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductBundle;
import org.billinghost.api.platform.ProductGroup;
import org.billinghost.api.platform.ProductType;
import org.billinghost.core.internal.db.DataAccessException;
import org.billinghost.core.internal.db.Jdbc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** Product groups, products with their config options, prices per cycle and custom fields, bundles, the currency. */
@Component(service = Catalog.class, configurationPid = CurrencyConfiguration.PID)
@Designate(ocd = CurrencyConfiguration.class)
public final class CatalogService implements Catalog {
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    private static final int MAX_AFFIX = 16;

    private static final String PRODUCT_COLUMNS = "SELECT p.id, p.group_id, p.name, p.description, p.product_type, "
            + "p.hidden, p.pay_type, p.price, p.module, p.auto_setup, p.welcome_email FROM products p";
    private static final String FIELD_COLUMNS = "SELECT id, product_id, name, field_type, description, validation_regex, "
            + "field_options, admin_only, required, show_on_order, show_on_invoice, sort_order FROM custom_fields";

    private final Jdbc jdbc;
    private final Currency currency;

    @Activate
    public CatalogService(@Reference Jdbc jdbc, CurrencyConfiguration config) {
        this(jdbc, new Currency(config.code(), config.prefix(), config.suffix()));
    }

    /** The catalog outside Declarative Services (tests). */
    public static CatalogService of(Jdbc jdbc, Currency currency) {
        return new CatalogService(jdbc, currency);
    }

    private CatalogService(Jdbc jdbc, Currency currency) {
        if (!CURRENCY_CODE.matcher(currency.code()).matches() || currency.prefix().length() > MAX_AFFIX
                || currency.suffix().length() > MAX_AFFIX) {
            // a configuration the pages and invoices could not print: the component does not start, and SCR logs why
            throw new IllegalArgumentException("The currency (PID " + CurrencyConfiguration.PID + ") needs a code of"
                    + " three capital letters and a prefix and suffix of at most " + MAX_AFFIX + " characters");
        }
        this.jdbc = jdbc;
        this.currency = currency;
    }

    @Override
    public Currency currency() {
        return currency;
    }

    // ---- groups

    @Override
    public List<ProductGroup> groups() {
        return jdbc.query("SELECT id, name, hidden FROM product_groups ORDER BY id", CatalogService::mapGroup);
    }

    @Override
    public Optional<ProductGroup> group(long id) {
        return jdbc.queryOne("SELECT id, name, hidden FROM product_groups WHERE id = ?", CatalogService::mapGroup, id);
    }

    @Override
    public ProductGroup createGroup(String name, boolean hidden) {
        String n = CatalogValidation.name(name, "product group");
        long id = unique(() -> jdbc.insert("INSERT INTO product_groups (name, hidden, created) VALUES (?, ?, ?)",
                n, hidden, Jdbc.now()), "A product group named '" + n + "' already exists.");
        return new ProductGroup(id, n, hidden);
    }

    @Override
    public ProductGroup updateGroup(long id, String name, boolean hidden) {
        String n = CatalogValidation.name(name, "product group");
        int changed = unique(() -> jdbc.update("UPDATE product_groups SET name = ?, hidden = ? WHERE id = ?", n, hidden, id),
                "A product group named '" + n + "' already exists.");
        if (changed == 0) {
            throw BillingException.invalid("Product group " + id + " does not exist.");
        }
        return new ProductGroup(id, n, hidden);
    }

    // ---- products

    @Override
    public List<Product> products() {
        return loadProducts("", new Object[0]);
    }

    @Override
    public List<Product> productsInGroup(long groupId) {
        return loadProducts(" WHERE p.group_id = ?", new Object[] {groupId});
    }

    @Override
    public List<Product> productsOfModule(String module) {
        return loadProducts(" WHERE p.module = ?", new Object[] {module == null ? "" : module});
    }

    @Override
    public Optional<Product> product(long id) {
        return loadProducts(" WHERE p.id = ?", new Object[] {id}).stream().findFirst();
    }

    @Override
    public Product addProduct(NewProduct product) {
        return addProducts(List.of(product)).get(0);
    }

    @Override
    public List<Product> addProducts(List<NewProduct> products) {
        products.forEach(CatalogValidation::product);
        List<Long> ids = jdbc.inTransaction(() -> {
            List<Long> created = new ArrayList<>();
            for (NewProduct p : products) {
                requireGroup(p.groupId());
                requireWelcomeTemplate(p.welcomeEmail());
                long id = jdbc.insert("INSERT INTO products (group_id, name, description, product_type, hidden, pay_type, "
                                + "price, module, auto_setup, created, welcome_email) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        p.groupId(), p.name().strip(), p.description(), p.type().code(), p.hidden(), p.payType().code(),
                        p.price(), p.module(), p.autoSetup().code(), Jdbc.now(), p.welcomeEmail());
                writeConfigOptions(id, p.configOptions());
                writePricing(id, p.pricing());
                int order = 0;
                for (NewCustomField f : p.customFields()) {
                    insertField(id, f, order++);
                }
                created.add(id);
            }
            return created;
        });
        return ids.stream().map(id -> product(id).orElseThrow()).toList();
    }

    @Override
    public Product updateProduct(long id, NewProduct p) {
        CatalogValidation.product(p);
        jdbc.inTransaction(() -> {
            requireGroup(p.groupId());
            requireWelcomeTemplate(p.welcomeEmail());
            int changed = jdbc.update("UPDATE products SET group_id = ?, name = ?, description = ?, product_type = ?, "
                            + "hidden = ?, pay_type = ?, price = ?, module = ?, auto_setup = ?, welcome_email = ?"
                            + " WHERE id = ?",
                    p.groupId(), p.name().strip(), p.description(), p.type().code(), p.hidden(), p.payType().code(),
                    p.price(), p.module(), p.autoSetup().code(), p.welcomeEmail(), id);
            if (changed == 0) {
                throw BillingException.invalid("Product " + id + " does not exist.");
            }
            jdbc.update("DELETE FROM product_config_options WHERE product_id = ?", id);
            writeConfigOptions(id, p.configOptions());
            jdbc.update("DELETE FROM product_pricing WHERE product_id = ?", id);
            writePricing(id, p.pricing());
            return null;
        });
        return product(id).orElseThrow();
    }

    @Override
    public void updateConfigOptions(List<Long> productIds, int n, String value) {
        CatalogValidation.configOptionNumber(n);
        String v = CatalogValidation.configOption(value);
        jdbc.inTransaction(() -> {
            for (long id : productIds) {
                requireProduct(id);
                if (jdbc.update("UPDATE product_config_options SET option_value = ? WHERE product_id = ? AND n = ?",
                        v, id, n) == 0) {
                    jdbc.update("INSERT INTO product_config_options (product_id, n, option_value) VALUES (?, ?, ?)", id, n, v);
                }
            }
            return null;
        });
    }

    // ---- custom fields

    @Override
    public CustomField addCustomField(long productId, NewCustomField field) {
        CatalogValidation.customField(field);
        long id = jdbc.inTransaction(() -> {
            requireProduct(productId);
            int order = (int) jdbc.queryLong("SELECT COALESCE(MAX(sort_order) + 1, 0) FROM custom_fields WHERE product_id = ?",
                    productId);
            return insertField(productId, field, order);
        });
        return customField(id).orElseThrow();
    }

    @Override
    public CustomField updateCustomField(long fieldId, NewCustomField f) {
        String name = CatalogValidation.customField(f);
        int changed = unique(() -> jdbc.update("UPDATE custom_fields SET name = ?, field_type = ?, description = ?, "
                                + "validation_regex = ?, field_options = ?, admin_only = ?, required = ?, show_on_order = ?, "
                                + "show_on_invoice = ? WHERE id = ?", name, f.type().code(), f.description(),
                        f.validationRegex(), CatalogValidation.joinOptions(f.options()), f.adminOnly(), f.required(),
                        f.showOnOrderForm(), f.showOnInvoice(), fieldId),
                "The product already has a custom field named '" + name + "'.");
        if (changed == 0) {
            throw BillingException.invalid("Custom field " + fieldId + " does not exist.");
        }
        return customField(fieldId).orElseThrow();
    }

    @Override
    public void removeCustomField(long fieldId, boolean force) {
        jdbc.inTransaction(() -> {
            CustomField field = customField(fieldId)
                    .orElseThrow(() -> BillingException.invalid("Custom field " + fieldId + " does not exist."));
            long values = jdbc.queryLong("SELECT COUNT(*) FROM custom_field_values WHERE field_id = ? AND field_value <> ''",
                    fieldId);
            if (values > 0 && !force) {
                throw BillingException.invalid("Custom field '" + field.name() + "' still has values for " + values
                        + " service(s); remove it with force to delete them too.");
            }
            jdbc.update("DELETE FROM custom_field_values WHERE field_id = ?", fieldId);
            jdbc.update("DELETE FROM custom_fields WHERE id = ?", fieldId);
            return null;
        });
    }

    public Optional<CustomField> customField(long id) {
        return jdbc.queryOne(FIELD_COLUMNS + " WHERE id = ?", CatalogService::mapField, id);
    }

    // ---- bundles

    @Override
    public List<ProductBundle> bundles() {
        Map<Long, List<Long>> items = new HashMap<>();
        jdbc.query("SELECT bundle_id, product_id FROM product_bundle_items ORDER BY bundle_id, item_order", rs -> {
            items.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
            return null;
        });
        return jdbc.query("SELECT id, name, description FROM product_bundles ORDER BY id",
                rs -> new ProductBundle(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                        items.getOrDefault(rs.getLong("id"), List.of())));
    }

    @Override
    public ProductBundle createBundle(String name, String description, List<Long> productIds) {
        String n = CatalogValidation.name(name, "bundle");
        if (productIds == null || productIds.isEmpty()) {
            throw BillingException.invalid("Bundle '" + n + "' needs at least one product.");
        }
        String d = description == null ? "" : description.strip();
        long id = jdbc.inTransaction(() -> {
            productIds.forEach(this::requireProduct);
            long bundleId = unique(() -> jdbc.insert("INSERT INTO product_bundles (name, description, created) "
                    + "VALUES (?, ?, ?)", n, d, Jdbc.now()), "A bundle named '" + n + "' already exists.");
            for (int i = 0; i < productIds.size(); i++) {
                jdbc.update("INSERT INTO product_bundle_items (bundle_id, item_order, product_id) VALUES (?, ?, ?)",
                        bundleId, i, productIds.get(i));
            }
            return bundleId;
        });
        return new ProductBundle(id, n, d, productIds);
    }

    @Override
    public long countServices(long productId, String status) {
        return jdbc.queryLong("SELECT COUNT(*) FROM services WHERE product_id = ? AND status = ?", productId, status);
    }

    // ---- helpers

    private List<Product> loadProducts(String where, Object[] params) {
        Map<Long, Product> rows = new LinkedHashMap<>();
        jdbc.query(PRODUCT_COLUMNS + where + " ORDER BY p.id", rs -> rows.put(rs.getLong("id"), mapProduct(rs)), params);
        if (rows.isEmpty()) {
            return List.of();
        }
        String ofProducts = " WHERE product_id IN (SELECT p.id FROM products p" + where + ")";
        Map<Long, String[]> options = new HashMap<>();
        jdbc.query("SELECT product_id, n, option_value FROM product_config_options" + ofProducts, rs -> {
            options.computeIfAbsent(rs.getLong(1), k -> emptyOptions())[rs.getInt(2) - 1] = rs.getString(3);
            return null;
        }, params);
        Map<Long, List<CustomField>> fields = new HashMap<>();
        jdbc.query(FIELD_COLUMNS + ofProducts + " ORDER BY product_id, sort_order, id", rs -> {
            CustomField f = mapField(rs);
            return fields.computeIfAbsent(f.productId(), k -> new ArrayList<>()).add(f);
        }, params);
        Map<Long, List<CyclePrice>> pricing = new HashMap<>();
        jdbc.query("SELECT product_id, cycle, price, setup_fee FROM product_pricing" + ofProducts, rs -> {
            CyclePrice price = new CyclePrice(BillingCycle.of(rs.getString(2)).orElseThrow(), rs.getBigDecimal(3),
                    rs.getBigDecimal(4));
            return pricing.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(price);
        }, params);
        return rows.values().stream().map(p -> new Product(p.id(), p.groupId(), p.name(), p.description(), p.type(),
                p.hidden(), p.payType(), p.price(), p.module(),
                Arrays.asList(options.getOrDefault(p.id(), emptyOptions())), p.autoSetup(),
                fields.getOrDefault(p.id(), List.of()), shortestFirst(pricing.getOrDefault(p.id(), List.of())),
                p.welcomeEmail())).toList();
    }

    private void writePricing(long productId, List<CyclePrice> pricing) {
        for (CyclePrice price : pricing) {
            jdbc.update("INSERT INTO product_pricing (product_id, cycle, price, setup_fee) VALUES (?, ?, ?, ?)", productId,
                    price.cycle().code(), price.price(), price.setupFee());
        }
    }

    private static List<CyclePrice> shortestFirst(List<CyclePrice> pricing) {
        return pricing.stream().sorted(Comparator.comparing(CyclePrice::cycle)).toList();
    }

    private void writeConfigOptions(long productId, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            String v = CatalogValidation.configOption(values.get(i));
            if (!v.isEmpty()) {
                jdbc.update("INSERT INTO product_config_options (product_id, n, option_value) VALUES (?, ?, ?)",
                        productId, i + 1, v);
            }
        }
    }

    private long insertField(long productId, NewCustomField f, int sortOrder) {
        String name = f.name().strip();
        return unique(() -> jdbc.insert("INSERT INTO custom_fields (product_id, name, field_type, description, "
                                + "validation_regex, field_options, admin_only, required, show_on_order, show_on_invoice, "
                                + "sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", productId, name, f.type().code(),
                        f.description(), f.validationRegex(), CatalogValidation.joinOptions(f.options()), f.adminOnly(),
                        f.required(), f.showOnOrderForm(), f.showOnInvoice(), sortOrder),
                "The product already has a custom field named '" + name + "'.");
    }

    private void requireGroup(long groupId) {
        if (jdbc.queryLong("SELECT COUNT(*) FROM product_groups WHERE id = ?", groupId) == 0) {
            throw BillingException.invalid("gid", "Product group " + groupId + " does not exist.");
        }
    }

    /**
     * An added welcome template the product names, read under its row lock: deleting the template takes the same
     * lock and refuses while a product names it, so neither can slip past the other.
     */
    private void requireWelcomeTemplate(Long templateId) {
        if (templateId != null && templateId > 0 && jdbc.queryOne("SELECT id FROM mail_welcome_templates WHERE id = ?"
                + " FOR UPDATE", rs -> rs.getLong(1), templateId).isEmpty()) {
            throw BillingException.invalid("welcomeemail", "There is no product welcome template " + templateId + ".");
        }
    }

    private void requireProduct(long productId) {
        if (jdbc.queryLong("SELECT COUNT(*) FROM products WHERE id = ?", productId) == 0) {
            throw BillingException.invalid("Product " + productId + " does not exist.");
        }
    }

    private static <T> T unique(java.util.function.Supplier<T> write, String conflictMessage) {
        try {
            return write.get();
        } catch (DataAccessException e) {
            if (e.isUniqueViolation()) {
                throw BillingException.conflict(conflictMessage);
            }
            throw e;
        }
    }

    private static String[] emptyOptions() {
        String[] options = new String[CatalogValidation.CONFIG_OPTIONS];
        Arrays.fill(options, "");
        return options;
    }

    private static ProductGroup mapGroup(ResultSet rs) throws SQLException {
        return new ProductGroup(rs.getLong("id"), rs.getString("name"), rs.getBoolean("hidden"));
    }

    private static Product mapProduct(ResultSet rs) throws SQLException {
        return new Product(rs.getLong("id"), rs.getLong("group_id"), rs.getString("name"), rs.getString("description"),
                ProductType.valueOf(rs.getString("product_type").toUpperCase(Locale.ROOT)), rs.getBoolean("hidden"),
                PayType.valueOf(rs.getString("pay_type").toUpperCase(Locale.ROOT)), rs.getBigDecimal("price"),
                rs.getString("module"), List.of(), AutoSetup.fromCode(rs.getString("auto_setup")).orElse(AutoSetup.MANUAL),
                List.of(), null, welcomeEmail(rs));
    }

    private static Long welcomeEmail(ResultSet rs) throws SQLException {
        long id = rs.getLong("welcome_email");
        return rs.wasNull() ? null : id;
    }

    private static CustomField mapField(ResultSet rs) throws SQLException {
        String options = rs.getString("field_options");
        return new CustomField(rs.getLong("id"), rs.getLong("product_id"), rs.getString("name"),
                CustomFieldType.valueOf(rs.getString("field_type").toUpperCase(Locale.ROOT)), rs.getString("description"),
                rs.getString("validation_regex"), options.isEmpty() ? List.of() : List.of(options.split(",")),
                rs.getBoolean("admin_only"), rs.getBoolean("required"), rs.getBoolean("show_on_order"),
                rs.getBoolean("show_on_invoice"), rs.getInt("sort_order"));
    }
}
