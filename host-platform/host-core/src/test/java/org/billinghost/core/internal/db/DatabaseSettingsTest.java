package org.billinghost.core.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.billinghost.api.platform.ModuleDatabase.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseSettingsTest {

    @Test
    void emptyUrlMeansTheH2FileDatabaseInTheDataDirectory(@TempDir Path data) {
        DatabaseSettings s = DatabaseSettings.from(Map.of(DatabaseSettings.DATA_DIR, data.toString())::get);
        assertThat(s.url()).startsWith("jdbc:h2:file:" + data.resolve("db").resolve("billing") + ";");
        assertThat(s.dialect()).isEqualTo(Dialect.H2);
        assertThat(s.driverClassName()).isEqualTo("org.h2.Driver");
        assertThat(s.h2FileDirectory()).isEqualTo(data.resolve("db"));
        assertThat(new DatabaseSettings("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1", "", "").h2FileDirectory()).isNull();
        assertThat(new DatabaseSettings("jdbc:postgresql://db/billing", "", "").h2FileDirectory()).isNull();
    }

    @Test
    void passwordComesFromTheFileAndIsNeverShown(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "s3cret\n");
        DatabaseSettings s = DatabaseSettings.from(Map.of(DatabaseSettings.URL, "jdbc:postgresql://db/billing?password=x",
                DatabaseSettings.USER, "billing", DatabaseSettings.PASSWORD_FILE, file.toString())::get);
        assertThat(s.password()).isEqualTo("s3cret");
        assertThat(s.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(s.toString()).doesNotContain("s3cret").contains("password=***");
        assertThat(s.displayUrl()).isEqualTo("jdbc:postgresql://db/billing?password=***");

        assertThatThrownBy(() -> DatabaseSettings.from(Map.of(DatabaseSettings.PASSWORD_FILE, dir.resolve("missing").toString())::get))
                .hasMessageStartingWith("Cannot read the database password file");
    }

    @Test
    void dialectIsDetectedFromTheUrl() {
        assertThat(new DatabaseSettings("jdbc:mariadb://h/db", "", "").dialect()).isEqualTo(Dialect.MARIADB);
        assertThat(new DatabaseSettings("jdbc:mariadb://h/db", "", "").driverClassName()).isEqualTo("org.mariadb.jdbc.Driver");
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:mysql://h/db", "", "").dialect())
                .hasMessage("Unsupported database URL jdbc:mysql://h/db: use jdbc:h2:, jdbc:postgresql: or jdbc:mariadb:");
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:oracle:thin:@h", "", "").dialect())
                .hasMessageContaining("Unsupported database URL");
    }

    @Test
    void unreachableDatabaseIsReportedInOneSentenceWithoutThePassword() {
        DatabaseSettings s = new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/billing?connectTimeout=2", "u", "pw-xyz");
        assertThatThrownBy(() -> Database.open(s)).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessage("Cannot connect to the database at jdbc:postgresql://127.0.0.1:1/billing?connectTimeout=2: "
                        + "Connection refused")
                .hasNoCause();
    }
}
