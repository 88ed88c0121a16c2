package org.jexim.transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.options.EximTime;
import org.jexim.routing.RouteHost;

/**
 * The smtp transport, first cut: one address at a time to the hosts the router chose (in
 * order; a host that cannot be reached passes to the next), EHLO with {@code helo_data},
 * MAIL, RCPT, DATA with dot-stuffing; a 5xx reply fails the address, a 4xx reply or no host
 * reachable defers it, with Exim's "SMTP error from remote mail server after ..." text.
 * Not yet: TLS, AUTH, several recipients per connection, per-host retry data.
 */
final class SmtpTransport implements Transport {
    private final String name;
    private final TransportOptions options;

    SmtpTransport(String name, Map<String, String> options) {
        this.name = name;
        this.options = new TransportOptions(options);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean local() {
        return false;
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        List<RouteHost> hosts = HostsVariable.decode(delivery.address().variables().get(HostsVariable.NAME));
        if (hosts.isEmpty()) {
            return DeliveryResult.defer("No hosts were given to the " + name + " transport");
        }
        String helo;
        try {
            helo = Expander.expand(options.string("helo_data", "$primary_hostname"),
                    delivery.context().variablesFor(delivery.address()));
        } catch (ExpansionException e) {
            return DeliveryResult.defer("failed to expand helo_data in " + name + " transport: " + e.getMessage());
        }
        int defaultPort = options.has("port") ? Integer.parseInt(options.string("port").strip()) : 25;
        int connectTimeout = 1000 * (options.has("connect_timeout") ? EximTime.read(options.string("connect_timeout")) : 300);
        int commandTimeout = 1000 * (options.has("command_timeout") ? EximTime.read(options.string("command_timeout")) : 300);
        String lastError = null;
        for (RouteHost host : hosts) {
            String ip = host.address() == null ? host.name() : host.address();
            int port = host.port() > 0 ? host.port() : defaultPort;
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(ip, port), connectTimeout);
                socket.setSoTimeout(commandTimeout);
                return session(socket, helo, delivery, host.name(), ip);
            } catch (IOException e) {
                lastError = "host " + host.name() + " [" + ip + "]: " + (e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        return DeliveryResult.defer(lastError);
    }

    private DeliveryResult session(Socket socket, String helo, Delivery delivery, String hostName, String ip)
            throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = socket.getOutputStream();
        String rp = delivery.returnPath() == null ? "" : delivery.returnPath();
        String[][] steps = {{null, "220"}, {"EHLO " + helo, "250"}, {"MAIL FROM:<" + rp + ">", "250"},
            {"RCPT TO:<" + delivery.address().address() + ">", "250"}, {"DATA", "354"}};
        for (String[] step : steps) {
            if (step[0] != null) {
                send(out, step[0]);
            }
            String reply = reply(in);
            if (!reply.startsWith(step[1].substring(0, 1))) {
                return refused(out, reply, step[0], hostName, ip);
            }
        }
        out.write(dotStuffed(MessageWriter.toLf(delivery.message())));
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String reply = reply(in);
        if (!reply.startsWith("2")) {
            return refused(out, reply, "end of data", hostName, ip);
        }
        send(out, "QUIT");
        return DeliveryResult.OK;
    }

    private static DeliveryResult refused(OutputStream out, String reply, String after, String hostName, String ip)
            throws IOException {
        send(out, "QUIT");
        String when = after == null ? "initial connection" : after.startsWith("EHLO") ? "EHLO " + after.substring(5)
                : after.equals("DATA") ? "DATA" : after;
        String message = "SMTP error from remote mail server after " + when + ": " + reply.replace("\n", "\n    ");
        // Exim's log puts H=host [ip] before the message; jexim's DeliveryResult has no host yet
        String user = "host " + hostName + " [" + ip + "]\nSMTP error from remote mail server after " + when + ":\n" + reply;
        return (reply.startsWith("5") ? DeliveryResult.fail(message) : DeliveryResult.defer(message)).withUserMessage(user)
                .withRemote(ip, reply);
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** A complete reply, continuation lines joined with newlines. */
    private static String reply(BufferedReader in) throws IOException {
        StringBuilder b = new StringBuilder();
        while (true) {
            String line = in.readLine();
            if (line == null) {
                throw new IOException("Remote host closed connection");
            }
            b.append(b.length() == 0 ? "" : "\n").append(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                return b.toString();
            }
        }
    }

    /** LF lines become CRLF, and a line starting with a dot gets another. */
    static byte[] dotStuffed(byte[] lf) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(lf.length + lf.length / 20);
        boolean lineStart = true;
        for (byte b : lf) {
            if (lineStart && b == '.') {
                out.write('.');
            }
            if (b == '\n') {
                out.write('\r');
            }
            out.write(b);
            lineStart = b == '\n';
        }
        return out.toByteArray();
    }
}
