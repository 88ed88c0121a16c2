package org.jexim.routing;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.jexim.address.AddressItem;
import org.jexim.address.RoutingContext;
import org.jexim.conf.expand.Expander;
import org.jexim.conf.expand.ExpansionException;
import org.jexim.conf.expand.Pcre;
import org.jexim.conf.lists.ExiList;
import org.jexim.conf.options.EximTime;

/**
 * The iplookup router (spec, "The iplookup router"): sends {@code query} (by default
 * "$local_part@$domain $local_part@$domain") over UDP or TCP to each of {@code hosts} on
 * {@code port} until one answers; the answer (checked by {@code response_pattern}, or against
 * the query's second half by default) becomes a new address ({@code reroute}, or the answer
 * up to white space), which starts again at the first router; no answer defers, or passes
 * when {@code optional}.
 */
final class IplookupDriver implements RouterDriver {
    /**
     * Exim 4.96 reads the answer into a buffer sized with sizeof() of a pointer, so at most 7
     * bytes of it are used; jexim does the same so that routing agrees with Exim.
     */
    static final int EXIM_REPLY_LIMIT = 7;

    private final String routerName;
    private final Map<String, String> o;

    IplookupDriver(String routerName, Map<String, String> options) {
        this.routerName = routerName;
        this.o = options;
    }

    @Override
    public RouterOutcome route(AddressItem address, RoutingContext context) {
        String query;
        String queryOption = o.get("query");
        String lp = address.localPart();
        String domain = address.domain();
        if (queryOption == null) {
            query = lp + "@" + domain + " " + lp + "@" + domain;
        } else {
            try {
                query = RouteExpansion.expand(queryOption, address, context);
            } catch (ExpansionException e) {
                return RouterOutcome.defer(address, routerName + " router: failed to expand " + queryOption + ": "
                        + e.getMessage());
            }
        }
        String reply = ask(query);
        if (reply == null) {
            if (RouterFactory.bool(o, "optional", false)) {
                return RouterOutcome.pass(address);
            }
            return RouterOutcome.defer(address, routerName + " router: failed to communicate with any host");
        }
        String[] captures;
        String pattern = o.get("response_pattern");
        if (pattern != null) {
            Matcher m;
            try {
                m = Pcre.matcher(Pcre.compile(pattern, false), reply);
                if (!m.find()) {
                    return RouterOutcome.decline(address);
                }
            } catch (Pcre.RegexError | Pcre.MatchLimitException e) {
                return RouterOutcome.decline(address);
            }
            captures = new String[m.groupCount() + 1];
            for (int i = 0; i <= m.groupCount(); i++) {
                captures[i] = m.group(i) == null ? "" : m.group(i);
            }
        } else {
            int n = 0;
            while (n < reply.length() && !Character.isWhitespace(reply.charAt(n))) {
                n++;
            }
            if (queryOption == null) {
                int nn = n;
                while (nn < reply.length() && Character.isWhitespace(reply.charAt(nn))) {
                    nn++;
                }
                if (!query.substring(query.length() / 2 + 1).equals(reply.substring(nn))) {
                    return RouterOutcome.decline(address);
                }
            }
            reply = reply.substring(0, n);
            captures = new String[] {reply};
        }
        String reroute = reply;
        if (o.get("reroute") != null) {
            try {
                reroute = Expander.expand(o.get("reroute"), new RouteExpansion(address, context), captures);
            } catch (ExpansionException e) {
                return RouterOutcome.defer(address, routerName + " router: failed to expand " + o.get("reroute")
                        + ": " + e.getMessage());
            }
        }
        int at = reroute.indexOf('@');
        if (at < 0) {
            return RouterOutcome.defer(address, routerName + " router: reroute string " + reroute
                    + " is not of the form user@domain");
        }
        int last = reroute.lastIndexOf('@');
        return RouterOutcome.redirect(address, List.of(new AddressItem(reroute.substring(0, last),
                reroute.substring(last + 1), address, Map.of())));
    }

    /** The first answer of any host, or null when none answered. */
    private String ask(String query) {
        boolean tcp = "tcp".equalsIgnoreCase(o.getOrDefault("protocol", "udp").strip());
        int port = Integer.parseInt(o.getOrDefault("port", "0").strip());
        int timeout = (int) Math.min(Integer.MAX_VALUE / 1000, o.containsKey("timeout")
                ? EximTime.read(o.get("timeout")) : 5) * 1000;
        for (String host : ExiList.items(o.getOrDefault("hosts", ""))) {
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(host);
            } catch (IOException e) {
                continue;
            }
            for (InetAddress a : addresses) {
                try {
                    byte[] q = query.getBytes(StandardCharsets.ISO_8859_1);
                    byte[] r = tcp ? tcp(a, port, q, timeout) : udp(a, port, q, timeout);
                    if (r != null && r.length > 0) {
                        return new String(r, StandardCharsets.ISO_8859_1);
                    }
                } catch (IOException e) {
                    // as Exim: try the next address
                }
            }
        }
        return null;
    }

    private static byte[] udp(InetAddress a, int port, byte[] query, int timeout) throws IOException {
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(timeout);
            s.connect(a, port);
            s.send(new DatagramPacket(query, query.length));
            DatagramPacket p = new DatagramPacket(new byte[EXIM_REPLY_LIMIT], EXIM_REPLY_LIMIT);
            s.receive(p);
            return java.util.Arrays.copyOf(p.getData(), p.getLength());
        }
    }

    private static byte[] tcp(InetAddress a, int port, byte[] query, int timeout) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(a, port), timeout);
            s.setSoTimeout(timeout);
            s.getOutputStream().write(query);
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[EXIM_REPLY_LIMIT];
            int n = in.read(buf);
            return n <= 0 ? null : java.util.Arrays.copyOf(buf, n);
        }
    }
}
