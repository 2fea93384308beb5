package org.billinghost.core.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.billinghost.api.billing.NewClient;
import org.billinghost.core.testkit.AllDatabases;
import org.billinghost.core.testkit.CoreAssembly;
import org.billinghost.core.testkit.TestDatabase;

/** The outbox's claim on H2, PostgreSQL and MariaDB: two hosts on one database never take the same message. */
class OutboxClaimTest {

    @AllDatabases.Test
    void twoHostsOnOneDatabaseClaimEachMessageOnce(TestDatabase db) throws Exception {
        try (CoreAssembly hostA = CoreAssembly.on(db.database()); CoreAssembly hostB = CoreAssembly.on(db.database())) {
            long client = hostA.clients().add(new NewClient("Claim", "Test", "claim-" + UUID.randomUUID() + "@example.com",
                    "", "", "", "", "", "", "", "pw")).id();
            Set<Long> queued = new java.util.HashSet<>();
            for (int i = 0; i < 40; i++) {
                queued.add(hostA.emails().sendCustom(client, "Message " + i, "Body " + i).id());
            }
            ExecutorService hosts = Executors.newFixedThreadPool(2);
            List<Long> claimed = new ArrayList<>();
            try {
                List<Callable<List<Long>>> drains = List.of(() -> drain(hostA.mailOutbox(), "host-a"),
                        () -> drain(hostB.mailOutbox(), "host-b"));
                for (Future<List<Long>> drained : hosts.invokeAll(drains)) {
                    claimed.addAll(drained.get());
                }
            } finally {
                hosts.shutdownNow();
            }
            assertThat(claimed).doesNotHaveDuplicates();
            assertThat(claimed.stream().collect(Collectors.toSet())).containsAll(queued);
        }
    }

    private static List<Long> drain(MailOutbox outbox, String owner) {
        List<Long> ids = new ArrayList<>();
        for (Optional<MailOutbox.Claim> claim = outbox.claim(owner, 60_000); claim.isPresent();
             claim = outbox.claim(owner, 60_000)) {
            ids.add(claim.get().id());
        }
        return ids;
    }
}
