package org.billinghost.api.platform;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Product groups, products, custom fields and bundles (WHMCS's AddProduct and friends).
 * Every change is one transaction; a refused change throws {@link org.billinghost.api.billing.BillingException}
 * ({@code CONFLICT} for a duplicate name, {@code INVALID_INPUT} otherwise, with the field at fault where there
 * is one) and changes nothing.
 */
@ProviderType
public interface Catalog {

    List<ProductGroup> groups();
    /**
     * The host's currency (PID {@code org.billinghost.core.currency}).
     *
     * @since 2.1
     */
    Currency currency();

    Optional<ProductGroup> group(long id);

    ProductGroup createGroup(String name, boolean hidden);

    ProductGroup updateGroup(long id, String name, boolean hidden);

    List<Product> products();

    List<Product> productsInGroup(long groupId);

    /** Products whose server module is {@code module}. */
    List<Product> productsOfModule(String module);

    Optional<Product> product(long id);

    Product addProduct(NewProduct product);

    /** Adds all products in one transaction: all of them or none. */
    List<Product> addProducts(List<NewProduct> products);

    /** Replaces a product's details and module settings; its custom fields are kept. */
    Product updateProduct(long id, NewProduct product);

    /** Sets configoption{@code n} (1-based) of every listed product in one transaction. */
    void updateConfigOptions(List<Long> productIds, int n, String value);

    CustomField addCustomField(long productId, NewCustomField field);

    CustomField updateCustomField(long fieldId, NewCustomField field);

    /** Removes a field and its values; refused while services still have a value for it unless {@code force}. */
    void removeCustomField(long fieldId, boolean force);

    List<ProductBundle> bundles();

    ProductBundle createBundle(String name, String description, List<Long> productIds);

    /** How many services of the product have the given status (e.g. "Active"). */
    long countServices(long productId, String status);
}
