package org.billinghost.launcher;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {
    @TempDir
    Path dir;

    @Test
    void aTakenPortIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> Preflight.checkPortFree("127.0.0.1", port))
                    .hasMessage("Port " + port + " on 127.0.0.1 is already in use (choose another with --port).");
        }
    }

    @Test
    void aFreePortPasses() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThatCode(() -> Preflight.checkPortFree("127.0.0.1", port)).doesNotThrowAnyException();
    }

    @Test
    void aReadOnlyDataDirectoryIsNamed() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-xr-xr-x"));
        Assumptions.assumeFalse(canWrite(data), "root ignores directory permissions");
        assertThatThrownBy(() -> Preflight.checkWritable(data)).hasMessage("Data directory " + data + " is not writable.");
    }

    @Test
    void aDataDirectoryUnderAFileIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        Path data = file.resolve("data");
        assertThatThrownBy(() -> Preflight.checkWritable(data)).hasMessage("Data directory " + data + " is not writable.");
    }

    private static boolean canWrite(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, "x", ".tmp"));
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
