package org.billinghost.httpapi.internal.actions;

import java.util.Map;

import org.billinghost.api.billing.EmailMessage;
import org.billinghost.api.billing.Emails;
import org.billinghost.api.billing.Permissions;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.httpapi.internal.ActionTable;
import org.billinghost.httpapi.internal.ApiError;
import org.billinghost.httpapi.internal.ApiRequest;
import org.billinghost.httpapi.internal.Formats;

/**
 * WHMCS's SendEmail (a template by {@code messagename} about {@code id}, or a message written by hand with
 * {@code customtype=general}, {@code customsubject} and {@code custommessage} to the client {@code id}) and
 * GetEmails (a client's messages, newest first). Both queue or read the host's outbox; nothing is sent
 * while the request waits.
 */
public final class EmailActions {

    private final Emails emails;

    public EmailActions(Emails emails) {
        this.emails = emails;
    }

    public void register(ActionTable table) {
        table.add("SendEmail", Permissions.EMAIL, (r, admin) -> send(r))
                .add("GetEmails", Permissions.EMAIL, (r, admin) -> list(r));
    }

    private Map<String, Object> send(ApiRequest r) {
        r.refuseUnsupported("customvars", "to", "cc", "bcc");
        long id = r.id("id");
        EmailMessage queued;
        if (r.has("messagename")) {
            r.refuseUnsupported("customtype", "customsubject", "custommessage");
            queued = emails.send(r.string("messagename"), id);
        } else {
            String type = r.string("customtype");
            if (!"general".equalsIgnoreCase(type)) {
                throw ApiError.invalid("Parameter customtype must be general (a message to the client id), got '"
                        + ApiRequest.shorten(type) + "'");
            }
            queued = emails.sendCustom(id, r.string("customsubject"), r.string("custommessage"));
        }
        return Replies.of("emailid", queued.id());
    }

    private Map<String, Object> list(ApiRequest r) {
        r.refuseUnsupported("date", "subject");
        Paging paging = Paging.of(r);
        ResultPage<EmailMessage> page = emails.list(r.id("clientid"), "", paging.offset(), paging.limit());
        return Replies.page(page, "emails", "email", page.items().stream().map(m -> Replies.of("id", m.id(),
                "userid", m.clientId(), "subject", m.subject(), "message", m.html(), "date",
                Formats.dateTime(m.created()), "to", m.toAddress(), "cc", "", "bcc", "", "attachments", "",
                "pending", m.sentAt() == null ? 1 : 0, "status", m.status().label())).toList());
    }
}
