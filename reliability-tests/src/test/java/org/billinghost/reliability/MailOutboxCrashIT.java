package org.billinghost.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.billinghost.testsupport.ApiClient;
import org.billinghost.testsupport.HostProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The e-mail outbox across an SMTP outage and a SIGKILL (issue 16): messages queued while the SMTP server is
 * down wait; once it is up the host is killed while it drains them; after the restart no message is lost and
 * none was sent twice — each is sent, or (the one the SMTP server may have had at the kill) shown as "May have
 * been sent" and never sent again by itself.
 */
class MailOutboxCrashIT {
    private static final int MESSAGES = 300;

    @TempDir
    Path work;

    @Test
    void aKilledHostLosesNoMessageAndSendsNoneTwice() throws Exception {
        int port = HostProcess.freePort();
        HostProcess.Options options = HostProcess.options(work.resolve("mail")).demo()
                .config("org.billinghost.core.mail", Map.of("host", "127.0.0.1", "port", String.valueOf(port),
                        "security", "NONE", "fromName", "Billing", "fromAddress", "billing@example.com",
                        // a short first retry and claim (four time-outs) keep the test short; the guarantees are the same
                        "timeoutSeconds", "10", "retrySeconds", "1"));
        GreenMail smtp = new GreenMail(patient(ServerSetupTest.SMTP.port(port)));
        try {
            long client;
            HostProcess host = options.start();
            try {
                ApiClient api = ApiClient.demo(host);
                client = api.addClient("Crash", "Test", "crash@example.com");
                for (int i = 0; i < MESSAGES; i++) {
                    api.call("SendEmail", Map.of("id", client, "customtype", "general", "customsubject", subject(i),
                            "custommessage", "Message " + i));
                }
                // the server was down: every message waits for its retry; now it comes up and the host drains them
                smtp.start();
                awaitReceived(smtp, MESSAGES / 10);
            } finally {
                host.kill();
            }
            int receivedAtKill = smtp.getReceivedMessages().length;

            try (HostProcess restarted = options.start()) {
                Map<String, String> statuses = awaitSettled(ApiClient.demo(restarted), client);
                Map<String, Integer> received = receivedBySubject(smtp);
                long uncertain = statuses.values().stream().filter("May have been sent"::equals).count();
                System.out.println("[Mail outbox crash] " + MESSAGES + " messages; " + receivedAtKill
                        + " received at the kill; after the restart " + smtp.getReceivedMessages().length
                        + " received, " + uncertain + " flagged 'May have been sent'");

                assertThat(statuses).as("one outbox message per SendEmail").hasSize(MESSAGES);
                assertThat(received.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                        .as("messages received twice").isEmpty();
                assertThat(statuses.entrySet().stream().filter(e -> e.getValue().equals("Sent")
                        && !received.containsKey(e.getKey())).map(Map.Entry::getKey).toList())
                        .as("messages marked sent that the server never got").isEmpty();
                assertThat(statuses.values()).as("every message is sent or flagged")
                        .allMatch(s -> s.equals("Sent") || s.equals("May have been sent"));
                // one worker: at most the one message it had handed to the server
                assertThat(uncertain).isLessThanOrEqualTo(1);
            }
        } finally {
            smtp.stop();
        }
    }

    private static String subject(int i) {
        return "Crash message " + i;
    }

    /** GreenMail's 2 s start-up limit is too short on a busy build machine. */
    private static ServerSetup patient(ServerSetup setup) {
        setup.setServerStartupTimeout(60_000);
        return setup;
    }

    private static void awaitReceived(GreenMail smtp, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (smtp.getReceivedMessages().length < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the host sent fewer than " + count + " messages in 3 minutes");
            }
            Thread.sleep(5);
        }
    }

    /**
     * The status of each of the client's hand-written messages by subject, once none waits any more (a message
     * left in the SMTP transaction by the kill is flagged when its 40-second claim ends).
     */
    private static Map<String, String> awaitSettled(ApiClient api, long client) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
        while (true) {
            Map<String, String> statuses = new HashMap<>();
            JsonNode emails = api.call("GetEmails", Map.of("clientid", client, "limitnum", 1000)).path("emails")
                    .path("email");
            for (JsonNode email : emails) {
                if (email.path("subject").asText().startsWith("Crash message ")) {
                    statuses.put(email.path("subject").asText(), email.path("status").asText());
                }
            }
            if (statuses.values().stream().allMatch(s -> s.equals("Sent") || s.equals("May have been sent"))
                    || System.nanoTime() > deadline) {
                return statuses;
            }
            Thread.sleep(1000);
        }
    }

    private static Map<String, Integer> receivedBySubject(GreenMail smtp) throws MessagingException {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            counts.merge(message.getSubject(), 1, Integer::sum);
        }
        return counts;
    }
}
