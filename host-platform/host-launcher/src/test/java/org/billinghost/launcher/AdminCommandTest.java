package org.billinghost.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What {@code billing-host admin …} accepts; running the commands is tested in the host core and the launcher ITs. */
class AdminCommandTest {

    @Test
    void takesTheDatabaseFlagsOfTheHost() throws Exception {
        assertThat(AdminCommand.parse(List.of("unlock", "admin", "--data", "/tmp/d", "--db-url",
                "jdbc:postgresql://127.0.0.1/test", "--db-user", "u", "--db-password-file", "/tmp/pw"))).isNotNull();
    }

    @Test
    void refusesAFlagThatDoesNotApply() {
        assertThatThrownBy(() -> AdminCommand.parse(List.of("unlock", "admin", "--port", "8080")))
                .hasMessage("Option --port does not apply to admin unlock (see --help).");
        assertThatThrownBy(() -> AdminCommand.parse(List.of("unlock", "admin", "--password-file", "/tmp/pw")))
                .hasMessage("Option --password-file does not apply to admin unlock (see --help).");
    }

    @Test
    void needsACommandAndAUser() {
        assertThatThrownBy(() -> AdminCommand.parse(List.of("reset-password")))
                .hasMessage("Usage: billing-host admin reset-password|unlock USER [options] (see --help).");
        assertThatThrownBy(() -> AdminCommand.parse(List.of("delete", "admin")))
                .hasMessage("Usage: billing-host admin reset-password|unlock USER [options] (see --help).");
        assertThatThrownBy(() -> AdminCommand.parse(List.of("reset-password", "admin", "--data")))
                .hasMessage("Option --data needs a value (see --help).");
    }

    @Test
    void theVersionIsTheBuildsVersion() {
        assertThat(Main.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }
}
