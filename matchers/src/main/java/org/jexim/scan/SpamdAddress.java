package org.jexim.scan;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.jexim.conf.lists.ExiList;
import org.jexim.conf.options.EximTime;

/**
 * Reads the {@code spamd_address} option as Exim 4.96's spam.c does: a colon list of servers,
 * each a space list whose first item is a Unix socket path, or a host and a port (or a
 * dash-separated port range), followed by options. Default: {@code 127.0.0.1 783}.
 */
public final class SpamdAddress {
    /** Exim's default value of {@code spamd_address}. */
    public static final String DEFAULT = "127.0.0.1 783";
    private static final int MAX_SERVERS = 32;

    private SpamdAddress() {
    }

    /** The servers of an (already expanded) {@code spamd_address}; a syntax error is a {@link ScanException}. */
    public static List<SpamdServer> parse(String value) throws ScanException {
        List<SpamdServer> servers = new ArrayList<>();
        for (String element : ExiList.items(value == null || value.isBlank() ? DEFAULT : value)) {
            if (element.isEmpty()) {
                continue;
            }
            if (servers.size() == MAX_SERVERS) {
                throw new ScanException("More than " + MAX_SERVERS + " spamd servers are not supported");
            }
            servers.add(server(element));
        }
        if (servers.isEmpty()) {
            throw new ScanException("no useable spamd server addresses in spamd_address configuration option.");
        }
        return servers;
    }

    private static SpamdServer server(String element) throws ScanException {
        List<String> words = new ArrayList<>();
        for (String w : ExiList.items(element, -' ')) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        List<ScanEndpoint> endpoints = new ArrayList<>();
        int next;
        if (words.get(0).startsWith("/")) {
            endpoints.add(ScanEndpoint.unix(words.get(0)));
            next = 1;
        } else {
            if (words.size() < 2) {
                throw new ScanException("spamd: no port given in \"" + element + "\"");
            }
            String host = words.get(0);
            String[] range = words.get(1).split("-", 2);
            int lo = port(range[0], element);
            int hi = range.length > 1 ? port(range[1], element) : lo;
            for (int p = lo; p <= hi; p++) {
                endpoints.add(ScanEndpoint.tcp(host, p));
            }
            next = 2;
        }
        int pri = 1;
        int weight = 1;
        int retry = 0;
        int tmo = SpamdServer.DEFAULT_TIMEOUT;
        boolean rspamd = false;
        LocalTime from = null;
        LocalTime to = null;
        for (String opt : words.subList(next, words.size())) {
            String v = opt.substring(opt.indexOf('=') + 1);
            if (opt.startsWith("pri=")) {
                pri = number(v, opt);
            } else if (opt.startsWith("weight=")) {
                weight = number(v, opt);
            } else if (opt.startsWith("retry=")) {
                retry = time(v, opt);
            } else if (opt.startsWith("tmo=")) {
                tmo = time(v, opt);
            } else if (opt.equals("variant=rspamd")) {
                rspamd = true;
            } else if (opt.startsWith("time=")) {
                String[] t = v.split("-", 2);
                if (t.length != 2) {
                    throw new ScanException("spamd: bad time value '" + opt + "'");
                }
                from = timeOfDay(t[0], opt);
                to = timeOfDay(t[1], opt);
            } else {
                throw new ScanException("spamd: unhandled option '" + opt + "'");
            }
        }
        return new SpamdServer(List.copyOf(endpoints), pri, weight, from, to, retry, tmo, rspamd);
    }

    private static int port(String s, String element) throws ScanException {
        try {
            int p = Integer.parseInt(s);
            if (p > 0 && p < 65536) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ScanException("spamd: bad port \"" + s + "\" in \"" + element + "\"");
    }

    private static int number(String s, String opt) throws ScanException {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new ScanException("spamd: bad value in '" + opt + "'");
        }
    }

    private static int time(String s, String opt) throws ScanException {
        int t = EximTime.read(s);
        if (t < 0) {
            throw new ScanException("spamd: bad time value in '" + opt + "'");
        }
        return t;
    }

    /** {@code H[.M[.S]]}, each one or more digits. */
    private static LocalTime timeOfDay(String s, String opt) throws ScanException {
        String[] parts = s.split("\\.", -1);
        int[] hms = new int[3];
        if (parts.length > 3) {
            throw new ScanException("spamd: bad time value '" + opt + "'");
        }
        for (int i = 0; i < parts.length; i++) {
            hms[i] = number(parts[i], opt);
        }
        try {
            return LocalTime.of(hms[0], hms[1], hms[2]);
        } catch (java.time.DateTimeException e) {
            throw new ScanException("spamd: bad time value '" + opt + "'");
        }
    }
}
