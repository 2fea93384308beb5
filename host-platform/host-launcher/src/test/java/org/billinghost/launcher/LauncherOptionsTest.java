package org.billinghost.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    @Test
    void defaultsMatchTheReadme() throws Exception {
        LauncherOptions options = LauncherOptions.parse(List.of());
        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.bind()).isEqualTo("127.0.0.1");
        assertThat(options.dataDir()).isEqualTo(Path.of("data").toAbsolutePath().normalize());
        assertThat(options.modulesDir()).isNull();
        assertThat(options.dbUrl()).isEmpty();
        assertThat(options.demo()).isFalse();
    }

    @Test
    void readsEveryFlag() throws Exception {
        LauncherOptions options = LauncherOptions.parse(List.of("--port", "9090", "--bind", "0.0.0.0", "--data", "/tmp/x",
                "--modules", "/tmp/m", "--db-url", "jdbc:postgresql://127.0.0.1/test", "--db-user", "postgres",
                "--db-password-file", "/tmp/pw"));
        assertThat(options.port()).isEqualTo(9090);
        assertThat(options.bind()).isEqualTo("0.0.0.0");
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(options.modulesDir()).isEqualTo(Path.of("/tmp/m"));
        assertThat(options.dbUrl()).isEqualTo("jdbc:postgresql://127.0.0.1/test");
        assertThat(options.dbUser()).isEqualTo("postgres");
        assertThat(options.dbPasswordFile()).isEqualTo(Path.of("/tmp/pw"));
    }

    @Test
    void demoForcesLoopback() throws Exception {
        assertThat(LauncherOptions.parse(List.of("--bind", "0.0.0.0", "--demo")).bind()).isEqualTo("127.0.0.1");
        assertThat(LauncherOptions.parse(List.of("--demo", "--bind", "0.0.0.0")).bind()).isEqualTo("127.0.0.1");
    }

    @Test
    void rejectsBadInputWithOneSentence() {
        assertThatThrownBy(() -> LauncherOptions.parse(List.of("--port", "http")))
                .hasMessage("Port http is not a number between 1 and 65535.");
        assertThatThrownBy(() -> LauncherOptions.parse(List.of("--port", "70000")))
                .hasMessage("Port 70000 is not a number between 1 and 65535.");
        assertThatThrownBy(() -> LauncherOptions.parse(List.of("--data")))
                .hasMessage("Option --data needs a value (see --help).");
        assertThatThrownBy(() -> LauncherOptions.parse(List.of("--data", "--demo")))
                .hasMessage("Option --data needs a value (see --help).");
        assertThatThrownBy(() -> LauncherOptions.parse(List.of("--verbose")))
                .hasMessage("Unknown option --verbose (see --help).");
    }
}
