package org.billinghost.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.billinghost.testsupport.ApiClient;
import org.billinghost.testsupport.HostProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The e-mail outbox across a SIGKILL (issue 16): a host killed while it sends loses no message and sends none
 * twice; after the restart every message is sent, or — the one that the SMTP server may have had at the kill —
 * shown as "May have been sent" and never sent again by itself.
 */
class MailOutboxCrashIT {
    private static final int CLIENTS = 120;

    @TempDir
    Path work;

    @Test
    void aKilledHostLosesNoMessageAndSendsNoneTwice() throws Exception {
        ServerSetup setup = ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP})[0];
        setup.setServerStartupTimeout(60_000);
        GreenMail smtp = new GreenMail(setup);
        smtp.start();
        try {
            HostProcess.Options options = HostProcess.options(work.resolve("mail")).demo()
                    .config("org.billinghost.core.mail", Map.of("host", "127.0.0.1",
                            "port", String.valueOf(smtp.getSmtp().getPort()), "security", "NONE",
                            "fromName", "Billing", "fromAddress", "billing@example.com"));
            List<Long> clients = new ArrayList<>();
            HostProcess host = options.start();
            try {
                ApiClient api = ApiClient.demo(host);
                for (int i = 0; i < CLIENTS; i++) {
                    // each AddClient queues its signup e-mail in the client's transaction
                    clients.add(api.addClient("Crash", "Test" + i, "crash-" + i + "@example.com"));
                }
                awaitReceived(smtp, 10);
            } finally {
                host.kill();
            }
            int receivedAtKill = smtp.getReceivedMessages().length;

            try (HostProcess restarted = options.start()) {
                ApiClient api = ApiClient.demo(restarted);
                Map<Long, String> statuses = awaitSettled(api, clients);
                Map<String, Integer> receivedByAddress = receivedByAddress(smtp);
                List<String> twice = receivedByAddress.entrySet().stream().filter(e -> e.getValue() > 1)
                        .map(Map.Entry::getKey).toList();
                assertThat(twice).as("addresses that got their signup e-mail twice").isEmpty();
                List<Long> sentButNotReceived = clients.stream().filter(c -> statuses.get(c).equals("Sent")
                        && !receivedByAddress.containsKey(address(clients.indexOf(c)))).toList();
                assertThat(sentButNotReceived).as("messages marked sent that the server never got").isEmpty();
                long uncertain = statuses.values().stream().filter("May have been sent"::equals).count();
                assertThat(uncertain).as("messages in the SMTP transaction at the kill (one worker)").isLessThanOrEqualTo(1);
                assertThat(statuses.values()).as("every message is sent or flagged").allMatch(s -> s.equals("Sent")
                        || s.equals("May have been sent"));
                System.out.println("[Mail outbox crash] " + CLIENTS + " messages; " + receivedAtKill
                        + " received at the kill; after the restart " + smtp.getReceivedMessages().length
                        + " received, " + uncertain + " flagged 'May have been sent'");
            }
        } finally {
            smtp.stop();
        }
    }

    private static String address(int i) {
        return "crash-" + i + "@example.com";
    }

    private static void awaitReceived(GreenMail smtp, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (smtp.getReceivedMessages().length < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the host sent fewer than " + count + " messages in 2 minutes");
            }
            Thread.sleep(20);
        }
    }

    /** Each client's signup message status, once none is queued any more (a message in flight waits out its 2-minute claim). */
    private static Map<Long, String> awaitSettled(ApiClient api, List<Long> clients) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            Map<Long, String> statuses = new HashMap<>();
            for (long client : clients) {
                JsonNode emails = api.call("GetEmails", Map.of("clientid", client)).path("emails").path("email");
                statuses.put(client, emails.size() == 1 ? emails.get(0).path("status").asText() : "count " + emails.size());
            }
            if (statuses.values().stream().allMatch(s -> s.equals("Sent") || s.equals("May have been sent"))
                    || System.nanoTime() > deadline) {
                return statuses;
            }
            Thread.sleep(500);
        }
    }

    private static Map<String, Integer> receivedByAddress(GreenMail smtp) throws MessagingException {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            for (Address to : message.getAllRecipients()) {
                counts.merge(((InternetAddress) to).getAddress(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
