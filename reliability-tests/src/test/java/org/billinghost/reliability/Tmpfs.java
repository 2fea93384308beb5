package org.billinghost.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A small tmpfs mounted for one test (root only): a host's disk to fill without filling the machine's. */
final class Tmpfs implements AutoCloseable {
    private final Path dir;
    private final long bytes;

    private Tmpfs(Path dir, long bytes) {
        this.dir = dir;
        this.bytes = bytes;
    }

    /** Mounts a tmpfs of {@code megabytes} at {@code dir}; answers why when it cannot. */
    static Tmpfs mount(Path dir, int megabytes) throws CannotMount {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CannotMount("cannot create " + dir + ": " + e.getMessage());
        }
        String output = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", dir.toString()));
        if (output != null) {
            throw new CannotMount("'mount -t tmpfs' failed: " + output);
        }
        return new Tmpfs(dir, megabytes * 1024L * 1024L);
    }

    Path dir() {
        return dir;
    }

    /**
     * Writes {@code name} until the file system has no space left (a write fails); answers the bytes
     * written.
     */
    long fill(String name) {
        byte[] chunk = new byte[64 * 1024];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
            while (written <= bytes) {
                out.write(chunk);
                out.flush();
                written += chunk.length;
            }
        } catch (IOException full) {
            // "No space left on device": the disk is full, which is what we wanted
            return written;
        }
        throw new IllegalStateException("wrote more than the " + bytes + " bytes of the tmpfs at " + dir);
    }

    @Override
    public void close() {
        String output = run(List.of("umount", dir.toString()));
        if (output != null) {
            // still busy (a host that did not exit): detach it now, the kernel frees it once unused
            run(List.of("umount", "-l", dir.toString()));
        }
    }

    /** Runs a command; answers null when it succeeded, else its exit status and output. */
    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "timed out";
            }
            return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + output;
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Why a tmpfs could not be mounted here. */
    static final class CannotMount extends Exception {
        private static final long serialVersionUID = 1L;

        CannotMount(String why) {
            super(why);
        }
    }
}
