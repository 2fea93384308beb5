package org.billinghost.jetpack.addon.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.Currency;
import org.billinghost.api.platform.CustomField;
import org.billinghost.api.platform.NewCustomField;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductBundle;
import org.billinghost.api.platform.ProductGroup;

/** A small catalog for page tests: products, groups, bundles and service counts kept in maps. */
final class InMemoryCatalog implements Catalog {
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, ProductGroup> groups = new TreeMap<>();
    private final Map<Long, Product> products = new TreeMap<>();
    private final List<ProductBundle> bundles = new ArrayList<>();
    private final Map<Long, Long> activeServices = new TreeMap<>();

    void setActiveServices(long productId, long count) {
        activeServices.put(productId, count);
    }

    @Override
    public Currency currency() {
        return new Currency("USD", "$", " USD");
    }

    @Override
    public List<ProductGroup> groups() {
        return List.copyOf(groups.values());
    }

    @Override
    public Optional<ProductGroup> group(long id) {
        return Optional.ofNullable(groups.get(id));
    }

    @Override
    public ProductGroup createGroup(String name, boolean hidden) {
        ProductGroup group = new ProductGroup(ids.incrementAndGet(), name, hidden);
        groups.put(group.id(), group);
        return group;
    }

    @Override
    public ProductGroup updateGroup(long id, String name, boolean hidden) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Product> products() {
        return List.copyOf(products.values());
    }

    @Override
    public List<Product> productsInGroup(long groupId) {
        return products.values().stream().filter(p -> p.groupId() == groupId).toList();
    }

    @Override
    public List<Product> productsOfModule(String module) {
        return products.values().stream().filter(p -> p.module().equals(module)).toList();
    }

    @Override
    public Optional<Product> product(long id) {
        return Optional.ofNullable(products.get(id));
    }

    @Override
    public Product addProduct(NewProduct product) {
        if (!groups.containsKey(product.groupId())) {
            throw BillingException.invalid("Product group " + product.groupId() + " does not exist");
        }
        long id = ids.incrementAndGet();
        List<CustomField> fields = new ArrayList<>();
        for (NewCustomField f : product.customFields()) {
            fields.add(new CustomField(ids.incrementAndGet(), id, f.name(), f.type(), f.description(), f.validationRegex(),
                    f.options(), f.adminOnly(), f.required(), f.showOnOrderForm(), f.showOnInvoice(), fields.size()));
        }
        Product created = new Product(id, product.groupId(), product.name(), product.description(), product.type(),
                product.hidden(), product.payType(), product.price(), product.module(), padded(product.configOptions()),
                product.autoSetup(), fields);
        products.put(id, created);
        return created;
    }

    @Override
    public List<Product> addProducts(List<NewProduct> newProducts) {
        return newProducts.stream().map(this::addProduct).toList();
    }

    @Override
    public Product updateProduct(long id, NewProduct product) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void updateConfigOptions(List<Long> productIds, int n, String value) {
        for (long id : productIds) {
            Product p = products.get(id);
            List<String> options = new ArrayList<>(p.configOptions());
            options.set(n - 1, value);
            products.put(id, new Product(p.id(), p.groupId(), p.name(), p.description(), p.type(), p.hidden(), p.payType(),
                    p.price(), p.module(), options, p.autoSetup(), p.customFields()));
        }
    }

    @Override
    public CustomField addCustomField(long productId, NewCustomField field) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CustomField updateCustomField(long fieldId, NewCustomField field) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeCustomField(long fieldId, boolean force) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ProductBundle> bundles() {
        return List.copyOf(bundles);
    }

    @Override
    public ProductBundle createBundle(String name, String description, List<Long> productIds) {
        ProductBundle bundle = new ProductBundle(ids.incrementAndGet(), name, description, productIds);
        bundles.add(bundle);
        return bundle;
    }

    @Override
    public long countServices(long productId, String status) {
        return "Active".equals(status) ? activeServices.getOrDefault(productId, 0L) : 0;
    }

    private static List<String> padded(List<String> options) {
        List<String> all = new ArrayList<>(options);
        while (all.size() < 24) {
            all.add("");
        }
        return all;
    }
}
