package org.billinghost.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.billinghost.api.billing.EmailMessage;
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
