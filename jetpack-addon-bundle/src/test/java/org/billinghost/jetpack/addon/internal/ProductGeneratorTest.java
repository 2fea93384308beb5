package org.billinghost.jetpack.addon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.CustomField;
import org.billinghost.api.platform.CustomFieldType;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductGroup;
import org.billinghost.api.platform.ProductType;
import org.billinghost.jetpack.partner.PartnerCredentials;
import org.billinghost.jetpack.partner.Plan;
import org.junit.jupiter.api.Test;

/** What the generator creates and that it never creates a plan's product twice. */
class ProductGeneratorTest {
    private static final PartnerCredentials CREDENTIALS = new PartnerCredentials("1001", "demo-partner-secret");

    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private final AddonFixture fixture = new AddonFixture(catalog);
    private final ProductGenerator generator = new ProductGenerator(catalog, fixture.storage.records(), fixture.storage.claims());
    private final ProductGroup group = catalog.createGroup("Jetpack", false);

    @Test
    void createsOneHiddenProductPerPlanWithTheModuleSettingsAndCustomFields() {
        GenerationResult result = generator.generate(group.id(), CREDENTIALS);

        assertThat(result).isInstanceOf(GenerationResult.Created.class);
        assertThat(catalog.productsOfModule("jetpack")).extracting(Product::name).containsExactly(
                "Jetpack - Free Plan", "Jetpack - Personal Plan", "Jetpack - Premium Plan", "Jetpack - Professional Plan");
        for (Product p : catalog.productsOfModule("jetpack")) {
            Plan plan = JetpackProducts.planNamed(p.name()).orElseThrow();
            assertThat(p.groupId()).isEqualTo(group.id());
            assertThat(p.type()).isEqualTo(ProductType.OTHER);
            assertThat(p.hidden()).isTrue();
            assertThat(p.autoSetup()).isEqualTo(AutoSetup.PAYMENT);
            assertThat(p.payType()).isEqualTo(plan == Plan.FREE ? PayType.FREE : PayType.RECURRING);
            assertThat(p.price()).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(p.configOptions().subList(0, 2)).containsExactly("1001", "demo-partner-secret");
            assertThat(p.customFields()).extracting(CustomField::name)
                    .containsExactly("Site URL", "Local User", "Plan", "jetpack_provisioning_details");
            CustomField siteUrl = p.customFields().get(0);
            assertThat(siteUrl.required()).isTrue();
            assertThat(siteUrl.showOnOrderForm()).isTrue();
            assertThat(siteUrl.adminOnly()).isFalse();
            assertThat(siteUrl.type()).isEqualTo(CustomFieldType.LINK);
            assertThat(siteUrl.validationRegex()).isEmpty();
            CustomField localUser = p.customFields().get(1);
            assertThat(List.of(localUser.required(), localUser.showOnOrderForm(), localUser.adminOnly()))
                    .containsExactly(true, true, false);
            CustomField planField = p.customFields().get(2);
            assertThat(planField.type()).isEqualTo(CustomFieldType.DROPDOWN);
            assertThat(planField.adminOnly()).isTrue();
            assertThat(planField.options()).containsExactly(plan.slug());
            CustomField details = p.customFields().get(3);
            assertThat(details.type()).isEqualTo(CustomFieldType.TEXT);
            assertThat(List.of(details.adminOnly(), details.required(), details.showOnOrderForm()))
                    .containsExactly(true, false, false);
        }
        assertThat(fixture.storage.records().all().values()).extracting(ProductRecord::plan)
                .containsExactlyInAnyOrder(Plan.values());
    }

    @Test
    void aSecondPressCreatesNothingAndSaysTheProductsExist() {
        generator.generate(group.id(), CREDENTIALS);

        GenerationResult second = generator.generate(group.id(), CREDENTIALS);

        assertThat(second).isInstanceOf(GenerationResult.AlreadyExist.class);
        assertThat(((GenerationResult.AlreadyExist) second).existing()).hasSize(4);
        assertThat(catalog.products()).hasSize(4);
        assertThat(fixture.storage.records().all()).hasSize(4);
    }

    @Test
    void createsOnlyThePlansThatHaveNoProduct() {
        catalog.addProduct(JetpackProducts.newProduct(group.id(), Plan.PERSONAL, CREDENTIALS));

        GenerationResult result = generator.generate(group.id(), CREDENTIALS);

        assertThat(result).isInstanceOfSatisfying(GenerationResult.Created.class, created -> {
            assertThat(created.alreadyPresent()).isEqualTo(1);
            assertThat(created.created()).extracting(Product::name)
                    .containsExactly("Jetpack - Free Plan", "Jetpack - Premium Plan", "Jetpack - Professional Plan");
        });
        assertThat(catalog.products()).hasSize(4);
    }

    @Test
    void aProductGroupThatDoesNotExistIsRefusedAndNothingIsCreated() {
        GenerationResult result = generator.generate(group.id() + 100, CREDENTIALS);

        assertThat(result).isInstanceOfSatisfying(GenerationResult.Refused.class, refused -> assertThat(refused.message())
                .isEqualTo("JETPACK MODULE: product group " + (group.id() + 100) + " does not exist; nothing was created."));
        assertThat(catalog.products()).isEmpty();
        assertThat(fixture.storage.records().all()).isEmpty();
    }
}
