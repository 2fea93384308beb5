package org.billinghost.core.internal.mail;

import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.billinghost.api.billing.MailServer;
import org.eclipse.angus.activation.MailcapRegistryProviderImpl;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends one message over SMTP with Jakarta Mail (Angus Mail): a multipart/alternative of a UTF-8 plain-text
 * and an HTML part, with the message's own Message-ID. Every failure becomes a {@link MailFailure} whose
 * sentence says what the server answered, or why it could not be reached; never a stack trace.
 */
final class SmtpMailer {
    /**
     * Jakarta Mail and Jakarta Activation find their providers, MIME handlers and mailcap registry through the
     * context class loader: inside OSGi, without a service loader mediator (the distribution has none), that must see
     * both the Angus Mail bundle (transports, handlers) and the Angus Activation bundle (the registry; without it no
     * multipart can be written and the SMTP transfer breaks off after DATA).
     */
    private static final ClassLoader PROVIDERS = new JoinedLoader(SMTPTransport.class.getClassLoader(),
            MailcapRegistryProviderImpl.class.getClassLoader());

    /** A message to send. */
    record Outgoing(String to, String toName, String subject, String text, String html, String messageId) {
    }

    private final Properties extra;

    /** {@code extra}: further Jakarta Mail properties (tests trust their server's certificate with it). */
    SmtpMailer(Properties extra) {
        this.extra = extra;
    }

    /**
     * Sends the message and answers the server's reply to it (e.g. {@code 250 2.0.0 Ok: queued}).
     *
     * @throws MailFailure when the message was not accepted (before or during the SMTP transaction)
     */
    String send(MailSettings settings, Outgoing message) throws MailFailure {
        return send(settings, message, () -> true);
    }

