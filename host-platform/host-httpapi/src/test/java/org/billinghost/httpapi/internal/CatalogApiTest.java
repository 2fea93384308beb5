package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.CustomFieldType;
import org.billinghost.api.platform.NewCustomField;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.Product;
import org.junit.jupiter.api.Test;

/** GetProducts, AddProduct. */
class CatalogApiTest extends ApiTestSupport {

    @Test
    void addProductStoresModuleSettingsPriceAndAutoSetup() {
        long gid = group();
        long pid = call("AddProduct", "gid", String.valueOf(gid), "name", "Hosting S", "type", "hostingaccount",
                "paytype", "recurring", "pricing[1][monthly]", "4.50", "module", "testmodule", "autosetup", "payment",
                "configoption1", "success", "configoption2", "Label", "description", "Small").ok().id("pid");

        Product stored = core.catalog().product(pid).orElseThrow();
        assertThat(stored.module()).isEqualTo("testmodule");
        assertThat(stored.autoSetup()).isEqualTo(AutoSetup.PAYMENT);
        assertThat(stored.price()).isEqualByComparingTo("4.50");
        assertThat(stored.configOptions().subList(0, 2)).containsExactly("success", "Label");

        JsonNode product = call("GetProducts", "pid", String.valueOf(pid)).ok().json().path("products")
                .path("product").get(0);
        assertThat(product.path("name").asText()).isEqualTo("Hosting S");
        assertThat(product.path("gid").asLong()).isEqualTo(gid);
        assertThat(product.path("type").asText()).isEqualTo("hostingaccount");
        assertThat(product.path("paytype").asText()).isEqualTo("recurring");
        assertThat(product.path("price").asText()).isEqualTo("4.50");
        assertThat(product.path("autosetup").asText()).isEqualTo("payment");
    }

    @Test
    void getProductsFiltersByGroupModuleAndIdListAndShowsCustomFields() {
        Product a = freeProduct(AutoSetup.MANUAL, NewCustomField.text("Site", "Your site", true, true));
        Product b = freeProduct(AutoSetup.MANUAL);

        JsonNode byGroup = call("GetProducts", "gid", String.valueOf(a.groupId())).ok().json();
        assertThat(byGroup.path("totalresults").asInt()).isEqualTo(1);
        JsonNode field = byGroup.path("products").path("product").get(0).path("customfields").path("customfield").get(0);
        assertThat(field.path("name").asText()).isEqualTo("Site");
        assertThat(field.path("required").asBoolean()).isTrue();
        assertThat(field.path("id").asLong()).isEqualTo(a.customFields().get(0).id());

        JsonNode byIds = call("GetProducts", "pid", a.id() + "," + b.id()).ok().json();
        assertThat(byIds.path("products").path("product")).extracting(n -> n.path("pid").asLong())
                .containsExactly(a.id(), b.id());
        assertThat(call("GetProducts", "module", "testmodule").ok().json().path("totalresults").asInt())
                .isGreaterThanOrEqualTo(2);
        assertThat(call("GetProducts", "module", "nosuchmodule").ok().json().path("totalresults").asInt()).isZero();
    }

    @Test
    void badProductInputIsRefusedAndNothingIsAdded() {
        long gid = group();
        int before = core.catalog().products().size();

        call("AddProduct", "gid", String.valueOf(gid)).refused(200, "Missing required parameter: name");
        call("AddProduct", "name", "X").refused(200, "Missing required parameter: gid");
        call("AddProduct", "gid", String.valueOf(gid), "name", "X", "type", "car")
                .refused(200, "Parameter type must be hostingaccount, reselleraccount, server or other");
        call("AddProduct", "gid", String.valueOf(gid), "name", "X", "paytype", "monthly")
                .refused(200, "Parameter paytype must be free, onetime or recurring");
        call("AddProduct", "gid", String.valueOf(gid), "name", "X", "autosetup", "always")
                .refused(200, "Parameter autosetup must be order, payment, on or empty");
        call("AddProduct", "gid", String.valueOf(gid), "name", "X", "price", "-3")
                .refused(200, "non-negative amount");
        call("AddProduct", "gid", String.valueOf(gid), "name", "X", "module", "Bad Name!")
                .refused(200, "Parameter module must be a module name");
        Reply unknownGroup = call("AddProduct", "gid", "999999", "name", "X");
        assertThat(unknownGroup.result()).isEqualTo("error");
        assertThat(unknownGroup.status()).isEqualTo(200);
        call("GetProducts", "pid", "abc").refused(200, "Parameter pid must be a product id");

        assertThat(core.catalog().products()).hasSize(before);
    }

    @Test
    void addProductTakesTheWelcomeEmailByTemplateIdOrNone() {
        long gid = group();
        long template = core.emails().addWelcomeTemplate("API welcome " + System.nanoTime()).id();
        int before = core.catalog().products().size();

        call("AddProduct", "gid", String.valueOf(gid), "name", "X", "welcomeemail", "basic")
                .refused(200, "Parameter welcomeemail must be 0 (none) or the id of a product welcome template, got 'basic'");
        call("AddProduct", "gid", String.valueOf(gid), "name", "X", "welcomeemail", "987654321")
                .refused(200, "There is no product welcome template 987654321.");
        assertThat(core.catalog().products()).hasSize(before);

        long none = call("AddProduct", "gid", String.valueOf(gid), "name", "Quiet", "welcomeemail", "0").ok().id("pid");
        long chosen = call("AddProduct", "gid", String.valueOf(gid), "name", "Chosen", "welcomeemail",
                String.valueOf(template)).ok().id("pid");
        long standard = call("AddProduct", "gid", String.valueOf(gid), "name", "Standard").ok().id("pid");

        assertThat(core.catalog().product(none).orElseThrow().welcomeEmail()).isEqualTo(0L);
        assertThat(core.catalog().product(chosen).orElseThrow().welcomeEmail()).isEqualTo(template);
        assertThat(core.catalog().product(standard).orElseThrow().welcomeEmail()).isNull();
    }

    @Test
    void adminOnlyFieldsAreNotListed() {
        Product p = product(AutoSetup.MANUAL, "success", PayType.FREE, BigDecimal.ZERO,
                NewCustomField.adminOnly("Plan", CustomFieldType.DROPDOWN, "", List.of("basic", "pro")),
                NewCustomField.text("Site URL", "", false, true));

        JsonNode fields = call("GetProducts", "pid", String.valueOf(p.id())).ok().json().path("products")
                .path("product").get(0).path("customfields").path("customfield");

        assertThat(fields).hasSize(1);
        assertThat(fields.get(0).path("name").asText()).isEqualTo("Site URL");
        assertThat(fields.get(0).path("adminonly").asBoolean()).isFalse();
    }
}
