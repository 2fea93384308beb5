package org.billinghost.core.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.EmailMessage;
import org.billinghost.api.billing.EmailTemplate;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.Product;
import org.billinghost.core.testkit.AllDatabases;
import org.billinghost.core.testkit.CoreAssembly;

/** Product welcome templates an admin adds, each product's choice of welcome e-mail, and their refusals. */
class WelcomeTemplatesTest {

    @AllDatabases.Test
    void aProductWithAnAddedWelcomeTemplateWelcomesItsServicesWithIt(CoreAssembly core) {
        EmailTemplate added = core.emails().addWelcomeTemplate("Backup welcome " + tag());
        core.emails().saveTemplate(added.name(), "Backups for ${service.domain} are on: ${module.activationUrl}",
                "Hello ${client.firstName}", "<p>Hello ${client.firstName}</p>");
        MailTestSupport shop = new MailTestSupport(core, "Ada", "Jetpack Backup", added.id());

        long serviceId = shop.orderAndPay().serviceIds().get(0);
        core.emails().deliverDue("host-a");

        EmailMessage welcome = shop.messages().get(shop.messages().size() - 1);
        assertThat(welcome.template()).isEqualTo("product_welcome_" + added.id());
        assertThat(welcome.subject()).isEqualTo("Backups for example.com are on: "
                + WelcomingModule.activationUrl(serviceId));
    }

    @AllDatabases.Test
    void aProductWithoutWelcomeEmailSendsNone(CoreAssembly core) {
        MailTestSupport shop = new MailTestSupport(core, "Ada", "Jetpack Scan", 0L);

        shop.orderAndPay();

        assertThat(shop.messages()).extracting(EmailMessage::template).containsExactly("client_signup",
                "order_confirmation", "invoice_created", "invoice_payment_confirmation");
    }

    @AllDatabases.Test
    void aTemplateAProductUsesIsNotDeletedUntilTheProductChoosesAnother(CoreAssembly core) {
        EmailTemplate added = core.emails().addWelcomeTemplate("Used welcome " + tag());
        MailTestSupport shop = new MailTestSupport(core, "Ada", "Jetpack VaultPress " + tag(), added.id());

        assertThatThrownBy(() -> core.emails().deleteTemplate(added.name())).isInstanceOf(BillingException.class)
                .hasMessage("The template '" + added.label() + "' is the welcome e-mail of the product "
                        + shop.product.name() + ". Choose another welcome e-mail for them first; the template was"
                        + " not deleted.");
        assertThat(core.emails().template(added.name()).label()).isEqualTo(added.label());

        core.catalog().updateProduct(shop.product.id(), withWelcome(shop.product, 0L));
        core.emails().deleteTemplate(added.name());

        assertThat(core.emails().templates()).extracting(EmailTemplate::name).doesNotContain(added.name());
    }

    @AllDatabases.Test
    void aProductNamingNoAddedTemplateIsRefusedAndNotChanged(CoreAssembly core) {
        MailTestSupport shop = new MailTestSupport(core, "Ada", "Jetpack Search " + tag());

        BillingException refused = org.junit.jupiter.api.Assertions.assertThrows(BillingException.class,
                () -> core.catalog().updateProduct(shop.product.id(), withWelcome(shop.product, 987654321L)));

        assertThat(refused.getMessage()).isEqualTo("There is no product welcome template 987654321.");
        assertThat(refused.field()).contains("welcomeemail");
        assertThat(core.catalog().product(shop.product.id()).orElseThrow().welcomeEmail()).isNull();
    }

    @AllDatabases.Test
    void badLabelsAndTheHostsOwnTemplatesAreRefused(CoreAssembly core) {
        String label = "Twice " + tag();
        EmailTemplate added = core.emails().addWelcomeTemplate(label);

        assertThatThrownBy(() -> core.emails().addWelcomeTemplate(label)).hasMessage(
                "A template named '" + label + "' exists already.");
        assertThatThrownBy(() -> core.emails().addWelcomeTemplate("x".repeat(201))).hasMessage(
                "The template's name is required: one line of at most 200 characters.");
        assertThatThrownBy(() -> core.emails().addWelcomeTemplate(" ")).hasMessage(
                "The template's name is required: one line of at most 200 characters.");
        assertThatThrownBy(() -> core.emails().deleteTemplate("product_welcome")).hasMessage("The template"
                + " product_welcome is one of the host's own: it cannot be deleted (Restore the default undoes an edit).");
        assertThatThrownBy(() -> core.emails().resetTemplate(added.name())).hasMessage(
                "An added template has no default to go back to; delete it instead.");
        assertThatThrownBy(() -> core.emails().deleteTemplate("product_welcome_0")).hasMessage(
                "There is no e-mail template 'product_welcome_0'.");
        assertThat(core.emails().templates().stream().filter(t -> t.label().equals(label)).count()).isEqualTo(1);
    }

    private static NewProduct withWelcome(Product p, Long welcomeEmail) {
        return new NewProduct(p.groupId(), p.name(), p.description(), p.type(), p.hidden(), p.payType(), null,
                p.module(), p.configOptions(), p.autoSetup(), java.util.List.of(), p.pricing(), welcomeEmail);
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
