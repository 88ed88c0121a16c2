package org.jexim.acl.callout;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The client side of one callout connection: plain SMTP commands and their replies under the
 * callout's timeouts, remembering the last command sent (Exim's big_buffer) for the messages.
 * (The smtp transport has its own client in the mailets jar, which this jar cannot use.)
 */
final class SmtpProbe implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private String lastCommand = "";

    private SmtpProbe(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects to ip:port from {@code localAddress} (null for any); timeouts in milliseconds. */
    static SmtpProbe open(String ip, int port, String localAddress, int connectTimeout, int commandTimeout)
            throws IOException {
        Socket s = new Socket();
        try {
            if (localAddress != null && !localAddress.isBlank()) {
                s.bind(new InetSocketAddress(InetAddress.getByName(localAddress.strip()), 0));
            }
            s.connect(new InetSocketAddress(ip, port), Math.max(1, connectTimeout));
            s.setSoTimeout(Math.max(1, commandTimeout));
            return new SmtpProbe(s);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** One SMTP reply: its code and its lines as received. */
    record Reply(int code, List<String> lines) {
        /** The lines joined with newlines, as Exim's response buffer holds a multi-line reply. */
        String text() {
            return String.join("\n", lines);
        }

        char digit() {
            return (char) ('0' + code / 100);
        }
    }

    String lastCommand() {
        return lastCommand;
    }

    Reply command(String line) throws IOException {
        lastCommand = line;
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return reply();
    }

    /** The next reply; the connection closing first is a {@link Closed}. */
    Reply reply() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                throw new Closed();
            }
            lines.add(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                int code;
                try {
                    code = Integer.parseInt(line.substring(0, Math.min(3, line.length())));
                } catch (NumberFormatException e) {
                    code = 0;
                }
                return new Reply(code, List.copyOf(lines));
            }
        }
    }

    /** The last reply awaited only briefly (the reply to QUIT, which Exim reads and discards). */
    void quit() {
        try {
            socket.setSoTimeout(1000);
            command("QUIT");
        } catch (IOException e) {
            // nothing depends on the answer to QUIT
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(80);
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            b.write(c);
        }
        if (c < 0 && b.size() == 0) {
            return null;
        }
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** The server closed the connection where a reply was due (Exim's ERRNO_SMTPCLOSED). */
    static final class Closed extends IOException {
        Closed() {
            super("connection closed");
        }
    }
}
