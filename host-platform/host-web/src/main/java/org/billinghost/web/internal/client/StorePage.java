package org.billinghost.web.internal.client;

import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.Product;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.PageException;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The store: visible groups with their visible products, and bundles; a hidden product only by its link. */
final class StorePage {
    private final Catalog catalog;

    StorePage(Catalog catalog) {
        this.catalog = catalog;
    }

    void home(Exchange ex) throws IOException {
        List<Map<String, Object>> groups = catalog.groups().stream()
                .filter(g -> !g.hidden())
                .map(g -> Exchange.model("group", g,
                        "products", catalog.productsInGroup(g.id()).stream().filter(p -> !p.hidden()).toList()))
                .filter(g -> !((List<?>) g.get("products")).isEmpty())
                .toList();
        List<Map<String, Object>> bundles = catalog.bundles().stream()
                .map(b -> Exchange.model("bundle", b, "products", b.productIds().stream()
                        .map(id -> catalog.product(id).orElse(null)).filter(Objects::nonNull).toList()))
                .toList();
        ex.render("client/store.ftlh", Exchange.model("groups", groups, "bundles", bundles,
                "currency", catalog.currency()));
    }

    /** {@code /store/product?id=N}: also for hidden products, which are sold by direct link. */
    void product(Exchange ex) throws IOException {
        long id = ex.number("id");
        Product product = catalog.product(id)
                .orElseThrow(() -> PageException.notFound("There is no product #" + id + " in the store."));
        ex.render("client/product.ftlh", Exchange.model("product", product, "currency", catalog.currency()));
    }
}
