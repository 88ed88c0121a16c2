package org.jexim.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The addresses the translated smtpserver.xml binds, and a check that they accept connections. */
public final class ListenAddresses {
    private static final Pattern BIND = Pattern.compile("<bind>([^<]*)</bind>");

    private ListenAddresses() {
    }

    public static List<InetSocketAddress> of(Path smtpServerXml) throws IOException {
        List<InetSocketAddress> out = new ArrayList<>();
        Matcher m = BIND.matcher(Files.readString(smtpServerXml));
        while (m.find()) {
            for (String b : m.group(1).split(",")) {
                String t = b.strip();
                int colon = t.lastIndexOf(':');
                if (colon > 0) {
                    String host = t.substring(0, colon);
                    out.add(new InetSocketAddress(host.equals("0.0.0.0") ? "127.0.0.1" : host,
                            Integer.parseInt(t.substring(colon + 1))));
                }
            }
        }
        return out;
    }

    public static boolean allListening(List<InetSocketAddress> addresses) {
        for (InetSocketAddress a : addresses) {
            try (Socket s = new Socket()) {
                s.connect(a, 500);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
