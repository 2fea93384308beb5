package org.billinghost.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API's address restriction and access key on {@code /admin/apicredentials}, written as the configuration file
 * that FileInstall hands to the API bundle (the API's side: ApiSecurityTest in host-httpapi).
 */
class ApiAccessPageTest {
    private static final String PID = "org.billinghost.httpapi.security";
    private static final String KEY = "a long access key 1234";

    private WebServer server;
    private Browser admin;

    @BeforeEach
    void start() throws Exception {
        server = new WebServer(false);
        admin = server.admin();
        admin.open("/admin/apicredentials");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private Browser.Page save(String allowed, String key, boolean remove) {
        return remove ? admin.submit("/admin/apicredentials", "do", "access", "allowedips", allowed, "accesskey", key,
                "removekey", "on")
                : admin.submit("/admin/apicredentials", "do", "access", "allowedips", allowed, "accesskey", key);
    }

    private Path file() {
        return server.settingsDir().resolve(PID + ".cfg");
    }

    private String stored() throws Exception {
        return Files.readString(file());
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theAllowListAndTheKeysHashAreSavedForTheApiBundleAndTheKeyIsNeverShown() throws Exception {
        Browser.Page saved = save("192.0.2.7\n10.0.0.0/8, 2001:db8::/32", KEY, false);

        assertThat(saved.text()).contains("Saved: 3 addresses or ranges may call the API; the new access key is set.");
        assertThat(stored()).isEqualTo("# Written by the admin page API Credentials (API access); read by the HTTP API\n"
                + "allowedIps=192.0.2.7,10.0.0.0/8,2001:db8::/32\naccessKeyHash=" + sha256(KEY) + "\n");
        assertThat(Files.list(server.settingsDir())).containsExactly(file());
        assertThat(saved.doc().select("#access-key-state").text()).isEqualTo("An access key is set.");
        assertThat(saved.doc().select("#allowedips").val()).isEqualTo("192.0.2.7\n10.0.0.0/8\n2001:db8::/32");
        assertThat(saved.body()).doesNotContain(KEY).doesNotContain(sha256(KEY));
    }

    @Test
    void anEmptyKeyKeepsTheKeyAndRemovingItClearsIt() throws Exception {
        save("192.0.2.7", KEY, false);

        save("", "", false);
        assertThat(stored()).endsWith("\nallowedIps=\naccessKeyHash=" + sha256(KEY) + "\n");

        Browser.Page removed = save("", "", true);
        assertThat(removed.text()).contains("Saved: every address may call the API; the access key is removed.");
        assertThat(stored()).endsWith("\nallowedIps=\n");
        assertThat(removed.doc().select("#access-key-state").text()).isEqualTo("No access key is set.");
    }

    @Test
    void badInputIsRefusedAndChangesNothing() throws Exception {
        save("192.0.2.7", KEY, false);
        String before = stored();

        assertThat(save("192.0.2.8\nexample.com", "", false).text()).contains(
                "Allowed addresses: 'example.com' is not an IP address or a range such as 192.0.2.0/24.");
        assertThat(save("10.0.0.0/40", "", false).text()).contains(
                "Allowed addresses: '10.0.0.0/40' has a prefix length outside 0-32.");
        assertThat(save("", "too short", false).text()).contains(
                "The access key must be 16 to 1000 characters long.");
        assertThat(save("", KEY + "x", true).text()).contains("Either set a new access key or remove it, not both.");
        assertThat(save("1".repeat(70_001), "", false).text()).contains(
                "The allowed addresses are longer than 70000 characters.");

        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aFileTheAdministratorWroteIsShown() throws Exception {
        Files.writeString(file(), "allowedIps = 192.0.2.7, 192.0.2.9\n");

        Browser.Page page = admin.open("/admin/apicredentials");

        assertThat(page.doc().select("#allowedips").val()).isEqualTo("192.0.2.7\n192.0.2.9");
        assertThat(page.doc().select("#access-key-state").text()).isEqualTo("No access key is set.");
    }
}
