package org.billinghost.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.billinghost.api.billing.EmailMessage;
import org.billinghost.api.billing.EmailTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Setup > Mail, the template editor, the E-mail Log and the client area's My e-mails. */
class MailPagesTest {
    private static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new WebServer(false);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void theSmtpPasswordIsSavedButNeverShownBack() {
        Browser admin = server.admin();
        admin.open("/admin/configmail");
        Browser.Page saved = admin.submit("/admin/configmail", "do", "save", "host", "127.0.0.1", "port", "2525",
                "security", "STARTTLS", "username", "billing", "password", "s3cret-smtp-password", "fromname",
                "Billing", "fromaddress", "billing@example.com");

        assertThat(saved.text()).contains("Mail settings saved: messages go through 127.0.0.1:2525.");
        assertThat(saved.text()).contains("A password is stored; leave empty to keep it.");
        assertThat(saved.body()).doesNotContain("s3cret-smtp-password");
        assertThat(saved.doc().select("#host").val()).isEqualTo("127.0.0.1");

        Browser.Page injected = admin.submit("/admin/configmail", "do", "save", "host", "127.0.0.1", "port",
                "2525", "security", "STARTTLS", "fromaddress", "billing@example.com\r\nBcc: x@example.com");
        assertThat(injected.text()).contains("An e-mail address cannot contain line breaks or control characters.");
        assertThat(server.core().emails().server().fromAddress()).isEqualTo("billing@example.com");
        server.core().emails().saveServer("", 587, org.billinghost.api.billing.MailServer.Security.STARTTLS, "", "",
                "Billing", "billing@example.com");
    }

    @Test
    void aTemplateWithASyntaxErrorIsRefusedNamingTheLineAndThePreviewRendersSampleData() {
        Browser admin = server.admin();
        admin.open("/admin/emailtemplates?name=invoice_created");
        Browser.Page refused = admin.submit("/admin/emailtemplates?name=invoice_created", "do", "save", "subject",
                "Invoice ${invoice.id}", "text", "one\n<#list>", "html", "<p>ok</p>");
        assertThat(refused.text()).contains("The text has a syntax error on line 2");
        assertThat(server.core().emails().template("invoice_created").customized()).isFalse();

        Browser.Page preview = admin.submit("/admin/emailtemplates?name=invoice_created", "do", "preview", "subject",
                "Invoice ${invoice.id} for ${client.firstName}", "text", "Due ${invoice.dueDate}", "html", "<p>x</p>");
        assertThat(preview.doc().select("#preview-subject").text()).isEqualTo("Invoice 200 for Jane");
        assertThat(preview.doc().select("#preview-text").text()).isEqualTo("Due 2026-12-07");
    }

    @Test
    void anAddedWelcomeTemplateIsChosenInTheProductEditorAndNotDeletedWhileAProductUsesIt() {
        Browser admin = server.admin();
        admin.open("/admin/configmail");
        Browser.Page added = admin.submit("/admin/emailtemplates", "do", "add", "label", "Gold <b>welcome</b>");
        EmailTemplate template = server.core().emails().templates().stream()
                .filter(t -> t.label().equals("Gold <b>welcome</b>")).findFirst().orElseThrow();
        assertThat(added.text()).contains("Template Gold <b>welcome</b> added");
        assertThat(added.doc().select("button[value=delete]")).hasSize(1);

        admin.open("/admin/configproducts");
        admin.submit("/admin/configproducts", "do", "creategroup", "name", "Welcomed group");
        long gid = server.core().catalog().groups().stream().filter(g -> g.name().equals("Welcomed group"))
                .findFirst().orElseThrow().id();
        Browser.Page saved = admin.submit("/admin/configproducts", "do", "saveproduct", "id", "0", "gid",
                Long.toString(gid), "name", "Welcomed", "type", "OTHER", "paytype", "FREE", "module", "",
                "shownmodule", "", "autosetup", "", "welcomeemail", Long.toString(template.id()));
        assertThat(saved.doc().select("select[name=welcomeemail] option[selected]").text())
                .isEqualTo("Gold <b>welcome</b>");
        assertThat(server.core().catalog().productsInGroup(gid).get(0).welcomeEmail()).isEqualTo(template.id());

        admin.open("/admin/emailtemplates?name=" + template.name());
        Browser.Page refused = admin.submit("/admin/emailtemplates?name=" + template.name(), "do", "delete");
        assertThat(refused.text()).contains("The template 'Gold <b>welcome</b>' is the welcome e-mail of the product"
                + " Welcomed. Choose another welcome e-mail for them first; the template was not deleted.");
        assertThat(server.core().emails().template(template.name()).id()).isEqualTo(template.id());
    }

    @Test
    void aClientSeesOnlyTheirOwnMessagesAndTheAdminCanResendOne() {
        long clientId = server.newClient("mails@example.com").id();
        long other = server.newClient("other-mails@example.com").id();
        server.core().emails().deliverDue("web-test");
        EmailMessage signup = server.core().emails().list(clientId, "", 0, 10).items().get(0);
        EmailMessage othersSignup = server.core().emails().list(other, "", 0, 10).items().get(0);

        Browser client = server.clientBrowser("mails@example.com");
        assertThat(client.open("/clientarea/emails").text()).contains(signup.subject());
        assertThat(client.open("/clientarea/emails?id=" + signup.id()).doc().select("#email-text").text())
                .contains("Thank you for signing up");
        assertThat(client.get("/clientarea/emails?id=" + othersSignup.id()).status()).isEqualTo(404);

        Browser admin = server.admin();
        assertThat(admin.open("/admin/clientssummary?id=" + clientId).doc().select("table.emails td").eachText())
                .contains(signup.subject());
        admin.open("/admin/emaillog?id=" + signup.id());
        Browser.Page resent = admin.submit("/admin/emaillog?id=" + signup.id(), "do", "resend");
        assertThat(resent.text()).contains("Message #" + signup.id() + " is queued again as message #");
        assertThat(server.core().emails().list(clientId, "", 0, 10).total()).isEqualTo(2);
        assertThat(admin.open("/admin/emaillog?search=mails%40example.com").doc().select("table.emails tr")).hasSize(4);
    }

    @Test
    void theMailPagesNeedTheEmailPermission() {
        assertThat(server.adminWithRole("support-mail", "Support Operator").get("/admin/configmail").status())
                .isEqualTo(403);
    }
}
