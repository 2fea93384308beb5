package org.billinghost.core.internal.mail;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.billinghost.api.billing.EmailMessage;
import org.billinghost.api.billing.MailServer;
import org.billinghost.api.billing.NewClient;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.OrderLine;
import org.billinghost.api.billing.OrderRequest;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductType;
import org.billinghost.core.testkit.CoreAssembly;

/** A customer who orders a product of {@link WelcomingModule} and pays for it, on one assembly. */
final class MailTestSupport {
    final CoreAssembly core;
    final long clientId;
    final Product product;

    MailTestSupport(CoreAssembly core, String firstName, String productName) {
        this(core, firstName, productName, null);
    }

    /** {@code welcomeEmail}: the product's welcome e-mail (null the default, 0 none, an added template's id). */
    MailTestSupport(CoreAssembly core, String firstName, String productName, Long welcomeEmail) {
        this.core = core;
        core.addServerModule(WelcomingModule.NAME, new WelcomingModule());
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long group = core.catalog().createGroup("Plans " + tag, false).id();
        this.product = core.catalog().addProduct(new NewProduct(group, productName, "", ProductType.OTHER, false,
                PayType.ONETIME, new BigDecimal("9.95"), WelcomingModule.NAME, List.of(), AutoSetup.PAYMENT, List.of(),
                null, welcomeEmail));
        this.clientId = core.clients().add(new NewClient(firstName, "Müller", "customer-" + tag + "@example.com", "",
                "", "", "", "", "", "", "password")).id();
    }

    /** Places an order, pays its invoice and runs the Create job: the events of the four order e-mails. */
    Order orderAndPay() {
        Order order = core.orders().place(new OrderRequest(clientId, List.of(new OrderLine(product.id(), "example.com",
                Map.of())), "banktransfer", false));
        core.invoices().addPayment(order.invoiceId(), new BigDecimal("9.95"), "tx-" + order.id(), "banktransfer");
        core.runDueJobs();
        return order;
    }

    /** The client's messages, oldest first. */
    List<EmailMessage> messages() {
        List<EmailMessage> messages = new java.util.ArrayList<>(core.emails().list(clientId, "", 0, 100).items());
        java.util.Collections.reverse(messages);
        return messages;
    }

    static Properties trustAnyCertificate() {
        Properties props = new Properties();
        props.put("mail.smtps.ssl.trust", "*");
        props.put("mail.smtps.ssl.checkserveridentity", "false");
        return props;
    }

    void useServer(int port, MailServer.Security security, String username, String password) {
        core.emails().saveServer("127.0.0.1", port, security, username, password, "Bïlling Désk", "billing@example.com");
    }
}
