package org.billinghost.core.internal.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server that takes each message's data and then drops the connection without its final reply: the
 * sender cannot know whether the message was accepted (GreenMail always answers). {@link #refusing} makes one
 * that answers a refusal instead, at the recipient or after the data.
 */
final class DroppingSmtpServer implements AutoCloseable {
    /** Where a refusing server says no. */
    enum Refusal { NONE, RECIPIENT, DATA }

    private final ServerSocket socket;
    private final AtomicInteger messages = new AtomicInteger();
    private final Thread thread;
    private final Refusal refusal;

    DroppingSmtpServer() throws IOException {
        this(Refusal.NONE);
    }

    /** A server that refuses every message: {@code 550} to RCPT, or {@code 554} after the whole data. */
    static DroppingSmtpServer refusing(Refusal where) throws IOException {
        return new DroppingSmtpServer(where);
    }

    private DroppingSmtpServer(Refusal refusal) throws IOException {
        this.refusal = refusal;
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "dropping-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Messages whose data ended (the server had them all, whatever it answered). */
    int messages() {
        return messages.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                converse(connection);
            } catch (IOException e) {
                // closed, or the client went away: the next connection is served alike
            }
        }
    }

    private void converse(Socket connection) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
        Writer out = new OutputStreamWriter(connection.getOutputStream(), StandardCharsets.UTF_8);
        reply(out, "220 dropping.example ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase();
            if (command.equals("RCPT") && refusal == Refusal.RECIPIENT) {
                reply(out, "550 5.1.1 no such mailbox here");
            } else if (command.equals("DATA")) {
                reply(out, "354 go ahead");
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    // the message's lines
                }
                messages.incrementAndGet();
                if (refusal == Refusal.NONE) {
                    return; // dropped before "250 queued"
                }
                reply(out, "554 5.7.1 message refused by policy");
            } else {
                reply(out, command.equals("QUIT") ? "221 bye" : "250 ok");
            }
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
