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
 * sender cannot know whether the message was accepted (GreenMail always answers).
 */
final class DroppingSmtpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger messages = new AtomicInteger();
    private final Thread thread;

    DroppingSmtpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "dropping-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Messages whose data ended (the server had them all). */
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
            if (command.equals("DATA")) {
                reply(out, "354 go ahead");
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    // the message's lines
                }
                messages.incrementAndGet();
                return; // dropped before "250 queued"
            }
            reply(out, command.equals("QUIT") ? "221 bye" : "250 ok");
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
