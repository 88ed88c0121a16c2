package org.jexim.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A plain SMTP client for the integration tests: one command, one reply (the last line of it). */
final class SmtpClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    final String banner;

    SmtpClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(300_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        banner = reply();
    }

    /** Sends a command line and returns the last line of its reply. */
    String command(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return reply();
    }

    /** Sends a message's content after 354 ({@code bytes} of 78-character lines), the final dot, and returns the reply. */
    String content(String headers, long bytes) throws IOException {
        out.write((headers + "\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] line = ("x".repeat(78) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        for (long sent = 0; sent < bytes; sent += line.length) {
            out.write(line);
        }
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return reply();
    }

    /** The last line of the next reply, or "" when the server closed the connection. */
    String reply() throws IOException {
        while (true) {
            String line = line();
            if (line == null) {
                return "";
            }
            if (line.length() < 4 || line.charAt(3) != '-') {
                return line;
            }
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        return c < 0 && b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