    /**
     * As {@link #send(MailSettings, Outgoing)}; {@code mayStart} is asked once connected, just before the SMTP
     * transaction (the outbox marks the message {@code sending} there); false ends without sending.
     */
    String send(MailSettings settings, Outgoing message, BooleanSupplier mayStart) throws MailFailure {
        MailServer server = settings.server();
        if (!server.configured()) {
            throw new MailFailure("No SMTP server is set (Setup > Mail).");
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(PROVIDERS);
        try {
            Session session = Session.getInstance(properties(server, settings.timeoutSeconds() * 1000));
            MimeMessage mime = mime(session, server, message);
            String protocol = server.security() == MailServer.Security.SSL ? "smtps" : "smtp";
            Transport transport = session.getTransport(protocol);
            try {
                try {
                    transport.connect(server.host(), server.port(), server.username().isEmpty() ? null : server.username(),
                            server.username().isEmpty() ? null : settings.password());
                } catch (AuthenticationFailedException e) {
                    throw new MailFailure("The SMTP server " + server.host() + " refused the user name or password"
                            + answer(transport, e) + ".");
                } catch (MessagingException e) {
                    throw new MailFailure("Could not connect to the SMTP server " + server.host() + ":" + server.port()
                            + ": " + describe(e) + ".");
                }
                if (!mayStart.getAsBoolean()) {
                    throw new MailFailure("Another worker took the message over; it was not sent here.");
                }
                try {
                    transport.sendMessage(mime, mime.getAllRecipients());
                } catch (MessagingException e) {
                    if (refused(e)) {
                        throw new MailFailure("The SMTP server " + server.host() + " did not accept the message"
                                + answer(transport, e) + ".");
                    }
                    // no refusal, the connection broke or timed out: the server may have taken the message
                    throw MailFailure.mayHaveBeenSent("The connection to the SMTP server " + server.host()
                            + " broke off during the transfer (" + describe(e) + "): the message may have been sent.");
                }
                return transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse().strip() : "accepted";
            } finally {
                closeAfterTransfer(transport);
            }
        } catch (MessagingException e) {
            throw new MailFailure("The message could not be sent: " + describe(e) + ".");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** {@code timeoutMillis}: connect, read and write time-outs, so that a server that hangs does not hold a worker. */
    private Properties properties(MailServer server, int timeoutMillis) {
        Properties props = new Properties();
        String p = server.security() == MailServer.Security.SSL ? "mail.smtps." : "mail.smtp.";
        props.put(p + "auth", String.valueOf(!server.username().isEmpty()));
        props.put(p + "connectiontimeout", String.valueOf(timeoutMillis));
        props.put(p + "timeout", String.valueOf(timeoutMillis));
        props.put(p + "writetimeout", String.valueOf(timeoutMillis));
        props.put(p + "ssl.checkserveridentity", "true");
        if (server.security() == MailServer.Security.STARTTLS) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        props.put("mail.mime.charset", "UTF-8");
        props.putAll(extra);
        return props;
    }

    private static MimeMessage mime(Session session, MailServer server, Outgoing message) throws MessagingException {
        String messageId = message.messageId();
        MimeMessage mime = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        mime.setFrom(address(server.fromAddress(), server.fromName()));
        mime.setRecipient(Message.RecipientType.TO, address(message.to(), message.toName()));
        mime.setSubject(message.subject(), "UTF-8");
        mime.setSentDate(new Date());
        MimeMultipart alternatives = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.text(), "UTF-8", "plain");
        alternatives.addBodyPart(text);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(message.html(), "UTF-8", "html");
        alternatives.addBodyPart(html);
        mime.setContent(alternatives);
        mime.saveChanges();
        return mime;
    }

    private static InternetAddress address(String address, String name) throws MessagingException {
        try {
            String display = Addresses.displayName(name);
            return new InternetAddress(address, display.isEmpty() ? null : display, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    /** The server answered with a refusal (a 4xx or 5xx reply), so it does not have the message. */
    private static boolean refused(MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPSendFailedException f && f.getReturnCode() >= 400
                    || x instanceof SMTPAddressFailedException f2 && f2.getReturnCode() >= 400) {
                return true;
            }
        }
        return false;
    }

    /** A failing QUIT changes nothing: the message was accepted or refused before it. */
    private static void closeAfterTransfer(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            // the transfer's outcome is already known
        }
    }

    /** ": 535 5.7.8 Authentication failed" from the server's last reply, or the failure's own words. */
    private static String answer(Transport transport, MessagingException e) {
        String reply = transport instanceof SMTPTransport smtp && smtp.getLastServerResponse() != null
                ? smtp.getLastServerResponse().strip() : "";
        return ": " + (reply.isEmpty() ? describe(e) : reply);
    }

    /** The failure and its causes in words, without class names ("Connection refused"). */
    static String describe(Throwable e) {
        StringBuilder words = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t instanceof MessagingException m ? firstPart(m) : t.getMessage();
            if (message != null && !message.isBlank() && words.indexOf(message.strip()) < 0) {
                words.append(words.length() == 0 ? "" : ": ").append(message.strip());
            }
        }
        return words.length() == 0 ? "no reason given" : words.toString();
    }

    /** A MessagingException's message without the "nested exception is" tail that names classes. */
    private static String firstPart(MessagingException e) {
        String message = e.getMessage();
        int nested = message == null ? -1 : message.indexOf(";\n  nested exception is");
        return nested < 0 ? message : message.substring(0, nested);
    }

    /** Classes and resources of {@code first}, then of {@code second}; resources listed from both. */
    private static final class JoinedLoader extends ClassLoader {
        private final ClassLoader second;

        JoinedLoader(ClassLoader first, ClassLoader second) {
            super(first);
            this.second = second;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            return second.loadClass(name);
        }

        @Override
        protected java.net.URL findResource(String name) {
            return second.getResource(name);
        }

        @Override
        protected java.util.Enumeration<java.net.URL> findResources(String name) throws java.io.IOException {
            return second.getResources(name);
        }
    }
}
