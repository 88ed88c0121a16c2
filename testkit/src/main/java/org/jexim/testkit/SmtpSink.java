package org.jexim.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A minimal SMTP server on 127.0.0.1 (random port) that accepts every message and keeps its
 * DATA (dot-unstuffed, CRLF line ends), for tests whose real peer (exim4, jexim) sends mail.
 */
public final class SmtpSink implements AutoCloseable {
    private final ServerSocket server;
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

    public SmtpSink() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
        Thread t = new Thread(this::serve, "smtp-sink");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The next message received, waiting up to the given seconds; null if none came. */
    public String next(int seconds) throws InterruptedException {
        return messages.poll(seconds, TimeUnit.SECONDS);
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                session(s);
            } catch (IOException e) {
                // closed, or the client went away
            }
        }
    }

    private void session(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = s.getOutputStream();
        say(out, "220 sink.test ESMTP");
        for (String line; (line = in.readLine()) != null; ) {
            String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
            switch (cmd) {
                case "EHLO" -> say(out, "250-sink.test\r\n250 8BITMIME");
                case "HELO" -> say(out, "250 sink.test");
                case "DATA" -> {
                    say(out, "354 go ahead");
                    StringBuilder data = new StringBuilder();
                    for (String l; (l = in.readLine()) != null && !l.equals("."); ) {
                        data.append(l.startsWith(".") ? l.substring(1) : l).append("\r\n");
                    }
                    messages.add(data.toString());
                    say(out, "250 OK queued");
                }
                case "QUIT" -> {
                    say(out, "221 bye");
                    return;
                }
                default -> say(out, "250 OK");
            }
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Messages received and not yet taken. */
    public List<String> pending() {
        return List.copyOf(messages);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
