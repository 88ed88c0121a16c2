package org.jexim.transport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One client connection to an SMTP or LMTP server: connect from {@code interface} within
 * {@code connect_timeout}, commands and replies under {@code command_timeout}, the message
 * under {@code data_timeout}, and the STARTTLS upgrade of the same socket.
 */
final class SmtpConnection implements AutoCloseable {
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final int commandTimeout;
    private String lastCommand;

    private SmtpConnection(Socket socket, int commandTimeout) throws IOException {
        this.commandTimeout = commandTimeout;
        attach(socket);
    }

    /** A TCP connection to ip:port, from {@code localAddress} when not null; timeouts in milliseconds. */
    static SmtpConnection open(String ip, int port, String localAddress, int connectTimeout, int commandTimeout)
            throws IOException {
        Socket socket = new Socket();
        try {
            if (localAddress != null && !localAddress.isBlank()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress.strip()), 0));
            }
            socket.connect(new InetSocketAddress(ip, port), connectTimeout);
        } catch (SocketTimeoutException e) {
            socket.close();
            throw new SocketTimeoutException("Connection timed out");
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return new SmtpConnection(socket, commandTimeout);
    }

    /** A connection over streams already open (an LMTP command's stdin and stdout). */
    static SmtpConnection over(InputStream in, OutputStream out, int commandTimeout) {
        try {
            SmtpConnection c = new SmtpConnection(null, commandTimeout);
            c.in = new BufferedInputStream(in);
            c.out = out;
            return c;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void attach(Socket s) throws IOException {
        socket = s;
        if (s != null) {
            s.setSoTimeout(commandTimeout);
            in = new BufferedInputStream(s.getInputStream());
            out = s.getOutputStream();
        }
    }

    /** Replaces the plain socket with a TLS one after "220" to STARTTLS; returns it for its session. */
    SSLSocket startTls(SSLContext context, String peerName, boolean checkName) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, peerName, socket.getPort(), true);
        tls.setUseClientMode(true);
        if (checkName) {
            javax.net.ssl.SSLParameters p = tls.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(p);
        }
        tls.startHandshake();
        attach(tls);
        return tls;
    }

    String lastCommand() {
        return lastCommand;
    }

    SmtpReply command(String line) throws IOException {
        send(line);
        return reply();
    }

    void send(String line) throws IOException {
        lastCommand = line;
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Several commands in one write, their replies read afterwards (PIPELINING). */
    void sendAll(List<String> lines) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String line : lines) {
            b.append(line).append("\r\n");
            lastCommand = line;
        }
        out.write(b.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Writes raw bytes (the message) with {@code timeout} milliseconds for each write and the reply. */
    void write(byte[] data, int timeout) throws IOException {
        if (socket != null) {
            socket.setSoTimeout(timeout);
        }
        out.write(data);
        out.flush();
    }

    /** The stream the message is written to, with {@code timeout} milliseconds for each write and the reply. */
    OutputStream data(int timeout) throws IOException {
        if (socket != null) {
            socket.setSoTimeout(timeout);
        }
        return out;
    }

    /** The time allowed for the next replies, in milliseconds, until {@link #restoreTimeout}. */
    void replyTimeout(int timeout) throws IOException {
        if (socket != null) {
            socket.setSoTimeout(timeout);
        }
    }

    void restoreTimeout() throws IOException {
        if (socket != null) {
            socket.setSoTimeout(commandTimeout);
        }
    }

    /** One complete reply; a connection closed mid-reply is an IOException. */
    SmtpReply reply() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                throw new IOException("Remote host closed connection");
            }
            lines.add(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                int code;
                try {
                    code = Integer.parseInt(line.substring(0, Math.min(3, line.length())));
                } catch (NumberFormatException e) {
                    throw new IOException("Malformed SMTP reply (an empty line) in response to " + lastCommand);
                }
                return new SmtpReply(code, List.copyOf(lines));
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(80);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                break;
            }
            b.write(c);
        }
        if (c < 0 && b.size() == 0) {
            return null;
        }
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** The remote port and the local address and port of the TCP connection. */
    DeliveryResult.Endpoints endpoints() {
        return new DeliveryResult.Endpoints(socket.getPort(), socket.getLocalAddress().getHostAddress(), socket.getLocalPort());
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        } else {
            out.close();
        }
    }
}
