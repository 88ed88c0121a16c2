package org.jexim.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A client that writes exactly the bytes it is given, in one write each (so that pipelined input
 * arrives together, as a misbehaving or attacking client sends it), and reads whole replies; it
 * can switch the connection to TLS after {@code 220 TLS go ahead}. The same dialogue can thus
 * be played against jexim and against exim4 and the replies compared.
 */
final class RawSmtp implements AutoCloseable {
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawSmtp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Sends {@code bytes} in one write. */
    RawSmtp send(String bytes) throws IOException {
        out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    /** The lines of the next complete reply, or ["<closed>"] when the server closed the connection. */
    List<String> reply() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = line();
            if (line == null) {
                lines.add("<closed>");
                return lines;
            }
            lines.add(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                return lines;
            }
        }
    }

    /** Sends {@code bytes} and returns the next {@code replies} replies, each joined with newlines. */
    List<String> exchange(String bytes, int replies) throws IOException {
        send(bytes);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < replies; i++) {
            List<String> r = reply();
            all.add(String.join("\n", r));
            if (r.contains("<closed>")) {
                break;
            }
        }
        return all;
    }

    /** Whether the server has closed the connection (read gives end of stream within 10 s). */
    boolean closed() throws IOException {
        socket.setSoTimeout(10_000);
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Runs the TLS handshake on the connection, trusting any certificate. */
    void startTls() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, "127.0.0.1", socket.getPort(), true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        socket = tls;
        in = tls.getInputStream();
        out = tls.getOutputStream();
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        try {
            while ((c = in.read()) >= 0 && c != '\n') {
                if (c != '\r') {
                    b.write(c);
                }
            }
        } catch (IOException e) {
            c = -1;
        }
        return c < 0 && b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
