package org.billinghost.core.internal.commands;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.billinghost.api.billing.NewClient;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.OrderLine;
import org.billinghost.api.billing.OrderRequest;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.CustomFieldType;
import org.billinghost.api.platform.NewCustomField;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductType;
import org.billinghost.core.testkit.CoreAssembly;

/** Builds clients, products and orders on an assembly, with unique names so tests may share a database. */
public final class Shop {
    public static final String MODULE = "fakemod";

    private final CoreAssembly core;
    private final long groupId;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private long clientId;

    public Shop(CoreAssembly core) {
        this.core = core;
        this.groupId = core.catalog().createGroup("Group " + tag, false).id();
    }

    public long client() {
        if (clientId == 0) {
            clientId = core.clients().add(new NewClient("Ada", "Lovelace", "ada-" + tag + "@example.com", "Analytical",
                    "1 Street", "London", "", "N1", "GB", "+44", "client-password")).id();
        }
        return clientId;
    }

    /**
     * A product of the fake module: configoption1 "basic", configoption2 "s3cret"; custom fields
     * {@code Site URL} (text, shown on order), {@code Plan} (admin-only dropdown gold/silver) and
     * {@code Token} (admin-only text).
     */
    public Product product(AutoSetup autoSetup, BigDecimal price) {
        return product(MODULE, autoSetup, price);
    }

    /** The same product of another module. */
    public Product product(String module, AutoSetup autoSetup, BigDecimal price) {
        return core.catalog().addProduct(new NewProduct(groupId, "Product " + autoSetup + " " + UUID.randomUUID(), "",
                ProductType.OTHER, false, price.signum() == 0 ? PayType.FREE : PayType.ONETIME, price, module,
                List.of("basic", "s3cret"), autoSetup, List.of(
                        NewCustomField.text("Site URL", "", false, true).withValidation("https?://.+"),
                        NewCustomField.adminOnly("Plan", CustomFieldType.DROPDOWN, "", List.of("gold", "silver")),
                        NewCustomField.adminOnly("Token", CustomFieldType.TEXT, "", List.of()))));
    }

    public Order order(Product product, String siteUrl) {
        return core.orders().place(new OrderRequest(client(), List.of(new OrderLine(product.id(), "example.com",
                Map.of("Site URL", siteUrl))), "banktransfer", false));
    }

    /** Places an order and answers its only service id. */
    public long service(Product product) {
        return order(product, "https://example.com").serviceIds().get(0);
    }
}
